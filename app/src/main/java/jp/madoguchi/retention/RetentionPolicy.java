package jp.madoguchi.retention;

import java.util.OptionalInt;

/**
 * How long a procedure's applications are kept after completion (文書保存年限, contract C1's
 * {@code retentionYears}). Stands in for {@code procedure.ProcedureLabels#retentionYears} until
 * that is on main.
 */
interface RetentionPolicy {

  /** Empty for a procedure that does not declare it: the engine's history time to live applies. */
  OptionalInt retentionYears(String processDefinitionId);
}
