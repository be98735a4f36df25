package jp.madoguchi.audit;

import org.springframework.context.SmartLifecycle;

/**
 * Requests counted rather than entered one by one, written to the log once a minute
 * ({@link #endMinute}) and once more when the app stops, before the log's writer stops (a higher
 * phase stops first), so the last minute's counts are not lost.
 */
abstract class MinuteCounts implements SmartLifecycle {

  private volatile boolean running;

  /** Writes what the ending minute counted and starts a new one. */
  abstract void endMinute();

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    endMinute();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 999;
  }
}
