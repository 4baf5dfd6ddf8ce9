package io.edgeoffload.ucms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ES queue inside a slot (UCMS eq. 9, MODEL-NOTES UCMS 4) against its invariants. */
class ServerQueueTest {
  @Test
  void firstComeByArrivalNeverMoreThanUmRunningAndEq9Holds() {
    SplittableRandom rng = new SplittableRandom(21);
    ServerQueue queue = new ServerQueue();
    for (int trial = 0; trial < 500; trial++) {
      int k = 1 + rng.nextInt(30);
      int cpus = 1 + rng.nextInt(8);
      double[] arrival = new double[k];
      double[] processing = new double[k];
      double[] deadline = new double[k];
      for (int i = 0; i < k; i++) {
        arrival[i] = rng.nextDouble(0, 0.05);
        processing[i] = rng.nextDouble(0.001, 0.07);
        deadline[i] = rng.nextDouble(0.02, 0.3);
      }
      Integer[] order = new Integer[k];
      for (int i = 0; i < k; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(arrival[a], arrival[b]));
      int[] ids = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
      double[] delay = new double[k];
      double[] start = new double[k];
      double[] release = new double[k];
      queue.run(ids, k, arrival, processing, deadline, cpus, delay, start, release);

      List<double[]> busy = new ArrayList<>();
      double lastStart = Double.NEGATIVE_INFINITY;
      for (int id : ids) {
        assertThat(start[id]).isGreaterThanOrEqualTo(arrival[id]);
        assertThat(start[id]).as("first come, first served").isGreaterThanOrEqualTo(lastStart);
        lastStart = start[id];
        // eq. (9): τ^a = τ^p + max(τ^o, τ^q), with the task starting at max(τ^o, τ^q).
        assertThat(delay[id]).isCloseTo(processing[id] + start[id], within(1e-15));
        if (release[id] > start[id]) {
          busy.add(new double[] {start[id], release[id]});
          // A late task is dropped at its deadline, an on-time one runs to completion.
          assertThat(release[id]).isCloseTo(Math.min(delay[id], deadline[id]), within(1e-15));
        } else {
          assertThat(start[id]).as("expired before starting").isGreaterThanOrEqualTo(deadline[id]);
        }
      }
      // Never more than U_m tasks on the CPUs at once: sweep the busy intervals.
      for (double[] probe : busy) {
        double t = probe[0];
        long running = busy.stream().filter(b -> b[0] <= t && t < b[1]).count();
        assertThat(running).isLessThanOrEqualTo(cpus);
      }
    }
  }
}
