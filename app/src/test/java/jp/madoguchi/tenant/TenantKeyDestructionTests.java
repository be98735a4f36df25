package jp.madoguchi.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.TenantContext;
import jp.madoguchi.tenant.TenantsSeed.TenantSeed;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crypto-shredding: destroying a tenant's data key makes all of its data unreadable at once (engine
 * variables and their history, application payloads, LINE secrets), while another tenant goes on.
 * A tenant of its own is made for this, so the shared test tenants stay intact.
 */
class TenantKeyDestructionTests extends IntegrationTest {

  @Autowired TenantProvisioning provisioning;
  @Autowired TenantKeys keys;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldMakeTheTenantsDataUnreadableWhileTheOtherTenantWorks() {
    String shredded = "shred-" + UUID.randomUUID().toString().substring(0, 8);
    provisioning.ensureTenant(new TenantSeed(shredded, "破棄テスト市",
        new TenantsSeed.LineSeed("secret-" + shredded, "token-" + shredded, null, null), List.of(), List.of(), Map.of()),
        ProvisioningLedger.OPERATOR_REQUEST, false);
    ProcessInstance gone = start(shredded);
    ProcessInstance kept = start(DEMO);
    assertThat(runtime.getVariable(gone.getId(), "address")).isEqualTo("デモ市中央1-2-3");

    keys.destroyDataKey(shredded);

    assertThatThrownBy(() -> runtime.getVariable(gone.getId(), "address"))
        .isInstanceOf(TenantKeyDestroyedException.class);
    List<HistoricVariableInstance> past = history.createHistoricVariableInstanceQuery().processInstanceId(gone.getId())
        .variableName("phone").list();
    assertThat(past).singleElement().satisfies(variable -> {
      assertThat(variable.getValue()).isNull();
      assertThat(variable.getErrorMessage()).contains("destroyed");
    });
    byte[] payload = jdbc.queryForObject("SELECT payload FROM application WHERE process_instance_id = ?", byte[].class,
        gone.getId());
    assertThatThrownBy(() -> keys.decrypt(shredded, "application.payload", payload))
        .isInstanceOf(TenantKeyDestroyedException.class);
    assertThat(jdbc.queryForObject("SELECT data_key IS NULL AND data_key_destroyed_at IS NOT NULL FROM tenant WHERE id = ?",
        Boolean.class, shredded)).isTrue();

    assertThat(runtime.getVariable(kept.getId(), "address")).isEqualTo("デモ市中央1-2-3");
    BulkyWasteApplications.runJobs(management, kept.getId());
    tasks.complete(tasks.createTaskQuery().processInstanceId(kept.getId()).singleResult().getId(),
        BulkyWasteApplications.rejection());
    // the process-level value (the review task has a local one of its own: each review starts empty)
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(kept.getId()).variableName("rejectReason")
        .activityInstanceIdIn(kept.getId()).singleResult().getValue()).isEqualTo(BulkyWasteApplications.rejection().get("rejectReason"));
    assertThat(start(DEMO).getBusinessKey()).isNotNull();
  }

  private ProcessInstance start(String tenant) {
    return TenantContext.callAs(tenant, () -> runtime.startProcessInstanceByKey("bulky-waste-collection",
        BulkyWasteApplications.valid()));
  }
}
