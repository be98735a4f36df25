package jp.madoguchi.application;

import java.util.function.Supplier;

/**
 * How an application came in: filed by the resident through the LIFF pages, or entered by staff
 * (a REST start, Tasklist) for someone at the counter. Only the resident API marks its own starts
 * as online, so no start variable can claim it.
 */
public enum ApplicationChannel {
  ONLINE, COUNTER;

  private static final ThreadLocal<Boolean> RESIDENT_SUBMITTING = new ThreadLocal<>();

  static <T> T residentSubmitting(Supplier<T> work) {
    RESIDENT_SUBMITTING.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      RESIDENT_SUBMITTING.remove();
    }
  }

  /** The channel of the process start running on this thread (registration runs inside it). */
  static ApplicationChannel ofCurrentStart() {
    return Boolean.TRUE.equals(RESIDENT_SUBMITTING.get()) ? ONLINE : COUNTER;
  }
}
