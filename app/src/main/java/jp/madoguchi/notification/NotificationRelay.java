package jp.madoguchi.notification;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import jp.madoguchi.line.LiffLinks;
import jp.madoguchi.line.LineClients;
import jp.madoguchi.line.LineMessages;
import jp.madoguchi.line.LineProperties;
import jp.madoguchi.line.LineResidents;
import jp.madoguchi.notification.OutboxRepository.DueMessage;
import jp.madoguchi.tenant.TenantKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued notifications as LINE pushes. Every try of a message carries the retry key fixed
 * when it was queued: 5xx, timeouts and 429 are tried again later with backoff, 409 means LINE
 * already accepted it, and after {@code push-max-attempts} the message is FAILED for an admin to see.
 */
@Component
public class NotificationRelay {

  private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);
  private static final int BATCH = 500;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

  private final OutboxRepository outbox;
  private final LineClients clients;
  private final LineResidents residents;
  private final LiffLinks links;
  private final TenantKeys keys;
  private final ObjectMapper json;
  private final LineProperties properties;
  private final Clock clock;

  NotificationRelay(OutboxRepository outbox, LineClients clients, LineResidents residents, LiffLinks links,
      TenantKeys keys, ObjectMapper json, LineProperties properties, Clock clock) {
    this.outbox = outbox;
    this.clients = clients;
    this.residents = residents;
    this.links = links;
    this.keys = keys;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT0.5S", initialDelayString = "PT5S")
  void poll() {
    if (properties.workersEnabled()) {
      relayDue();
    }
  }

  /** Sends everything that is due now; returns how many messages were tried. */
  public int relayDue() {
    int total = 0;
    List<DueMessage> batch;
    do {
      batch = outbox.claimDue(BATCH, lease());
      relay(batch);
      total += batch.size();
    } while (batch.size() == BATCH);
    return total;
  }

  private void relay(List<DueMessage> batch) {
    List<UUID> skipped = new ArrayList<>();
    List<DueMessage> sending = new ArrayList<>();
    List<CompletableFuture<PushOutcome>> outcomes = new ArrayList<>();
    Map<String, Set<String>> unfollowed = new HashMap<>();
    batch.stream().collect(groupingBy(DueMessage::tenantId, mapping(DueMessage::residentRef, toSet())))
        .forEach((tenantId, users) -> unfollowed.put(tenantId, residents.unfollowed(tenantId, users)));
    for (DueMessage message : batch) {
      if (unfollowed.get(message.tenantId()).contains(message.residentRef())) {
        skipped.add(message.id());
        continue;
      }
      sending.add(message);
      outcomes.add(push(message));
    }
    outbox.markSkipped(skipped);
    List<UUID> sent = new ArrayList<>();
    for (int i = 0; i < sending.size(); i++) {
      DueMessage message = sending.get(i);
      PushOutcome outcome = outcomes.get(i).join();
      switch (outcome.kind()) {
        case SENT -> sent.add(message.id());
        case RETRY -> retryOrGiveUp(message, outcome);
        case GIVE_UP -> giveUp(message, outcome.error());
      }
    }
    outbox.markSent(sent);
  }

  private CompletableFuture<PushOutcome> push(DueMessage message) {
    try {
      PushMessageRequest request = new PushMessageRequest(message.residentRef(), List.of(toLine(message)), false, null);
      return clients.messaging(message.tenantId()).pushMessage(message.retryKey(), request)
          .orTimeout(properties.readTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)
          .handle((result, failure) -> failure == null ? PushOutcome.SENT : PushOutcome.of(failure));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(PushOutcome.of(e));
    }
  }

  private Message toLine(DueMessage message) {
    try {
      JsonNode content = json.readTree(keys.decrypt(message.tenantId(), NotifyResidentDelegate.PURPOSE, message.message()));
      String text = content.path("text").asText();
      String number = content.path("applicationNumber").asText();
      if (!content.path("linkToStatus").asBoolean(true)) {
        return LineMessages.text(text);
      }
      return LineMessages.card(text, "受付番号 " + number, text,
          List.of(LineMessages.link("申請状況を見る", links.application(message.tenantId(), number))));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Outbox message " + message.id() + " is not JSON", e);
    }
  }

  private void retryOrGiveUp(DueMessage message, PushOutcome outcome) {
    if (message.attempts() >= properties.pushMaxAttempts()) {
      giveUp(message, outcome.error() + " (after " + message.attempts() + " tries)");
      return;
    }
    Duration backoff = outcome.retryAfter() != null ? outcome.retryAfter() : backoff(message.attempts());
    outbox.retryAt(message.id(), clock.instant().plus(backoff), outcome.error());
  }

  private void giveUp(DueMessage message, String error) {
    log.error("Notification {} of tenant {} could not be delivered: {}", message.id(), message.tenantId(), error);
    outbox.markFailed(message.id(), error);
  }

  /** 5 s, 10 s, 20 s … up to 30 minutes. */
  static Duration backoff(int attempts) {
    Duration delay = Duration.ofSeconds(5L << Math.min(Math.max(attempts - 1, 0), 20));
    return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
  }

  private Duration lease() {
    return properties.readTimeout().plusSeconds(30);
  }
}
