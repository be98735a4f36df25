package jp.madoguchi.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ThreadRandomTests {

  @Test
  void shouldMakeVersionFourUuidsThatReadBackAsTheSame() {
    for (int i = 0; i < 1_000; i++) {
      UUID id = ThreadRandom.uuid();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }
  }

  @Test
  void shouldNotRepeatIdsWithinAThreadOrAcrossThreads() throws Exception {
    Set<UUID> seen = Collections.synchronizedSet(new HashSet<>());
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> running = IntStream.range(0, 8).<Future<?>>mapToObj(t -> threads.submit(() -> {
        for (int i = 0; i < 10_000; i++) {
          seen.add(ThreadRandom.uuid());
        }
      })).toList();
      for (Future<?> thread : running) {
        thread.get();
      }
    } finally {
      threads.shutdown();
    }
    assertThat(seen).hasSize(80_000);
  }

  @Test
  void shouldFillEveryByteWithoutAFixedPattern() {
    byte[] first = new byte[64];
    byte[] second = new byte[64];
    ThreadRandom.nextBytes(first);
    ThreadRandom.nextBytes(second);
    assertThat(first).isNotEqualTo(second).isNotEqualTo(new byte[64]);
    int ones = 0;
    for (int i = 0; i < 4_096; i++) {
      byte[] one = new byte[1];
      ThreadRandom.nextBytes(one);
      ones += Integer.bitCount(one[0] & 0xff);
    }
    assertThat(ones).as("set bits of 32,768").isBetween(15_800, 16_968);
  }
}
