package jp.madoguchi.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import jp.madoguchi.audit.AuditRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * An ended support grant (who was let in, why, for how long) is kept as long as the municipality's
 * log keeps the entries that record it, then deleted with its free-text reason.
 */
@Component
class SupportGrantRetention {

  private static final Logger log = LoggerFactory.getLogger(SupportGrantRetention.class);

  private final JdbcTemplate jdbc;
  private final AuditRetention auditRetention;
  private final Clock clock;

  SupportGrantRetention(JdbcTemplate jdbc, AuditRetention auditRetention, Clock clock) {
    this.jdbc = jdbc;
    this.auditRetention = auditRetention;
    this.clock = clock;
  }

  @Scheduled(cron = "${madoguchi.access.support-grant-retention-cron:0 45 3 * * *}", zone = "Asia/Tokyo")
  int removeEndedGrants() {
    int removed = 0;
    for (String tenantId : jdbc.queryForList("SELECT DISTINCT tenant_id FROM support_grant WHERE ended_at IS NOT NULL",
        String.class)) {
      Duration kept = Duration.ofDays(auditRetention.retentionDays(tenantId));
      removed += jdbc.update("DELETE FROM support_grant WHERE tenant_id = ? AND ended_at < ?", tenantId,
          Timestamp.from(clock.instant().minus(kept)));
    }
    if (removed > 0) {
      log.info("Removed {} support grants that ended before their municipality's log retention", removed);
    }
    return removed;
  }
}
