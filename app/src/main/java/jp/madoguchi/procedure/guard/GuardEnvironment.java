package jp.madoguchi.procedure.guard;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the guard asks of the running application: its beans, tenants and groups. */
interface GuardEnvironment {

  /** Names of the {@code @ProcedureBuildingBlock} beans. */
  Set<String> buildingBlocks();

  /** The input parameters each building block that needs some needs on its step, by the block's name. */
  Map<String, List<String>> requiredInputs();

  /** Any bean of the application, building block or not. */
  boolean isApplicationBean(String name);

  boolean tenantExists(String tenantId);

  /** A group of the tenant: at least one staff member of the tenant belongs to it. */
  boolean isGroupOfTenant(String groupId, String tenantId);
}
