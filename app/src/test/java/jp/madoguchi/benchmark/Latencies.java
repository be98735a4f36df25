package jp.madoguchi.benchmark;

import java.util.Arrays;

/** Latencies in microseconds, summarised the way the targets are stated. */
final class Latencies {

  private final long[] micros;

  Latencies(long[] micros) {
    this.micros = micros.clone();
    Arrays.sort(this.micros);
  }

  double percentileMillis(double percentile) {
    if (micros.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * micros.length) - 1;
    return micros[Math.max(0, Math.min(index, micros.length - 1))] / 1000.0;
  }

  String summary() {
    return String.format("n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms p99.9=%.2f ms max=%.2f ms", micros.length,
        percentileMillis(50), percentileMillis(90), percentileMillis(99), percentileMillis(99.9),
        percentileMillis(100));
  }
}
