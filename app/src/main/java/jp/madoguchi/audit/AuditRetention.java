package jp.madoguchi.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jp.madoguchi.audit.AuditSeals.Head;
import jp.madoguchi.audit.AuditSeals.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each tenant keeps its log for its retention period (default 365 days, 90 to 3,653). Every night
 * the entries older than that are removed from the start of the chain, in steps, each step in one
 * transaction with the chain locked: the hash of the last removed entry becomes the anchor the
 * rest of the chain is verified from, so the chain stays verifiable, and the chain is sealed anew.
 * A chain whose seal does not hold keeps its entries until an append has recorded that; the
 * retention period is part of the seal, so one set in the database only removes nothing.
 */
@Component
public class AuditRetention {

  public static final int MIN_DAYS = 90;
  public static final int MAX_DAYS = 3_653;
  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
  private static final int STEP = 10_000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final AuditChainStore chains;
  private final AuditSeals seals;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AuditRetention(JdbcTemplate jdbc, TransactionTemplate transaction, AuditChainStore chains, AuditSeals seals,
      ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.chains = chains;
    this.seals = seals;
    this.events = events;
    this.clock = clock;
  }

  public int retentionDays(String tenantId) {
    chains.ensureChain(tenantId);
    return jdbc.queryForObject("SELECT retention_days FROM audit_chain WHERE tenant_id = ?", Integer.class, tenantId);
  }

  public void setRetentionDays(String tenantId, int days, String actor) {
    if (days < MIN_DAYS || days > MAX_DAYS) {
      throw new IllegalArgumentException("保存期間は " + MIN_DAYS + "〜" + MAX_DAYS + " 日で指定してください (retention must be "
          + MIN_DAYS + " to " + MAX_DAYS + " days)");
    }
    chains.ensureChain(tenantId);
    int before = transaction.execute(status -> {
      Head head = Head.of(jdbc.queryForMap("SELECT " + AuditSeals.HEAD_COLUMNS + " FROM audit_chain WHERE tenant_id = ? "
          + "FOR UPDATE", tenantId));
      // a seal that does not hold stays so, for the next append to record
      byte[] seal = seals.state(tenantId, head) == State.INTACT
          ? seals.seal(seals.key(tenantId, head), tenantId, head.withRetentionDays(days)) : head.seal();
      jdbc.update("UPDATE audit_chain SET retention_days = ?, seal = ? WHERE tenant_id = ?", days, seal, tenantId);
      return head.retentionDays();
    });
    events.publishEvent(new OperationEvent(tenantId, actor, "audit-retention.changed", "audit-log",
        Map.of("before", Integer.toString(before), "after", Integer.toString(days))));
  }

  @Scheduled(cron = "${madoguchi.audit.retention-cron:0 30 3 * * *}", zone = "Asia/Tokyo")
  void removeExpired() {
    for (String tenantId : jdbc.queryForList("SELECT tenant_id FROM audit_chain", String.class)) {
      try {
        removeExpired(tenantId);
      } catch (RuntimeException e) {
        log.error("Audit retention of tenant '{}' failed; tried again next time", tenantId, e);
      }
    }
    logHeads();
  }

  /**
   * Each chain's head into the application log, which usually goes off the machine: a checkpoint
   * outside the database that {@code /audit-chain/verify?seq=&hash=} can check the chain against later.
   */
  void logHeads() {
    jdbc.query("SELECT tenant_id, last_seq, last_hash FROM audit_chain ORDER BY tenant_id", rs -> {
      log.info("Audit chain head of tenant '{}': seq={} hash={}", rs.getString(1), rs.getLong(2),
          AuditChainVerifier.hex(rs.getBytes(3)));
    });
  }

  /** Removes the tenant's entries older than its retention; returns how many. */
  public long removeExpired(String tenantId) {
    long removed = 0;
    long step;
    do {
      step = transaction.execute(status -> removeStep(tenantId));
      removed += step;
    } while (step == STEP);
    if (removed > 0) {
      events.publishEvent(new OperationEvent(tenantId.isEmpty() ? null : tenantId, "system", "retention.removed",
          "audit-log", Map.of("entries", Long.toString(removed))));
    }
    return removed;
  }

  private long removeStep(String tenantId) {
    Head head = Head.of(jdbc.queryForMap("SELECT " + AuditSeals.HEAD_COLUMNS + " FROM audit_chain WHERE tenant_id = ? "
        + "FOR UPDATE", tenantId));
    State state = seals.state(tenantId, head);
    if (state != State.INTACT) {
      // the next append seals it (and records a seal that did not hold); until then nothing is removed
      if (state == State.BROKEN) {
        log.error("Audit retention of tenant '{}' waits: the chain's seal does not hold", tenantId);
      }
      return 0;
    }
    long anchor = head.anchorSeq();
    Instant cutoff = clock.instant().minus(Duration.ofDays(head.retentionDays()));
    long last = anchor;
    byte[] lastHash = null;
    // the chain's oldest entries, in chain order, up to the first one that is still kept
    for (var row : jdbc.queryForList("SELECT seq, occurred_at, hash FROM audit_entry WHERE tenant_id = ? AND seq > ? "
        + "ORDER BY seq LIMIT ?", tenantId, anchor, STEP)) {
      if (!((Timestamp) row.get("occurred_at")).toInstant().isBefore(cutoff)) {
        break;
      }
      last = (Long) row.get("seq");
      lastHash = (byte[]) row.get("hash");
    }
    if (lastHash == null) {
      return 0;
    }
    jdbc.execute("SET LOCAL madoguchi.audit_retention = 'on'");
    int deleted = jdbc.update("DELETE FROM audit_entry WHERE tenant_id = ? AND seq > ? AND seq <= ?", tenantId, anchor, last);
    byte[] seal = seals.seal(seals.key(tenantId, head), tenantId, head.withAnchor(last, lastHash));
    jdbc.update("UPDATE audit_chain SET anchor_seq = ?, anchor_hash = ?, seal = ? WHERE tenant_id = ?", last, lastHash,
        seal, tenantId);
    return deleted;
  }
}
