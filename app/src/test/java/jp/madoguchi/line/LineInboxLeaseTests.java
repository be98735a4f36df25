package jp.madoguchi.line;

import static jp.madoguchi.LineWebhooks.newEventId;
import static jp.madoguchi.LineWebhooks.textEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jp.madoguchi.IntegrationTest;
import jp.madoguchi.LineIdTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renewing the lease of the events in hand never waits for a row another transaction holds, such
 * as the batch being marked done. Fails on the code before: the renewal and the batch's
 * {@code done} locked the same rows in different orders, and PostgreSQL broke the deadlock by
 * aborting one of them (LineBenchmark: a batch of 100 events was not marked done, so it was handled
 * again after its lease and its 100 replies repeated with used tokens).
 */
class LineInboxLeaseTests extends IntegrationTest {

  @Autowired LineInbox inbox;
  @Autowired LineAvailability availability;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void keepTheDispatcherAway() {
    availability.failed(DEMO, Duration.ofMinutes(5)); // the dispatcher takes no events of a paused tenant
  }

  @AfterEach
  void resume() {
    availability.succeeded(DEMO);
  }

  @Test
  void shouldRenewTheFreeEventsWithoutWaitingForOneAnotherTransactionHolds() throws Exception {
    UUID free = storeOne();
    UUID held = storeOne();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
        .executeWithoutResult(status -> {
          jdbc.queryForList("SELECT id FROM line_inbox WHERE id = ? FOR UPDATE", held);
          locked.countDown();
          await(finish);
        }));
    try {
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture.runAsync(() -> inbox.extendLease(List.of(held, free), Duration.ofMinutes(10)))
          .get(5, TimeUnit.SECONDS);

      assertThat(lockedUntil(free)).isAfter(new Timestamp(System.currentTimeMillis() + Duration.ofMinutes(9).toMillis()));
      assertThat(lockedUntil(held)).isNull();
    } finally {
      finish.countDown();
      holder.get(10, TimeUnit.SECONDS);
    }
  }

  private UUID storeOne() {
    String eventId = newEventId();
    String event = textEvent(eventId, LineIdTokens.newUserId(), "rt-" + eventId, "こんにちは", false);
    return inbox.store(DEMO, List.of(new IncomingEvent(eventId, "message", false, event))).get(0);
  }

  private Timestamp lockedUntil(UUID id) {
    return jdbc.queryForObject("SELECT locked_until FROM line_inbox WHERE id = ?", Timestamp.class, id);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
