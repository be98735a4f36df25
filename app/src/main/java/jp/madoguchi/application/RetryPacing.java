package jp.madoguchi.application;

import java.util.function.LongSupplier;

/**
 * When a turned-away submission should come back. Telling every client the same pause sends the
 * whole crowd of an opening minute back at the same moment, to be turned away again, over and
 * over. Instead each is given a second of its own: the earliest one, no sooner than the configured
 * pause, for which fewer clients were told to come than the server finishes submissions a second
 * (measured over the last seconds, at least the number that run at once). The crowd comes back
 * spread out at about the pace it can be served, in the order it was turned away; never later
 * than {@link #LONGEST} seconds.
 */
final class RetryPacing {

  static final int LONGEST = 60;
  private static final int MEASURED_SECONDS = 5;
  private static final int SLOTS = LONGEST + MEASURED_SECONDS + 2;

  private final int shortest;
  private final int floorPerSecond;
  private final LongSupplier seconds;
  private final long[] slotSecond = new long[SLOTS];
  private final int[] promised = new int[SLOTS];
  private final int[] finished = new int[SLOTS];

  /**
   * @param shortest the configured pause, in seconds
   * @param floorPerSecond the pace assumed while too few submissions finished to measure it
   * @param seconds the current time in whole seconds
   */
  RetryPacing(int shortest, int floorPerSecond, LongSupplier seconds) {
    this.shortest = Math.min(shortest, LONGEST);
    this.floorPerSecond = Math.max(1, floorPerSecond);
    this.seconds = seconds;
  }

  synchronized void finished() {
    finished[slot(seconds.getAsLong())]++;
  }

  /** Seconds the client turned away now should wait; the second is counted as promised to it. */
  synchronized int retryAfterSeconds() {
    long now = seconds.getAsLong();
    int pace = Math.max(floorPerSecond, measuredPace(now));
    for (int wait = shortest; wait < LONGEST; wait++) {
      int slot = slot(now + wait);
      if (promised[slot] < pace) {
        promised[slot]++;
        return wait;
      }
    }
    promised[slot(now + LONGEST)]++;
    return LONGEST;
  }

  /** Submissions finished a second over the last whole seconds. */
  private int measuredPace(long now) {
    int total = 0;
    for (int ago = 1; ago <= MEASURED_SECONDS; ago++) {
      total += finished[slot(now - ago)];
    }
    return total / MEASURED_SECONDS;
  }

  /** The ring's index of a second, its counts cleared when the second is new to it. */
  private int slot(long second) {
    int index = (int) Math.floorMod(second, (long) SLOTS);
    if (slotSecond[index] != second) {
      slotSecond[index] = second;
      promised[index] = 0;
      finished[index] = 0;
    }
    return index;
  }
}
