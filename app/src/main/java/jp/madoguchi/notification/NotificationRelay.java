package jp.madoguchi.notification;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import jp.madoguchi.database.DatabaseAvailability;
import jp.madoguchi.line.LiffLinks;
import jp.madoguchi.line.LineAvailability;
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
 * when it was queued, so LINE accepts it once however often it is sent: 5xx, timeouts and 429 are
 * tried again (the tenant's channel pauses as {@link LineAvailability} says, a 429 for its
 * {@code Retry-After}), 409 means LINE already accepted it. A message is given up (FAILED, for
 * an admin to see and send again) only on a 4xx that retrying cannot change (a 401 can: it waits,
 * like an outage, for the tenant admin to replace the channel access token), or when its retry
 * budget in time ({@code retry-budget}, within the 24 h a retry key is valid) is used up; how many
 * tries an outage or rate limiting costs does not matter.
 */
@Component
public class NotificationRelay {

  private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);
  private static final int BATCH = 500;

  private final OutboxRepository outbox;
  private final LineClients clients;
  private final LineResidents residents;
  private final LiffLinks links;
  private final TenantKeys keys;
  private final ObjectMapper json;
  private final LineProperties properties;
  private final LineAvailability availability;
  private final DatabaseAvailability database;

  NotificationRelay(OutboxRepository outbox, LineClients clients, LineResidents residents, LiffLinks links,
      TenantKeys keys, ObjectMapper json, LineProperties properties, LineAvailability availability,
      DatabaseAvailability database) {
    this.outbox = outbox;
    this.clients = clients;
    this.residents = residents;
    this.links = links;
    this.keys = keys;
    this.json = json;
    this.properties = properties;
    this.availability = availability;
    this.database = database;
  }

  @Scheduled(fixedDelayString = "PT0.5S", initialDelayString = "PT5S")
  void poll() {
    if (properties.workersEnabled() && database.available()) {
      relayDue();
    }
  }

  /**
   * Sends everything that is due now, except for tenants whose channel is paused; of a tenant whose
   * pause just ended, one message as a probe. Returns how many messages were tried.
   */
  public int relayDue() {
    int total = 0;
    List<DueMessage> batch;
    do {
      Set<String> probing = availability.probing();
      Set<String> held = new HashSet<>(availability.paused());
      held.addAll(probing);
      batch = new ArrayList<>(outbox.claimDue(BATCH, lease(), held));
      for (String tenantId : probing) {
        batch.addAll(outbox.claimDueOf(tenantId, 1, lease()));
      }
      relay(batch);
      total += batch.size();
    } while (batch.size() >= BATCH);
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
    Map<String, Instant> resumeAt = new HashMap<>();
    Set<String> reached = new HashSet<>();
    for (int i = 0; i < sending.size(); i++) {
      DueMessage message = sending.get(i);
      PushOutcome outcome = outcomes.get(i).join();
      switch (outcome.kind()) {
        case SENT -> {
          sent.add(message.id());
          reached.add(message.tenantId());
        }
        case RETRY, TOKEN_REFUSED -> {
          Instant resume = resumeAt.computeIfAbsent(message.tenantId(), tenantId -> {
            if (outcome.kind() == PushOutcome.Kind.TOKEN_REFUSED) {
              log.error("LINE refused the channel access token of tenant {}; notifications wait until the tenant "
                  + "admin replaces it (PUT /api/{}/admin/line/channel)", tenantId, tenantId);
            }
            return availability.failed(tenantId, outcome.retryAfter());
          });
          retryOrGiveUp(message, outcome, resume);
        }
        case GIVE_UP -> giveUp(message, outcome.error());
      }
    }
    reached.stream().filter(tenantId -> !resumeAt.containsKey(tenantId)).forEach(availability::succeeded);
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

  private void retryOrGiveUp(DueMessage message, PushOutcome outcome, Instant resume) {
    if (resume.isAfter(message.triesSince().plus(properties.retryBudget()))) {
      giveUp(message, outcome.error() + " (still failing after " + message.attempts() + " tries, retry budget "
          + properties.retryBudget() + " used up)");
      return;
    }
    outbox.retryAt(message.id(), resume, outcome.error());
  }

  private void giveUp(DueMessage message, String error) {
    log.error("Notification {} of tenant {} could not be delivered: {}", message.id(), message.tenantId(), error);
    outbox.markFailed(message.id(), error);
  }

  /** Longer than one round of pushes can take: each ends by its own timeout (read timeout + 5 s). */
  private Duration lease() {
    return properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(15);
  }
}
