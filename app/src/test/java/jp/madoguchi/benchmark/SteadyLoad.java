package jp.madoguchi.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jp.madoguchi.benchmark.Residents.Outcome;
import jp.madoguchi.benchmark.WebhookEvents.Event;

/**
 * A modest, steady load during a drill: residents submitting and LINE delivering webhooks, each
 * client pausing between its requests. Every request is recorded with when it was sent, what it
 * got and how long it took, so a drill can say what clients saw while something was broken.
 */
final class SteadyLoad implements AutoCloseable {

  record Request(String kind, long sentNanos, int status, long micros, int retryAfterSeconds, Object subject) {
  }

  record Submission(int resident, UUID clientRequestId) {
  }

  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService clients;

  /**
   * @param target where to send (read again for every request: a cluster drill points at several nodes)
   * @param submitters clients submitting, each pausing {@code pauseMillis} after every answer
   * @param deliverers LINE connections delivering webhook events, likewise
   */
  SteadyLoad(Supplier<String> target, Residents residents, WebhookEvents webhooks, int submitters, int deliverers,
      long pauseMillis) {
    clients = Executors.newFixedThreadPool(submitters + deliverers);
    AtomicInteger next = new AtomicInteger();
    for (int i = 0; i < submitters; i++) {
      clients.submit(() -> {
        while (running.get()) {
          Submission submission = new Submission(next.getAndIncrement() % residents.count(), UUID.randomUUID());
          long sent = System.nanoTime();
          Outcome outcome = residents.submit(target.get(), submission.resident(), submission.clientRequestId());
          requests.add(new Request("submission", sent, outcome.status(), outcome.micros(), outcome.retryAfterSeconds(),
              submission));
          pause(pauseMillis);
        }
      });
    }
    AtomicInteger events = new AtomicInteger();
    for (int i = 0; i < deliverers; i++) {
      clients.submit(() -> {
        while (running.get()) {
          int sequence = events.getAndIncrement();
          Event event = Event.next(sequence % 200, sequence);
          long sent = System.nanoTime();
          WebhookEvents.Ack ack = webhooks.deliver(target.get(), event, false).join();
          requests.add(new Request("webhook", sent, ack.status(), ack.micros(), ack.retryAfterSeconds(), event));
          pause(pauseMillis);
        }
      });
    }
  }

  /** Every submission with its application number, every event delivered; and what could not be settled. */
  record Settled(java.util.Map<UUID, String> numbers, List<Event> events, List<String> failures) {
  }

  /**
   * What clients do afterwards: a submission not accepted is sent again with the same
   * clientRequestId, an event not acknowledged is redelivered with the same webhookEventId, until
   * it is accepted or the limit passes.
   */
  Settled settle(String baseUrl, Residents residents, WebhookEvents webhooks, long limitSeconds) {
    long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
    java.util.Map<UUID, String> numbers = new java.util.concurrent.ConcurrentHashMap<>();
    List<Event> events = new ArrayList<>();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService retries = Executors.newFixedThreadPool(8);
    for (Request request : requests()) {
      if (request.subject() instanceof Submission submission) {
        retries.submit(() -> {
          if (request.status() == 200 || request.status() == 201) {
            numbers.put(submission.clientRequestId(), resubmitUntilAccepted(baseUrl, residents, submission, deadline, 0,
                failures));
            return;
          }
          numbers.put(submission.clientRequestId(), resubmitUntilAccepted(baseUrl, residents, submission, deadline,
              Math.max(1, request.retryAfterSeconds()), failures));
        });
      } else if (request.subject() instanceof Event event) {
        events.add(event);
        if (request.status() != 200) {
          retries.submit(() -> {
            int status = -1;
            while (status != 200 && System.nanoTime() < deadline) {
              status = webhooks.deliver(baseUrl, event, true).join().status();
              if (status != 200) {
                pause(1000);
              }
            }
            if (status != 200) {
              failures.add("event " + event.id() + " not acknowledged on redelivery");
            }
          });
        }
      }
    }
    retries.shutdown();
    try {
      retries.awaitTermination(limitSeconds + 60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    numbers.values().removeIf(java.util.Objects::isNull);
    return new Settled(numbers, events, failures);
  }

  /** The number the app gives this submission now (for an accepted one: asked once more, it must be the same). */
  private static String resubmitUntilAccepted(String baseUrl, Residents residents, Submission submission, long deadline,
      int firstWaitSeconds, List<String> failures) {
    pause(firstWaitSeconds * 1000L);
    Outcome outcome = residents.submit(baseUrl, submission.resident(), submission.clientRequestId());
    while (outcome.retry() && System.nanoTime() < deadline) {
      pause(Math.max(1, outcome.retryAfterSeconds()) * 1000L);
      outcome = residents.submit(baseUrl, submission.resident(), submission.clientRequestId());
    }
    if (!outcome.accepted()) {
      failures.add("submission " + submission.clientRequestId() + " answered " + outcome.status());
      return null;
    }
    return outcome.applicationNumber();
  }

  /** A copy of what was recorded so far. */
  List<Request> requests() {
    synchronized (requests) {
      return new ArrayList<>(requests);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    clients.shutdown();
    clients.awaitTermination(120, TimeUnit.SECONDS);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
