package jp.madoguchi.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.OptionalLong;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many applications one resident files online in one municipality: each becomes a clerk's task,
 * a receipt and a billable LINE push, and one LINE account once filed 200 in 8 s. Counted from the
 * application table in the submission's transaction, with the resident's submissions taking turns on
 * a PostgreSQL advisory lock, so the limits hold across nodes and for submissions sent at once.
 * Applications staff enter for the resident (the counter) do not count.
 */
@Component
class ResidentQuota {

  static final String PER_DAY = "applications-per-day";
  static final String OPEN_PER_PROCEDURE = "open-per-procedure";
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  /**
   * @param applicationsPerDay applications a resident files in a calendar day (JST), all procedures together
   * @param openPerProcedure applications of one procedure whose process has not ended
   */
  @ConfigurationProperties("madoguchi.resident-quota")
  record Limits(int applicationsPerDay, int openPerProcedure) {

    Limits {
      if (applicationsPerDay < 1 || openPerProcedure < 1) {
        throw new IllegalArgumentException("madoguchi.resident-quota: applications-per-day and open-per-procedure >= 1");
      }
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final Limits limits;

  ResidentQuota(JdbcTemplate jdbc, Clock clock, Limits limits) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Called in the submission's transaction, before the process starts.
   *
   * @throws ResidentQuotaExceededException when the resident may not file this application now
   */
  void check(String tenantId, String residentRef, String procedureKey) {
    jdbc.query("SELECT pg_advisory_xact_lock(hashtext(?), hashtext(?))", rs -> null,
        "resident-quota:" + tenantId, residentRef);
    ZonedDateTime now = clock.instant().atZone(JST);
    Instant startOfDay = now.toLocalDate().atStartOfDay(JST).toInstant();
    Map<String, Object> filed = jdbc.queryForMap("""
        SELECT count(*) FILTER (WHERE a.submitted_at >= ?) AS today,
               count(*) FILTER (WHERE a.procedure_key = ?
                 AND EXISTS (SELECT 1 FROM act_ru_execution e WHERE e.id_ = a.process_instance_id)) AS open
        FROM application a WHERE a.tenant_id = ? AND a.resident_ref = ? AND a.channel = 'ONLINE'""",
        Timestamp.from(startOfDay), procedureKey, tenantId, residentRef);
    if (((Number) filed.get("open")).intValue() >= limits.openPerProcedure()) {
      throw new ResidentQuotaExceededException(OPEN_PER_PROCEDURE, "この手続の申請は、処理が終わっていないものが"
          + limits.openPerProcedure() + "件までです。どれかの処理が終わってから、または不要な申請を取り下げてから、"
          + "もう一度申請してください。お急ぎのときは市役所の担当課にお問い合わせください。(At most "
          + limits.openPerProcedure() + " applications of this procedure may be in progress at once.)",
          OptionalLong.empty());
    }
    if (((Number) filed.get("today")).intValue() >= limits.applicationsPerDay()) {
      Duration untilTomorrow = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(JST));
      throw new ResidentQuotaExceededException(PER_DAY, "1日に申請できるのは" + limits.applicationsPerDay()
          + "件までです。明日（午前0時から）もう一度申請してください。お急ぎのときは市役所の担当課にお問い合わせください。"
          + "(You can file at most " + limits.applicationsPerDay() + " applications a day; please apply again tomorrow.)",
          OptionalLong.of((untilTomorrow.toMillis() + 999) / 1000));
    }
  }
}
