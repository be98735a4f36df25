package jp.madoguchi.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import jp.madoguchi.database.LongStatements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a database with historic applications for the statistics benchmark, in bulk SQL (no REST
 * calls, no process engine): for every application its {@code application} row, its process
 * instance in {@code act_hi_procinst} and the activity instances of the path it took in
 * {@code act_hi_actinst} (the real element ids of the shipped procedures, so the resident statuses
 * resolve as in production), open review tasks with candidate groups and due dates for the
 * applications still in progress, paid fees for 住民票の写し, and LINE follows per day. Rows are
 * written in the order of their ids and start times, as the engine writes them, which keeps the
 * load from scattering writes over every index.
 *
 * <p>Mix: 粗大ごみ 40 %, 道路損傷 25 %, 住民票 25 %, 児童手当 10 %; per procedure mostly approved, some
 * rejected, returned for correction (差戻し), withdrawn or expired; 70 % online; processing takes 1 to
 * 15 days, so the applications of the last two weeks are partly still open. Start times are spread
 * evenly over the given days. Deterministic for a given seed. Payloads are one placeholder byte:
 * the statistics never read them.
 */
public final class StatisticsDataGenerator {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public StatisticsDataGenerator(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /** The latest shared definition of every procedure, by key: the ones the generated history refers to. */
  public static Map<String, String> sharedDefinitions(RepositoryService repository) {
    return repository.createProcessDefinitionQuery().latestVersion().withoutTenantId().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getId));
  }

  /**
   * @param definitions process definition id of each procedure key, as deployed
   * @param now the end of history (JST): nothing ends after it
   */
  public void generate(String tenantId, int applications, LocalDate firstDay, int days, LocalDateTime now,
      Map<String, String> definitions, double seed) {
    transaction.executeWithoutResult(status -> {
      LongStatements.allowInThisTransaction(jdbc); // a bulk load this size outlasts the request timeouts
      jdbc.queryForObject("SELECT setseed(?)", Object.class, seed);
      createPaths(definitions);
      jdbc.update("""
          CREATE TEMP TABLE bench_instance ON COMMIT DROP AS
          SELECT g.i, 'bench-' || ? || '-' || lpad(g.i::text, 8, '0') AS id, p.key, p.def_id, p.acts, p.end_act,
                 p.review_act, p.department, p.paid, g.start_time, g.r4 < 0.3 AS counter,
                 g.start_time + (1 + g.r5 * 14) * interval '1 day' AS planned_end
          FROM (SELECT i, random() AS r1, random() AS r2, random() AS r4, random() AS r5,
                       ?::timestamp + (i - 1 + random()) / ? * ? * interval '1 day' AS start_time
                FROM generate_series(1, ?) AS i) g
          JOIN bench_path p ON g.r1 >= p.proc_lo AND g.r1 < p.proc_hi AND g.r2 >= p.lo AND g.r2 < p.hi
          ORDER BY g.i""",
          tenantId, firstDay.atStartOfDay(), applications, days, applications);
      jdbc.update("""
          CREATE TEMP TABLE bench_run ON COMMIT DROP AS
          SELECT i, id, key, def_id, review_act, department, paid, start_time, counter,
                 planned_end > ? AS open,
                 CASE WHEN planned_end > ? THEN acts[1:3] ELSE acts END AS acts,
                 CASE WHEN planned_end > ? THEN NULL ELSE end_act END AS end_act,
                 CASE WHEN planned_end > ? THEN NULL ELSE planned_end END AS end_time
          FROM bench_instance ORDER BY i""", now, now, now, now);
      insertHistory(tenantId, now);
      insertApplications(tenantId);
      insertOpenTasks(tenantId);
      insertLine(tenantId, firstDay, days, applications);
    });
    jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) connection -> {
      connection.setNetworkTimeout(Runnable::run, 0); // reset by the pool
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute("SET statement_timeout = 0");
        for (String table : new String[] {"application", "act_hi_procinst", "act_hi_actinst", "payment", "act_ru_task",
            "act_ru_identitylink", "line_follow_daily", "line_resident"}) {
          statement.execute("VACUUM ANALYZE " + table);
        }
        statement.execute("RESET statement_timeout");
      }
      return null;
    });
  }

  /** Paths through each procedure (real element ids) with their share; proc_lo/hi pick the procedure, lo/hi the path. */
  private void createPaths(Map<String, String> definitions) {
    jdbc.execute("""
        CREATE TEMP TABLE bench_path (key text, proc_lo float, proc_hi float, lo float, hi float, acts text[],
          end_act text, review_act text, department text, paid boolean, def_id text) ON COMMIT DROP""");
    String start = "StartEvent_ApplicationSubmitted,Task_RegisterApplication,Task_ReviewApplication,";
    path("bulky-waste-collection", 0.0, 0.4, "waste-section", false, new Object[][] {
        {0.0, 0.6, start + "Task_NotifyApproved,Event_CollectionScheduled"},
        {0.6, 0.75, start + "Task_NotifyRejected,Event_Rejected"},
        {0.75, 0.82, start + "Task_NotifyWithdrawn,Event_Withdrawn"},
        {0.82, 0.95, start + "Task_NotifyReturned,Task_ReviewApplication,Task_NotifyApproved,Event_CollectionScheduled"},
        {0.95, 1.0, start + "Task_NotifyReturned,Task_NotifyCorrectionExpired,Event_CorrectionExpired"}});
    path("road-damage-report", 0.4, 0.65, "road-section", false, new Object[][] {
        {0.0, 0.7, "StartEvent_ReportSubmitted,Task_RegisterApplication,Task_TriageReport,Task_NotifyAccepted,"
            + "Task_StartRepair,Task_NotifyInProgress,Task_CompleteRepair,Task_NotifyFixed,Event_Fixed"},
        {0.7, 0.95, "StartEvent_ReportSubmitted,Task_RegisterApplication,Task_TriageReport,Task_NotifyRejected,"
            + "Event_Rejected"},
        {0.95, 1.0, "StartEvent_ReportSubmitted,Task_RegisterApplication,Task_TriageReport,Task_NotifyWithdrawn,"
            + "Event_Withdrawn"}});
    String certificate = "StartEvent_ApplicationSubmitted,Task_RegisterApplication,Task_ReviewApplication,";
    path("resident-certificate", 0.65, 0.9, "citizen-section", true, new Object[][] {
        {0.0, 0.55, certificate + "Task_RequestPayment,Event_PaymentCompleted,Task_EnterTrackingNumber,"
            + "Task_NotifyMailed,Event_Mailed"},
        {0.55, 0.8, certificate + "Task_RequestPayment,Event_PaymentCompleted,Task_NotifyReadyForPickup,"
            + "Task_ConfirmHandover,Event_HandedOver"}});
    path("resident-certificate", 0.65, 0.9, "citizen-section", false, new Object[][] {
        {0.8, 0.88, certificate + "Task_NotifyRejected,Event_Rejected"},
        {0.88, 0.94, certificate + "Task_RequestPayment,Task_NotifyPaymentExpired,Event_PaymentExpired"},
        {0.94, 1.0, certificate + "Task_NotifyReturned,Task_ReviewApplication,Task_NotifyRejected,Event_Rejected"}});
    path("child-allowance", 0.9, 1.0, "child-section", false, new Object[][] {
        {0.0, 0.7, start + "Task_ApproveByChief,Task_NotifyApproved,Event_Approved"},
        {0.7, 0.8, start + "Task_NotifyRejected,Event_Rejected"},
        {0.8, 0.95, start + "Task_NotifyReturned,Task_ReviewApplication,Task_ApproveByChief,Task_NotifyApproved,"
            + "Event_Approved"},
        {0.95, 1.0, start + "Task_NotifyWithdrawn,Event_Withdrawn"}});
    definitions.forEach((key, id) -> jdbc.update("UPDATE bench_path SET def_id = ? WHERE key = ?", id, key));
  }

  private void path(String key, double procLo, double procHi, String department, boolean paid, Object[][] paths) {
    for (Object[] path : paths) {
      String[] acts = ((String) path[2]).split(",");
      jdbc.update("INSERT INTO bench_path VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, NULL)", key, procLo, procHi, path[0],
          path[1], "{" + String.join(",", acts) + "}", acts[acts.length - 1], acts[2], department, paid);
    }
  }

  private void insertHistory(String tenantId, LocalDateTime now) {
    jdbc.update("""
        INSERT INTO act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_,
          end_time_, duration_, start_user_id_, start_act_id_, end_act_id_, root_proc_inst_id_, tenant_id_, state_)
        SELECT id, id, 'B-' || lpad(i::text, 8, '0'), key, def_id, start_time, end_time,
               (extract(epoch FROM end_time - start_time) * 1000)::bigint,
               CASE WHEN counter THEN 'bench-clerk' END, acts[1], end_act, id, ?,
               CASE WHEN open THEN 'ACTIVE' ELSE 'COMPLETED' END
        FROM bench_run ORDER BY i""", tenantId);
    // the activities share the instance's time evenly; the last one of an open instance is still running
    jdbc.update("""
        INSERT INTO act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
          proc_inst_id_, execution_id_, act_id_, act_name_, act_type_, start_time_, end_time_, duration_,
          act_inst_state_, sequence_counter_, tenant_id_)
        SELECT r.id || ':' || a.n, r.id, r.key, r.def_id, r.id, r.id, r.id, a.act, a.act,
               CASE WHEN a.n = 1 THEN 'startEvent' WHEN a.act LIKE 'Task_%' THEN 'serviceTask'
                    WHEN a.n = cardinality(r.acts) THEN 'noneEndEvent' ELSE 'intermediateMessageCatch' END,
               r.start_time + (a.n - 1) * s.step,
               CASE WHEN r.open AND a.n = cardinality(r.acts) THEN NULL ELSE r.start_time + a.n * s.step END,
               CASE WHEN r.open AND a.n = cardinality(r.acts) THEN NULL
                    ELSE (extract(epoch FROM s.step) * 1000)::bigint END,
               CASE WHEN r.open AND a.n = cardinality(r.acts) THEN 0 ELSE 4 END, a.n, ?
        FROM (SELECT * FROM bench_run ORDER BY i) r
        CROSS JOIN LATERAL (SELECT (coalesce(r.end_time, ?::timestamp) - r.start_time) / cardinality(r.acts) AS step) s
        CROSS JOIN LATERAL unnest(r.acts) WITH ORDINALITY AS a(act, n)""", tenantId, now);
  }

  /** Ids in the order of the rows, so that the primary keys grow at their end as they do in production. */
  private void insertApplications(String tenantId) {
    jdbc.execute("""
        CREATE OR REPLACE FUNCTION pg_temp.bench_uuid(tenant text, kind int, i bigint) RETURNS uuid LANGUAGE sql IMMUTABLE AS
        $$ SELECT (substr(md5(tenant), 1, 8) || '-000' || kind || '-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid $$""");
    jdbc.update("""
        INSERT INTO application (id, tenant_id, number, procedure_key, process_instance_id, submitted_at, payload,
          label, channel)
        SELECT pg_temp.bench_uuid(?, 1, i), ?, 'B-' || lpad(i::text, 8, '0'), key, id,
               start_time AT TIME ZONE 'Asia/Tokyo', '\\x00'::bytea, 'CONFIDENTIAL',
               CASE WHEN counter THEN 'COUNTER' ELSE 'ONLINE' END
        FROM bench_run ORDER BY i""", tenantId, tenantId);
    jdbc.update("""
        INSERT INTO payment (id, tenant_id, application_id, process_instance_id, amount, description, status, provider,
          provider_ref, pay_url, created_at, updated_at, paid_at)
        SELECT pg_temp.bench_uuid(?, 2, i), ?, pg_temp.bench_uuid(?, 1, i), id, 300 * (1 + i % 3),
               '住民票の写しの交付手数料', 'PAID', 'simulated', id, '-', t, t, t
        FROM (SELECT i, id, (start_time + (end_time - start_time) / 2) AT TIME ZONE 'Asia/Tokyo' AS t
              FROM bench_run WHERE paid AND NOT open ORDER BY i) paid""", tenantId, tenantId, tenantId);
  }

  /** The review task of every open application, due five days after submission (so the older ones are overdue). */
  private void insertOpenTasks(String tenantId) {
    jdbc.update("""
        INSERT INTO act_ru_task (id_, rev_, proc_def_id_, name_, task_def_key_, priority_, create_time_,
          last_updated_, due_date_, suspension_state_, tenant_id_)
        SELECT id || ':task', 1, def_id, review_act, review_act, 50, start_time, start_time,
               start_time + interval '5 days', 1, ?
        FROM bench_run WHERE open""", tenantId);
    jdbc.update("""
        INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, task_id_, tenant_id_)
        SELECT id || ':candidate', 1, department, 'candidate', id || ':task', ? FROM bench_run WHERE open""", tenantId);
  }

  /** Follows and blocks on every day, and one resident row per 20 applications. */
  private void insertLine(String tenantId, LocalDate firstDay, int days, int applications) {
    jdbc.update("""
        INSERT INTO line_follow_daily (tenant_id, day, follows, unfollows)
        SELECT ?, ?::date + d, floor(random() * 40)::int, floor(random() * 8)::int FROM generate_series(0, ? - 1) d
        ON CONFLICT DO NOTHING""", tenantId, firstDay, days);
    jdbc.update("""
        INSERT INTO line_resident (tenant_id, user_id, followed)
        SELECT ?, 'Ubench' || ? || u, random() < 0.85 FROM generate_series(1, ?) u
        ON CONFLICT DO NOTHING""", tenantId, tenantId, Math.max(1, applications / 20));
  }
}
