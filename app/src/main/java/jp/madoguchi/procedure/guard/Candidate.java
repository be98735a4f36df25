package jp.madoguchi.procedure.guard;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.madoguchi.staff.StaffGroups;

/**
 * A deployment before it is stored.
 *
 * @param author who deploys, or null for the application itself (its shared procedures, tests)
 * @param resources file name → content
 */
record Candidate(String name, String tenantId, Author author, Map<String, byte[]> resources) {

  /** The logged-in user who deploys, as the engine knows them (Basic authentication or webapp session). */
  record Author(String userId, List<String> groups, List<String> tenants) {

    boolean isOperator() {
      return groups.contains(StaffGroups.OPERATOR);
    }

    Set<String> tenantSet() {
      return Set.copyOf(tenants);
    }
  }

  String actor() {
    return author == null ? "system" : author.userId();
  }
}
