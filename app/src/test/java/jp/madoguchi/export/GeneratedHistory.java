package jp.madoguchi.export;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine history of finished 粗大ごみ applications, written with batched INSERTs for
 * {@link ExportBenchmark}: what the engine writes for an application reviewed once, or returned for
 * correction and reviewed again (1–3 review tasks), then approved. Per application: the process
 * instance; its activities (start, each review, end); each review task, claimed by {@code demo-clerk},
 * with its candidate group {@code waste-section}; three process variables (decision, collection date,
 * fee); on every 4th a comment on its last task as Tasklist writes it (on the task only) and on every
 * 10th a comment on the instance. The definition is the one the tenant's
 * applications start (its own deployment, or else the shared one).
 */
final class GeneratedHistory {

  private static final String PROCEDURE = "bulky-waste-collection";
  private static final String REVIEW = "Task_ReviewApplication";
  private static final String CLERK = "demo-clerk";
  private static final int BATCH = 1_000;

  /** Rows written per table, for the benchmark's report. */
  record Written(long instances, long activities, long tasks, long links, long variables, long comments) {
    long total() {
      return instances + activities + tasks + links + variables + comments;
    }
  }

  private final JdbcTemplate jdbc;
  private final String tenantId;
  private final String definitionId;
  private final List<Object[]> instances = new ArrayList<>();
  private final List<Object[]> activities = new ArrayList<>();
  private final List<Object[]> tasks = new ArrayList<>();
  private final List<Object[]> links = new ArrayList<>();
  private final List<Object[]> variables = new ArrayList<>();
  private final List<Object[]> comments = new ArrayList<>();
  private final long[] written = new long[6];

  GeneratedHistory(JdbcTemplate jdbc, RepositoryService repository, String tenantId) {
    this.jdbc = jdbc;
    this.tenantId = tenantId;
    this.definitionId = definition(repository, tenantId).getId();
  }

  /** The tenant's own deployment of the procedure, or else the shared one its applications start. */
  private static ProcessDefinition definition(RepositoryService repository, String tenantId) {
    ProcessDefinition own = repository.createProcessDefinitionQuery().processDefinitionKey(PROCEDURE)
        .tenantIdIn(tenantId).latestVersion().singleResult();
    return own != null ? own : repository.createProcessDefinitionQuery().processDefinitionKey(PROCEDURE)
        .withoutTenantId().latestVersion().singleResult();
  }

  /** The history of application number {@code index}, submitted at {@code submitted}. */
  void add(int index, String processInstanceId, String number, Instant submitted) {
    int reviews = 1 + index % 3;
    Instant ended = submitted.plus(Duration.ofDays(2L * reviews + 1));
    instances.add(new Object[] {processInstanceId, processInstanceId, number, PROCEDURE, definitionId, time(submitted),
        time(ended), Duration.between(submitted, ended).toMillis(), "StartEvent_ApplicationSubmitted",
        "Event_CollectionScheduled", processInstanceId, tenantId, "COMPLETED"});
    activity(UUID.randomUUID().toString(), processInstanceId, "StartEvent_ApplicationSubmitted", "申込を受信",
        "startEvent", null, null, submitted, submitted, 1);
    String lastTask = null;
    for (int review = 0; review < reviews; review++) {
      String taskId = UUID.randomUUID().toString();
      String activityInstanceId = REVIEW + ":" + UUID.randomUUID();
      Instant created = submitted.plus(Duration.ofDays(2L * review).plusHours(1));
      Instant completed = created.plus(Duration.ofDays(1));
      activity(activityInstanceId, processInstanceId, REVIEW, "申込内容の審査", "userTask", taskId, CLERK, created,
          completed, 2 + review);
      tasks.add(new Object[] {taskId, REVIEW, PROCEDURE, definitionId, processInstanceId, processInstanceId,
          processInstanceId, activityInstanceId, "申込内容の審査", CLERK, time(created), time(completed),
          Duration.between(created, completed).toMillis(), "completed", 50, tenantId, "Completed"});
      links.add(new Object[] {UUID.randomUUID().toString(), time(created), "candidate", null, "waste-section", taskId,
          processInstanceId, definitionId, "add", null, PROCEDURE, tenantId});
      lastTask = taskId;
    }
    activity(UUID.randomUUID().toString(), processInstanceId, "Event_CollectionScheduled", "収集予定",
        "noneEndEvent", null, null, ended, ended, 2 + reviews);
    variable(processInstanceId, "decision", "string", null, "approved", submitted);
    variable(processInstanceId, "collectionDate", "string", null, "2026-12-10", submitted);
    variable(processInstanceId, "fee", "long", 1_000L, null, submitted);
    Instant commented = submitted.plus(Duration.ofDays(2L * (reviews - 1)).plusHours(3));
    if (index % 4 == 0) {
      comment(null, lastTask, processInstanceId, "玄関前の確認済み。" + index, commented);
    }
    if (index % 10 == 0) {
      comment(processInstanceId, null, processInstanceId, "電話で日程を調整。" + index, commented.plusSeconds(60));
    }
    if (instances.size() == BATCH) {
      flush();
    }
  }

  /** Writes what is left; returns what was written. */
  Written finish() {
    flush();
    return new Written(written[0], written[1], written[2], written[3], written[4], written[5]);
  }

  private void activity(String id, String processInstanceId, String activityId, String name, String type,
      String taskId, String assignee, Instant start, Instant end, long sequence) {
    activities.add(new Object[] {id, processInstanceId, PROCEDURE, definitionId,
        processInstanceId, processInstanceId, processInstanceId, activityId, taskId, name, type, assignee, time(start),
        time(end), Duration.between(start, end).toMillis(), 1, sequence, tenantId});
  }

  private void variable(String processInstanceId, String name, String type, Long longValue, String text,
      Instant created) {
    variables.add(new Object[] {UUID.randomUUID().toString(), PROCEDURE, definitionId, processInstanceId,
        processInstanceId, processInstanceId, processInstanceId, name, type, time(created), 1, longValue, text, tenantId,
        "CREATED"});
  }

  /** {@code processInstanceId} null: a comment on the task only, as Tasklist makes it. */
  private void comment(String processInstanceId, String taskId, String rootProcessInstanceId, String text,
      Instant at) {
    comments.add(new Object[] {UUID.randomUUID().toString(), "comment", time(at), CLERK, taskId, rootProcessInstanceId,
        processInstanceId, "AddComment", text, text.getBytes(StandardCharsets.UTF_8), tenantId});
  }

  private void flush() {
    insert(0, instances, """
        INSERT INTO act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
          end_time_, duration_, start_act_id_, end_act_id_, root_proc_inst_id_, tenant_id_, state_)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    insert(1, activities, """
        INSERT INTO act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
          proc_inst_id_, execution_id_, act_id_, task_id_, act_name_, act_type_, assignee_, start_time_, end_time_,
          duration_, act_inst_state_, sequence_counter_, tenant_id_)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    insert(2, tasks, """
        INSERT INTO act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
          proc_inst_id_, execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_,
          delete_reason_, priority_, tenant_id_, task_state_)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    insert(3, links, """
        INSERT INTO act_hi_identitylink (id_, timestamp_, type_, user_id_, group_id_, task_id_, root_proc_inst_id_,
          proc_def_id_, operation_type_, assigner_id_, proc_def_key_, tenant_id_)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    insert(4, variables, """
        INSERT INTO act_hi_varinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
          execution_id_, act_inst_id_, name_, var_type_, create_time_, rev_, long_, text_, tenant_id_, state_)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
    insert(5, comments, """
        INSERT INTO act_hi_comment (id_, type_, time_, user_id_, task_id_, root_proc_inst_id_, proc_inst_id_,
          action_, message_, full_msg_, tenant_id_)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
  }

  private void insert(int table, List<Object[]> rows, String sql) {
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(sql, rows);
      written[table] += rows.size();
      rows.clear();
    }
  }

  private static Timestamp time(Instant instant) {
    return Timestamp.from(instant);
  }
}
