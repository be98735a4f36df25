package jp.madoguchi.staff;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Whether a stored grant already holds exactly the wanted permissions, so that setting grants at every
 * start writes only what changed (with a hundred tenants, rewriting every unchanged grant cost
 * thousands of transactions per start). The engine's API answers per permission only; every bit of the
 * stored permissions is probed with a permission that applies to every resource type.
 */
public final class GrantedPermissions {

  private static final int BITS = 31;

  private GrantedPermissions() {
  }

  public static boolean exactly(Authorization grant, Permission... wanted) {
    int expected = 0;
    for (Permission permission : wanted) {
      expected |= permission.getValue();
    }
    int stored = 0;
    for (int bit = 0; bit < BITS; bit++) {
      if (grant.isPermissionGranted(new Bit(1 << bit))) {
        stored |= 1 << bit;
      }
    }
    return stored == expected;
  }

  private record Bit(int value) implements Permission {

    @Override
    public String getName() {
      return "bit-" + Integer.numberOfTrailingZeros(value);
    }

    @Override
    public int getValue() {
      return value;
    }

    @Override
    public Resource[] getTypes() {
      return Resources.values();
    }
  }
}
