package jp.madoguchi.attachment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A resident's uploads on this node: one at a time (a second one sent meanwhile gets 429), and none
 * for the rest of the hour once too many were refused for their content. A refused image may have
 * cost a full decode (a truncated one fails only at its end) and is not stored, so the pending-files
 * quota never sees it.
 */
@Component
class ResidentUploadTurns {

  private static final Duration HOUR = Duration.ofHours(1);

  /** Refusals of one resident in the hour that began with the first of them. */
  private record Refusals(Instant since, int count) {
  }

  private final Set<String> uploading = ConcurrentHashMap.newKeySet();
  private final Map<String, Refusals> refusals = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int refusedPerHour;

  ResidentUploadTurns(Clock clock, UploadLimits limits) {
    this.clock = clock;
    this.refusedPerHour = limits.refusedPerHour();
  }

  /** The resident's turn to upload; close it when the upload is done. */
  Turn begin(String tenantId, String residentRef) {
    String resident = tenantId + '\n' + residentRef;
    Instant now = clock.instant();
    Refusals refused = current(refusals.get(resident), now);
    if (refused != null && refused.count() >= refusedPerHour) {
      long seconds = Math.max(1, Duration.between(now, refused.since().plus(HOUR)).toSeconds());
      throw new AttachmentRejectedException(429, "添付できないファイルが続いたため、しばらく添付を受け付けません。"
          + (seconds + 59) / 60 + "分ほどたってから、もう一度お試しください (too many refused uploads in an hour)", (int) seconds);
    }
    if (!uploading.add(resident)) {
      throw new AttachmentRejectedException(429, "前のファイルを送っている途中です。終わってから、もう一度送ってください "
          + "(another upload of yours is still being processed)", 2);
    }
    return new Turn(resident);
  }

  private Refusals current(Refusals refused, Instant now) {
    return refused == null || !now.isBefore(refused.since().plus(HOUR)) ? null : refused;
  }

  @Scheduled(fixedRateString = "PT1H", initialDelayString = "PT1H")
  void forgetPastHours() {
    Instant now = clock.instant();
    refusals.values().removeIf(refused -> current(refused, now) == null);
  }

  final class Turn implements AutoCloseable {

    private final String resident;

    private Turn(String resident) {
      this.resident = resident;
    }

    /** The upload was refused for its content: it counts against the resident's hour. */
    void refused() {
      Instant now = clock.instant();
      refusals.compute(resident, (key, refused) -> {
        Refusals ongoing = current(refused, now);
        return ongoing == null ? new Refusals(now, 1) : new Refusals(ongoing.since(), ongoing.count() + 1);
      });
    }

    @Override
    public void close() {
      uploading.remove(resident);
    }
  }
}
