package jp.madoguchi.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** A drill's own look into the app's database, to check what it promised. */
final class DrillDatabase implements AutoCloseable {

  private final SingleConnectionDataSource dataSource;
  final JdbcTemplate jdbc;

  private DrillDatabase(String url, String user, String password) {
    dataSource = new SingleConnectionDataSource(url, user, password, true);
    jdbc = new JdbcTemplate(dataSource);
  }

  static DrillDatabase of(String url, String user, String password) {
    return new DrillDatabase(url, user, password);
  }

  /** The embedded default's database in a data folder (port from its postmaster.pid, password from the folder's file). */
  static DrillDatabase embedded(Path dataDir) throws Exception {
    List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
    String password = Files.readString(dataDir.resolve("embedded-db.password")).trim();
    return new DrillDatabase("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres", "postgres", password);
  }

  long count(String sql, Object... arguments) {
    return jdbc.queryForObject(sql, Long.class, arguments);
  }

  /** Background work still to do: jobs that can run now, notifications still to send, webhook events to handle. */
  Map<String, Object> backlog() {
    return jdbc.queryForMap("""
        SELECT (SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= now())) AS jobs,
               (SELECT count(*) FROM notification_outbox WHERE status = 'PENDING') AS notifications,
               (SELECT count(*) FROM line_inbox WHERE status = 'PENDING') AS events""");
  }

  boolean drained() {
    Map<String, Object> backlog = backlog();
    return backlog.values().stream().allMatch(value -> ((Number) value).longValue() == 0);
  }

  /** Waits until no background work is left; returns the seconds it took, or -1 after the limit. */
  double awaitDrained(long limitSeconds) throws InterruptedException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < limitSeconds * 1_000_000_000L) {
      try {
        if (drained()) {
          return (System.nanoTime() - start) / 1e9;
        }
      } catch (org.springframework.dao.DataAccessResourceFailureException
          | org.springframework.dao.TransientDataAccessException notYet) {
        // the database is restarting; any other error (a wrong query) ends the drill
      }
      Thread.sleep(500);
    }
    return -1;
  }

  /**
   * Everything a resident's accepted submission promises, for the given application numbers:
   * one application, one process instance, one receipt, one receipt notification sent. Returns the
   * numbers that break it, with what is wrong.
   */
  List<String> brokenSubmissions(List<String> numbers) {
    return jdbc.queryForList("""
        SELECT n.number || ': applications ' || (SELECT count(*) FROM application a WHERE a.tenant_id = 'demo' AND a.number = n.number)
               || ', instances ' || (SELECT count(*) FROM act_hi_procinst p WHERE p.tenant_id_ = 'demo' AND p.business_key_ = n.number)
               || ', receipts ' || (SELECT count(*) FROM document d JOIN application a ON a.id = d.application_id
                                    WHERE a.tenant_id = 'demo' AND a.number = n.number AND d.activity_id = 'Task_IssueReceipt')
               || ', receipt notifications sent ' || (SELECT count(*) FROM notification_outbox o JOIN application a
                                    ON a.id = o.application_id WHERE a.tenant_id = 'demo' AND a.number = n.number
                                    AND o.activity_id = 'Task_NotifyReceived' AND o.status = 'SENT')
               || ' of ' || (SELECT count(*) FROM notification_outbox o JOIN application a ON a.id = o.application_id
                             WHERE a.tenant_id = 'demo' AND a.number = n.number AND o.activity_id = 'Task_NotifyReceived')
        FROM unnest(?::varchar[]) AS n(number)
        WHERE (SELECT count(*) FROM application a WHERE a.tenant_id = 'demo' AND a.number = n.number) <> 1
           OR (SELECT count(*) FROM act_hi_procinst p WHERE p.tenant_id_ = 'demo' AND p.business_key_ = n.number) <> 1
           OR (SELECT count(*) FROM document d JOIN application a ON a.id = d.application_id
               WHERE a.tenant_id = 'demo' AND a.number = n.number AND d.activity_id = 'Task_IssueReceipt') <> 1
           OR (SELECT count(*) FROM notification_outbox o JOIN application a ON a.id = o.application_id
               WHERE a.tenant_id = 'demo' AND a.number = n.number AND o.activity_id = 'Task_NotifyReceived'
               AND o.status = 'SENT') <> 1
           OR (SELECT count(*) FROM notification_outbox o JOIN application a ON a.id = o.application_id
               WHERE a.tenant_id = 'demo' AND a.number = n.number AND o.activity_id = 'Task_NotifyReceived') <> 1""",
        String.class, (Object) numbers.toArray(String[]::new));
  }

  /** Retry keys of the receipt notifications of these applications. */
  List<String> receiptRetryKeys(List<String> numbers) {
    return jdbc.queryForList("""
        SELECT o.retry_key::text FROM notification_outbox o JOIN application a ON a.id = o.application_id
        WHERE a.tenant_id = 'demo' AND a.number = ANY (?) AND o.activity_id = 'Task_NotifyReceived'""", String.class,
        (Object) numbers.toArray(String[]::new));
  }

  /** Applications of these residents (resident_ref) in the demo tenant. */
  long applicationsOf(List<String> residents) {
    return count("SELECT count(*) FROM application WHERE tenant_id = 'demo' AND resident_ref = ANY (?)",
        (Object) residents.toArray(String[]::new));
  }

  String submissionNumber(String resident, UUID clientRequestId) {
    return jdbc.queryForList("SELECT application_number FROM application_submission WHERE tenant_id = 'demo' "
        + "AND resident_ref = ? AND client_request_id = ?", String.class, resident, clientRequestId).stream()
        .findFirst().orElse(null);
  }

  @Override
  public void close() {
    dataSource.destroy();
  }
}
