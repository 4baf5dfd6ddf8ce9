package io.edgeoffload.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void everyIndexRunsOnceAndItsWritesAreVisibleAfterwards() {
    for (int threads : new int[] {1, 2, 5}) {
      Parallel p = Parallel.of(threads);
      AtomicIntegerArray calls = new AtomicIntegerArray(97);
      long[] out = new long[97];
      p.forEach(
          97,
          i -> {
            calls.incrementAndGet(i);
            out[i] = (long) i * i;
          });
      for (int i = 0; i < 97; i++) {
        assertThat(calls.get(i)).as("index %d on %d threads", i, threads).isEqualTo(1);
        assertThat(out[i]).isEqualTo((long) i * i);
      }
      assertThat(p.threads()).isEqualTo(threads);
    }
  }

  @Test
  void aBodysExceptionReachesTheCaller() {
    Parallel p = Parallel.of(2);
    assertThatThrownBy(
            () ->
                p.forEach(
                    8,
                    i -> {
                      if (i == 5) {
                        throw new IllegalStateException("index 5");
                      }
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("index 5");
  }

  @Test
  void callerRunsVisitsEveryIndexOnceWithItsWritesVisible() {
    for (int threads : new int[] {1, 2, 5}) {
      Parallel p = Parallel.of(threads);
      for (int n : new int[] {0, 1, 2, 4, 97}) {
        for (int round = 0; round < 50; round++) {
          AtomicIntegerArray calls = new AtomicIntegerArray(Math.max(1, n));
          long[] out = new long[Math.max(1, n)];
          p.forEachCallerRuns(
              n,
              i -> {
                calls.incrementAndGet(i);
                out[i] = (long) i * i + 1;
              });
          for (int i = 0; i < n; i++) {
            assertThat(calls.get(i)).as("index %d of %d on %d threads", i, n, threads).isEqualTo(1);
            assertThat(out[i]).isEqualTo((long) i * i + 1);
          }
        }
      }
    }
  }

  @Test
  void callerRunsRethrowsABodysExceptionAndKeepsTheInterruptFlag() {
    Parallel p = Parallel.of(2);
    assertThatThrownBy(
            () ->
                p.forEachCallerRuns(
                    8,
                    i -> {
                      if (i == 5) {
                        throw new IllegalStateException("index 5");
                      }
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("index 5");
    Thread.currentThread().interrupt();
    int[] sum = new int[2];
    p.forEachCallerRuns(2, i -> sum[i] = i + 1);
    assertThat(Thread.interrupted()).isTrue(); // and clears it
    assertThat(sum).containsExactly(1, 2);
  }

  @Test
  void theThreadPropertyIsChecked() {
    assertThat(Parallel.threadsFrom("3")).isEqualTo(3);
    assertThat(Parallel.threadsFrom(null)).isPositive();
    assertThatThrownBy(() -> Parallel.threadsFrom("0"))
        .hasMessageContaining("edgeoffload.threads=0")
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Parallel.threadsFrom("two"))
        .hasMessageContaining("edgeoffload.threads=two");
    assertThatThrownBy(() -> Parallel.of(0)).hasMessageContaining("at least 1");
  }
}
