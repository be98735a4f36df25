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

  /**
   * Why a value written out for a building block's input will not do when its step runs, as {Japanese,
   * English}; null when it will, or when the block does not check its inputs ({@code StepInputCheck}).
   */
  String[] inputProblem(String block, String input, String written);

  /** Any bean of the application, building block or not. */
  boolean isApplicationBean(String name);

  boolean tenantExists(String tenantId);

  /** A group of the tenant: at least one staff member of the tenant belongs to it. */
  boolean isGroupOfTenant(String groupId, String tenantId);
}
