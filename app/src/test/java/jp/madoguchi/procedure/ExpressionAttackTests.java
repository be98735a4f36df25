package jp.madoguchi.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.TestFolders;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two attacks of issue 9 fail even when an expression reaches the engine past the deploy guard
 * (a deployment from before the guard existed): expressions resolve only process variables and the
 * procedure building blocks, and reach no reflection, static method or engine object. Each expression
 * is evaluated by the engine's own expression manager against a running application's execution.
 */
class ExpressionAttackTests extends IntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;

  private ProcessInstance instance;

  @BeforeEach
  void startAnApplication() {
    instance = TenantContext.callAs(DEMO, () -> runtime.startProcessInstanceByKey("bulky-waste-collection",
        BulkyWasteApplications.valid()));
  }

  @Test
  void shouldNotReadEveryTenantsRowsThroughJdbcTemplate() {
    assertThatThrownBy(() -> evaluate("${jdbcTemplate.queryForList('SELECT tenant_id, number FROM application')}"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Unknown property used in expression")
        .hasMessageContaining("jdbcTemplate");
    assertThatThrownBy(() -> evaluate("${dataSource.connection}")).isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void shouldNotRunAShellCommand() throws Exception {
    Path marker = TestFolders.create("madoguchi-attack-").resolve("pwned");

    assertThatThrownBy(() -> evaluate("${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime')"
        + ".invoke(null).exec('touch " + marker + "')}"))
        .isInstanceOf(ProcessEngineException.class)
        .hasRootCauseInstanceOf(ForbiddenExpressionException.class)
        .hasMessageContaining("getClass");
    Thread.sleep(300);
    assertThat(marker).doesNotExist();
  }

  @Test
  void shouldRefuseReflectionStaticMethodsAndEngineObjectsWhateverTheWay() {
    for (String attack : new String[] {"${applicationNumber.class}", "${applicationNumber['class']}",
        "${applicationNumber.getClass()}", "${true.getBoolean('java.version')}", "${applicationNumber.valueOf(1)}",
        "${execution.getProcessEngineServices()}", "${execution.processInstanceId}", "${jst.getClass()}"}) {
      assertThatThrownBy(() -> evaluate(attack)).as(attack)
          .isInstanceOf(ProcessEngineException.class)
          .hasRootCauseInstanceOf(ForbiddenExpressionException.class);
    }
  }

  @Test
  void shouldRefuseValueMethodsThatGrowWithoutBoundOrBacktrack() {
    for (String attack : new String[] {"${applicationNumber.repeat(3)}", "${'%3s'.formatted(applicationNumber)}",
        "${applicationNumber.indent(3)}", "${applicationNumber.replace('', applicationNumber)}",
        "${applicationNumber.replaceAll('(a|b)*', 'x')}", "${applicationNumber.matches('(.*a){8}')}",
        "${applicationNumber.split('-')}", "${applicationNumber.intern()}", "${now().setTime(0)}"}) {
      assertThatThrownBy(() -> evaluate(attack)).as(attack)
          .isInstanceOf(ProcessEngineException.class)
          .hasRootCauseInstanceOf(ForbiddenExpressionException.class);
    }
  }

  @Test
  void shouldNotChangeTheGroupsOfWhoeverTheEngineActsFor() {
    List<String> groups = new ArrayList<>(List.of("waste-section"));
    identity.setAuthentication("demo-clerk", groups, List.of(DEMO));
    try {
      for (String attack : new String[] {"${currentUserGroups().add('camunda-admin')}",
          "${currentUserGroups().addAll(currentUserGroups())}", "${currentUserGroups().clear()}",
          "${currentUserGroups().set(0, 'camunda-admin')}"}) {
        assertThatThrownBy(() -> evaluate(attack)).as(attack)
            .hasRootCauseInstanceOf(ForbiddenExpressionException.class);
      }
      assertThat(evaluate("${currentUserGroups().contains('waste-section')}")).isEqualTo(true);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(groups).containsExactly("waste-section");
  }

  @Test
  void shouldStillEvaluateWhatProceduresUse() {
    assertThat(evaluate("${jst.daysLater(5, 17)}")).isInstanceOf(Date.class);
    assertThat(evaluate("${applicationNumber.length()}")).isEqualTo(11);
    assertThat(evaluate("${applicationNumber == applicationNumber ? 'same' : 'other'}")).isEqualTo("same");
    assertThat(evaluate("${notifyResident}")).isNotNull();
    assertThat(evaluate("${dateTime().plusDays(1).toDate()}")).isInstanceOf(Date.class);
    assertThat(evaluate("${now().time > 0 and now().before(dateTime().plusDays(1).toDate())}")).isEqualTo(true);
    assertThat(evaluate("${applicationNumber.substring(0, 4).toLowerCase().concat('-').length()}")).isEqualTo(5);
    assertThat(evaluate("${applicationNumber.trim().isEmpty() or applicationNumber.indexOf('-') lt -1}"))
        .isEqualTo(false);
  }

  private Object evaluate(String expression) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
        .createExpression(expression).getValue(context.getExecutionManager().findExecutionById(instance.getId())));
  }
}
