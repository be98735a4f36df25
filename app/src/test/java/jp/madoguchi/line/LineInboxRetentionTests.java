package jp.madoguchi.line;

import static jp.madoguchi.LineWebhooks.newEventId;
import static jp.madoguchi.LineWebhooks.textEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A handled webhook event (what a resident wrote, with their LINE user id) is deleted once
 * {@code madoguchi.line.inbox-keep} (30 days) has passed since it was handled; one still to be
 * handled, or handled lately, stays. Before, every event stayed for good.
 */
class LineInboxRetentionTests extends IntegrationTest {

  @Autowired LineInbox inbox;
  @Autowired LineInboxRetention retention;
  @Autowired LineAvailability availability;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void keepTheDispatcherAway() {
    availability.failed(DEMO, Duration.ofMinutes(5)); // the dispatcher takes no events of a paused tenant
  }

  @AfterEach
  void resume() {
    availability.succeeded(DEMO);
  }

  @Test
  void shouldDeleteHandledEventsOnceTheirKeepingTimeHasPassed() {
    UUID handledLongAgo = storeOne();
    UUID failedLongAgo = storeOne();
    UUID handledLately = storeOne();
    UUID pendingLongAgo = storeOne();
    inbox.done(List.of(handledLongAgo, handledLately));
    inbox.failed(failedLongAgo, "refused by LINE");
    jdbc.update("UPDATE line_inbox SET processed_at = now() - interval '31 days', received_at = now() - interval '31 days' "
        + "WHERE id = ANY (?)", (Object) new UUID[] {handledLongAgo, failedLongAgo});
    jdbc.update("UPDATE line_inbox SET processed_at = now() - interval '29 days' WHERE id = ?", handledLately);
    jdbc.update("UPDATE line_inbox SET received_at = now() - interval '31 days' WHERE id = ?", pendingLongAgo);

    assertThat(retention.removeHandledEvents()).isGreaterThanOrEqualTo(2);

    assertThat(exists(handledLongAgo)).isFalse();
    assertThat(exists(failedLongAgo)).isFalse();
    assertThat(exists(handledLately)).isTrue();
    assertThat(exists(pendingLongAgo)).as("still to be handled").isTrue();
    jdbc.update("UPDATE line_inbox SET status = 'DONE', processed_at = now() WHERE id = ?", pendingLongAgo);
  }

  private boolean exists(UUID id) {
    return jdbc.queryForObject("SELECT count(*) FROM line_inbox WHERE id = ?", Long.class, id) == 1;
  }

  private UUID storeOne() {
    String eventId = newEventId();
    String event = textEvent(eventId, LineIdTokens.newUserId(), "rt-" + eventId, "こんにちは", false);
    return inbox.store(DEMO, List.of(new IncomingEvent(eventId, "message", false, event))).get(0);
  }
}
