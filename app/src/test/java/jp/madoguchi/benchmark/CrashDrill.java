package jp.madoguchi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jp.madoguchi.benchmark.Residents.Outcome;
import jp.madoguchi.benchmark.WebhookEvents.Event;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the app in the middle of a burst of resident submissions, then of a burst of
 * LINE webhooks, on the embedded default; restarted on the same data folder with no manual step.
 * Clients do what real ones do: a submission without an answer is sent again with the same
 * {@code clientRequestId}, a webhook without a 200 is redelivered by LINE with the same
 * {@code webhookEventId} (and LINE redelivers some acknowledged ones too). The drill fails when an
 * accepted submission is not there exactly once (application, process instance, receipt, receipt
 * notification accepted by LINE once) or a webhook event is not stored once and answered once.
 * Run: {@code ./mvnw -pl app -Pbenchmark test -Dtest=CrashDrill} (about 10 minutes on 2 cores).
 */
@Tag("benchmark")
class CrashDrill {

  private static final int CLIENTS = 16;
  private static final int RESIDENTS = 500;
  /** The kill comes once this many were acknowledged (and at least KILL_AFTER_MILLIS passed), mid-burst. */
  private static final int KILL_AFTER_ACKNOWLEDGED = Integer.getInteger("drill.killAfter", 400);
  private static final long KILL_AFTER_MILLIS = 8_000;
  private static final long KILL_AT_THE_LATEST_MILLIS = 300_000;
  private static final long RETRY_LIMIT_SECONDS = 300;
  private static final long DRAIN_LIMIT_SECONDS = 600;

  private record Sent(int resident, UUID clientRequestId, Outcome first) {
  }

  /** Every app this drill started, stopped at the end whatever happens (a killed one is already gone). */
  private final List<AppProcess> started = new ArrayList<>();

  private AppProcess started(AppProcess app) {
    started.add(app);
    return app;
  }

  @Test
  void killDuringSubmissionAndWebhookBursts() throws Exception {
    try (LocalLineStandIn line = new LocalLineStandIn()) {
      Path data = BenchmarkFolders.create("madoguchi-crash-drill-");
      int port = AppProcess.freePort();
      Map<String, String> environment = Map.of("MADOGUCHI_DATA_DIR", data.toString(),
          "LINE_API_BASE_URL", line.baseUrl(), "LINE_DATA_API_BASE_URL", line.baseUrl());
      try {
        AppProcess app = started(AppProcess.madoguchi(port, environment));
        System.out.printf("%nDRILL crash: app pid %d on %s, data in %s, log %s; first start %.1f s%n", app.pid(),
            app.baseUrl(), data, app.log(), app.awaitHealthy(AppProcess.START_LIMIT));
        app = submissionBurst(app, port, environment, data, line);
        webhookBurst(app, port, environment, data, line);
      } finally {
        for (AppProcess app : started) {
          app.close();
        }
      }
    }
  }

  private AppProcess submissionBurst(AppProcess app, int port, Map<String, String> environment, Path data,
      LocalLineStandIn line) throws Exception {
    Residents residents = new Residents(RESIDENTS + 50);
    for (int i = 0; i < 50; i++) { // a warm app, as it would be minutes into the day (residents outside the drill's)
      residents.submit(app.baseUrl(), RESIDENTS + i, UUID.randomUUID());
    }
    List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    String base = app.baseUrl();
    for (int i = 0; i < CLIENTS; i++) {
      clients.submit(() -> {
        while (!killed.get()) {
          int resident = next.getAndIncrement() % RESIDENTS;
          UUID id = UUID.randomUUID();
          sent.add(new Sent(resident, id, residents.submit(base, resident, id)));
        }
      });
    }
    long burstStart = System.nanoTime();
    awaitAcknowledged(() -> {
      synchronized (sent) { // the clients are still adding: a stream of a synchronized list is not
        return sent.stream().filter(s -> s.first().accepted()).count();
      }
    }, burstStart);
    double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
    killed.set(true);
    long killedAt = System.nanoTime();
    app.kill();
    clients.shutdown();
    clients.awaitTermination(90, TimeUnit.SECONDS);

    AppProcess restarted = started(AppProcess.madoguchi(port, environment));
    restarted.awaitHealthy(AppProcess.START_LIMIT);
    double killToHealthy = (System.nanoTime() - killedAt) / 1e9;
    long accepted = sent.stream().filter(s -> s.first().accepted()).count();
    long unanswered = sent.stream().filter(s -> s.first().status() == -1).count();
    long shed = sent.stream().filter(s -> s.first().status() == 503 || s.first().status() == 429).count();
    long otherErrors = sent.size() - accepted - unanswered - shed;
    System.out.printf("DRILL crash/submissions: %d sent by %d clients in %.1f s, %d accepted, %d shed (503), %d without "
        + "an answer (in flight at the kill), %d other errors; kill -9 to healthy %.1f s%n", sent.size(), CLIENTS,
        burstSeconds, accepted, shed, unanswered, otherErrors, killToHealthy);

    Map<UUID, String> numbers = new ConcurrentHashMap<>();
    List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    ExecutorService retries = Executors.newFixedThreadPool(CLIENTS);
    long retryStart = System.nanoTime();
    List<Sent> replayed = new ArrayList<>(sent.stream().filter(s -> s.first().accepted()).toList());
    Collections.shuffle(replayed);
    Set<Sent> sample = new HashSet<>(replayed.subList(0, Math.min(100, replayed.size())));
    for (Sent submission : sent) {
      retries.submit(() -> {
        Outcome outcome = submission.first();
        if (outcome.accepted() && !sample.contains(submission)) {
          numbers.put(submission.clientRequestId(), outcome.applicationNumber());
          return;
        }
        Outcome last = outcome;
        Outcome again;
        while (true) {
          if (!last.accepted()) {
            sleepSeconds(Math.max(1, last.retryAfterSeconds()));
          }
          again = residents.submit(restarted.baseUrl(), submission.resident(), submission.clientRequestId());
          if (!again.retry() || System.nanoTime() - retryStart > RETRY_LIMIT_SECONDS * 1_000_000_000L) {
            break;
          }
          last = again;
        }
        if (!again.accepted()) {
          mismatches.add(submission.clientRequestId() + " answered " + again.status() + " on retry");
        } else if (outcome.accepted() && !outcome.applicationNumber().equals(again.applicationNumber())) {
          mismatches.add(submission.clientRequestId() + " answered " + outcome.applicationNumber() + " then "
              + again.applicationNumber());
        } else {
          numbers.put(submission.clientRequestId(), again.applicationNumber());
        }
      });
    }
    retries.shutdown();
    retries.awaitTermination(RETRY_LIMIT_SECONDS + 60, TimeUnit.SECONDS);

    try (DrillDatabase database = DrillDatabase.embedded(data)) {
      double drained = database.awaitDrained(DRAIN_LIMIT_SECONDS);
      List<String> distinctNumbers = numbers.values().stream().distinct().toList();
      List<String> drillResidents = java.util.stream.IntStream.range(0, RESIDENTS).mapToObj(Residents::userId).toList();
      long stored = database.applicationsOf(drillResidents);
      List<String> broken = database.brokenSubmissions(distinctNumbers);
      List<String> keys = database.receiptRetryKeys(distinctNumbers);
      long keysAccepted = keys.stream().filter(line.acceptedPushes::containsKey).count();
      System.out.printf("DRILL crash/submissions: after retries with the same clientRequestId %d of %d submissions "
          + "have an application (%d distinct numbers); %d applications stored for the drill's residents; "
          + "%d replays of accepted ones gave the same number; background work drained %.1f s after the retries; "
          + "broken: %d %s; receipt notifications accepted by LINE: %d of %d (retry keys seen again: %d); "
          + "mismatches: %s%n", numbers.size(), sent.size(), distinctNumbers.size(), stored, sample.size(), drained,
          broken.size(), broken.stream().limit(5).toList(), keysAccepted, keys.size(), line.repeatedRetryKeys.get(),
          mismatches.stream().limit(5).toList());
      assertThat(mismatches).isEmpty();
      assertThat(otherErrors).as("answers other than 201/200, 503 or none").isZero();
      assertThat(numbers).hasSize(sent.size());
      assertThat(distinctNumbers).as("one application per clientRequestId").hasSize(sent.size());
      assertThat(stored).as("no application without its client's key").isEqualTo(sent.size());
      assertThat(drained).as("background work drained").isGreaterThanOrEqualTo(0);
      assertThat(broken).isEmpty();
      assertThat(keysAccepted).isEqualTo(keys.size());
    }
    return restarted;
  }

  private AppProcess webhookBurst(AppProcess app, int port, Map<String, String> environment, Path data,
      LocalLineStandIn line) throws Exception {
    WebhookEvents webhooks = new WebhookEvents();
    Map<Event, Integer> acks = new ConcurrentHashMap<>();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger next = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    String base = app.baseUrl();
    for (int i = 0; i < 8; i++) {
      senders.submit(() -> {
        while (!killed.get()) {
          int sequence = next.getAndIncrement();
          Event event = Event.next(sequence % 300, sequence);
          acks.put(event, webhooks.deliver(base, event, false).join().status());
        }
      });
    }
    long burstStart = System.nanoTime();
    awaitAcknowledged(() -> acks.values().stream().filter(status -> status == 200).count(), burstStart);
    double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
    killed.set(true);
    long killedAt = System.nanoTime();
    app.kill();
    senders.shutdown();
    senders.awaitTermination(90, TimeUnit.SECONDS);
    AppProcess restarted = started(AppProcess.madoguchi(port, environment));
    restarted.awaitHealthy(AppProcess.START_LIMIT);
    double killToHealthy = (System.nanoTime() - killedAt) / 1e9;
    long acknowledged = acks.values().stream().filter(status -> status == 200).count();
    long otherErrors = acks.values().stream().filter(status -> status != 200 && status != -1 && status != 503).count();

    List<Event> redeliver = new ArrayList<>();
    int sampled = 0;
    for (Map.Entry<Event, Integer> ack : acks.entrySet()) {
      if (ack.getValue() != 200 || sampled++ % 20 == 0) {
        redeliver.add(ack.getKey());
      }
    }
    long redeliveryStart = System.nanoTime();
    for (Event event : redeliver) {
      int status;
      do {
        status = webhooks.deliver(restarted.baseUrl(), event, true).join().status();
      } while (status != 200 && System.nanoTime() - redeliveryStart < RETRY_LIMIT_SECONDS * 1_000_000_000L
          && sleepSeconds(1));
      assertThat(status).as("redelivery of " + event.id()).isEqualTo(200);
    }
    try (DrillDatabase database = DrillDatabase.embedded(data)) {
      double drained = database.awaitDrained(DRAIN_LIMIT_SECONDS);
      long stored = database.count("SELECT count(*) FROM line_inbox WHERE webhook_event_id = ANY (?)",
          (Object) acks.keySet().stream().map(Event::id).toArray(String[]::new));
      long handled = database.count("SELECT count(*) FROM line_inbox WHERE status = 'DONE' AND webhook_event_id = ANY (?)",
          (Object) acks.keySet().stream().map(Event::id).toArray(String[]::new));
      List<String> notAnsweredOnce = acks.keySet().stream().filter(event -> event.answers(line) != 1)
          .map(event -> event.id() + " answered " + event.answers(line) + " times").toList();
      System.out.printf("DRILL crash/webhooks: %d events sent in %.1f s, %d acknowledged 200, %d without an answer "
          + "(in flight at the kill), %d other errors; kill -9 to healthy %.1f s; %d redelivered (all unanswered and "
          + "every 20th acknowledged); stored %d of %d (unique per webhookEventId), handled %d, drained %.1f s after the "
          + "redeliveries; answered exactly once: %d of %d (reply tokens refused on a second try: %d, pushes instead "
          + "of replies: %d); not once: %s%n", acks.size(), burstSeconds, acknowledged,
          acks.values().stream().filter(status -> status == -1).count(), otherErrors, killToHealthy, redeliver.size(),
          stored, acks.size(), handled, drained, acks.size() - notAnsweredOnce.size(), acks.size(),
          line.refusedReplyTokens.get(), acks.keySet().stream().filter(e -> line.acceptedPushes.containsKey(e.pushRetryKey()))
              .count(), notAnsweredOnce.stream().limit(5).toList());
      assertThat(otherErrors).isZero();
      assertThat(stored).isEqualTo(acks.size());
      assertThat(handled).isEqualTo(acks.size());
      assertThat(notAnsweredOnce).isEmpty();
    }
    return restarted;
  }

  /** Mid-burst: once enough were acknowledged that the crash hits work in every state. */
  private static void awaitAcknowledged(java.util.function.LongSupplier acknowledged, long since)
      throws InterruptedException {
    while (System.nanoTime() - since < KILL_AT_THE_LATEST_MILLIS * 1_000_000L
        && (acknowledged.getAsLong() < KILL_AFTER_ACKNOWLEDGED || System.nanoTime() - since < KILL_AFTER_MILLIS * 1_000_000L)) {
      Thread.sleep(100);
    }
  }

  private static boolean sleepSeconds(int seconds) {
    try {
      Thread.sleep(seconds * 1000L);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
