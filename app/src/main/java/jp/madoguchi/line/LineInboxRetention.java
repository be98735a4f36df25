package jp.madoguchi.line;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Handled webhook events are deleted once {@code madoguchi.line.inbox-keep} has passed since they were
 * handled: what a resident sent is needed to answer it, not afterwards. Pending events stay.
 */
@Component
class LineInboxRetention {

  private static final Logger log = LoggerFactory.getLogger(LineInboxRetention.class);
  /** Rows per statement, so that a first run over a large backlog holds no lock for long. */
  private static final int BATCH = 5_000;

  private final JdbcTemplate jdbc;
  private final LineProperties properties;
  private final Clock clock;

  LineInboxRetention(JdbcTemplate jdbc, LineProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  int removeHandledEvents() {
    Timestamp before = Timestamp.from(clock.instant().minus(properties.inboxKeep()));
    int removed = 0;
    int batch;
    do {
      batch = jdbc.update("""
          DELETE FROM line_inbox WHERE id IN (SELECT id FROM line_inbox
            WHERE status IN ('DONE', 'FAILED') AND processed_at < ? LIMIT ?)""", before, BATCH);
      removed += batch;
    } while (batch == BATCH);
    if (removed > 0) {
      log.info("Removed {} handled LINE webhook events older than {}", removed, properties.inboxKeep());
    }
    return removed;
  }
}
