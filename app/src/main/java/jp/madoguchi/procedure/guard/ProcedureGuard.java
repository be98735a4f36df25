package jp.madoguchi.procedure.guard;

import java.util.Map;
import java.util.TreeMap;

/**
 * The rules every deployment passes (README "Deploy guard"): who may deploy for which tenant, no
 * code, expressions limited to variables and building blocks, forms deployed together, groups of the
 * tenant, a history time to live, information labels, the model conventions, the messages a building
 * block may send, and a control flow that waits, calls no process back and creates few instances at once.
 * Returns every reason at once, so a designer fixes them in one go.
 */
final class ProcedureGuard {

  private ProcedureGuard() {
  }

  static Verdict check(Candidate candidate, GuardEnvironment environment) {
    Verdict tenant = TenantRule.check(candidate, environment);
    if (tenant.refused()) {
      return tenant;
    }
    Reasons reasons = new Reasons();
    Map<String, byte[]> resources = new TreeMap<>(candidate.resources());
    ParsedDeployment deployment = ParsedDeployment.parse(resources, reasons);
    for (ParsedDeployment.BpmnFile file : deployment.bpmn) {
      CodeRules.check(file, reasons);
      ExpressionRules.check(file, environment, reasons);
      ModelRules.check(file, reasons);
      UserTaskRules.check(file, reasons);
      MergedApplicationsRules.check(file, reasons);
      StepInputRules.check(file, environment, reasons);
      FlowRules.check(file, reasons);
      TimerRules.check(file, reasons);
      for (ProcessView view : ProcessView.of(file)) {
        FormRules.check(view, deployment, reasons);
        GroupRules.check(view, candidate.tenantId(), environment, reasons);
        LabelRules.check(view, deployment, environment.buildingBlocks(), reasons);
      }
    }
    CallActivityRules.check(deployment, reasons);
    MultiInstanceRules.check(deployment, reasons);
    deployment.dmn.forEach(file -> DmnRules.check(file, reasons));
    LabelRules.checkForms(deployment, reasons);
    return new Verdict(reasons.list(), false);
  }
}
