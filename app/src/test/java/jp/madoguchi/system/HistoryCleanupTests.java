package jp.madoguchi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import jp.madoguchi.BulkyWasteApplications;
import jp.madoguchi.IntegrationTest;
import jp.madoguchi.procedure.TenantContext;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History stays bounded: every finished application gets a removal time (end + the procedure's
 * historyTimeToLive), and the engine's history cleanup, scheduled in its nightly window, removes the
 * history whose time has come, in every table.
 */
class HistoryCleanupTests extends IntegrationTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldScheduleTheCleanupAndRemoveHistoryPastItsRemovalTime() {
    assertThat(history.findHistoryCleanupJobs()).as("scheduled at start for the nightly window").isNotEmpty();
    ProcessInstance instance = TenantContext.callAs(DEMO,
        () -> runtime.startProcessInstanceByKey("bulky-waste-collection", BulkyWasteApplications.valid()));
    BulkyWasteApplications.runJobs(management, instance.getId());
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        BulkyWasteApplications.rejection());
    for (int round = 0; round < 5; round++) {
      BulkyWasteApplications.runJobs(management, instance.getId());
    }
    Date removal = history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getRemovalTime();
    assertThat(removal).as("end + historyTimeToLive").isAfter(new Date());

    jdbc.update("UPDATE act_hi_procinst SET removal_time_ = now() - interval '1 day' WHERE id_ = ?", instance.getId());
    for (String table : java.util.List.of("act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail",
        "act_hi_identitylink", "act_hi_job_log", "act_ge_bytearray")) {
      jdbc.update("UPDATE " + table + " SET removal_time_ = now() - interval '1 day' WHERE root_proc_inst_id_ = ?",
          instance.getId());
    }
    String cleanup = history.cleanUpHistoryAsync(true).getId();
    for (int round = 0; round < 10 && management.createJobQuery().jobId(cleanup).executable().count() > 0; round++) {
      Job job = management.createJobQuery().jobId(cleanup).singleResult();
      management.executeJob(job.getId());
    }

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_varinst WHERE root_proc_inst_id_ = ?", Long.class,
        instance.getId())).isZero();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_actinst WHERE root_proc_inst_id_ = ?", Long.class,
        instance.getId())).isZero();
  }
}
