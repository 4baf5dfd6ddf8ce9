package io.edgeoffload.collab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.baseline.LocalOnlyPolicy;
import io.edgeoffload.collab.baseline.RotationPolicy;
import io.edgeoffload.collab.experiment.WindowSearch.Found;
import io.edgeoffload.collab.experiment.WindowSearch.Objective;
import io.edgeoffload.collab.learn.CollabTraining;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowSearchTest {
  /** collab-wide's evaluation setting without shadow fading, with {@code sets} after. */
  private static CollabEnvBase env(String... sets) {
    List<String> all = new ArrayList<>(CollabSetup.evalSets(List.of()));
    all.add("env.shadowFadingDb=0");
    all.addAll(List.of(sets));
    return CollabSetup.env("collab-wide", all);
  }

  /**
   * Brute force on a window small enough to enumerate (3 MDs, W_max = 2, local or the raw input on
   * any channel and server: 5^6 schedules): no schedule has a shorter window than the rotation's,
   * and hill climbing with pair moves from random schedules finds that length too.
   */
  @Test
  void noScheduleOfASmallWindowBeatsTheRotation() {
    CollabEnvBase env = env("env.windowMax=2");
    WindowSearch ws = new WindowSearch(env, WindowSearch.rawOrLocal(env));
    assertThat(ws.options()).hasSize(1 + 2 * 2);
    Found rotation = ws.evaluate(ws.scheduleOf(new RotationPolicy(env)));
    Found best = ws.exhaustive(Objective.LATENCY);
    assertThat(best.evaluations()).isEqualTo(15_625);
    assertThat(best.latencyS()).isCloseTo(rotation.latencyS(), within(1e-12));
    assertThat(rotation.localTasks(ws.options(), ws.localPoint()))
        .containsExactlyInAnyOrder(1, 1, 0);
    Found climbed = ws.search(List.of(), 20, 7, Objective.LATENCY, true);
    assertThat(climbed.latencyS()).isCloseTo(best.latencyS(), within(1e-12));
    // and it is well below local inference everywhere (86 ms)
    assertThat(ws.evaluate(new int[3][2]).latencyS()).isGreaterThan(1.5 * best.latencyS());
  }

  /**
   * A schedule read back from a policy is that policy's window: local-only's schedule is all local,
   * and its window, times the windows of an episode, is the episode's latency.
   */
  @Test
  void aPolicysScheduleIsItsWindow() {
    CollabEnvBase env = env();
    WindowSearch ws = new WindowSearch(env, WindowSearch.rawOrLocal(env));
    int[][] local = ws.scheduleOf(new LocalOnlyPolicy(env));
    assertThat(local).isDeepEqualTo(new int[3][5]);
    double[] m = CollabTraining.evaluate(new LocalOnlyPolicy(env), env, 1, 1);
    int iLatency = CollabTraining.metricNames().indexOf("total_latency_s");
    assertThat(ws.evaluate(local).latencyS() * 10).isCloseTo(m[iLatency], within(1e-9));
  }

  /** Hill climbing never ends worse than where it starts, and stops where no move improves. */
  @Test
  void climbingImprovesUntilNoSingleMoveDoes() {
    CollabEnvBase env = env();
    WindowSearch ws = new WindowSearch(env, WindowSearch.rawOrLocal(env));
    int[][] start = new int[3][5];
    Found from = ws.evaluate(start);
    Found end = ws.climb(start, Objective.LATENCY, false);
    assertThat(end.latencyS()).isLessThan(from.latencyS());
    int[][] s = end.schedule();
    for (int i = 0; i < 3; i++) {
      for (int x = 0; x < 5; x++) {
        int keep = s[i][x];
        for (int a = 0; a < ws.options().size(); a++) {
          s[i][x] = a;
          assertThat(WindowSearch.better(ws.evaluate(s), end, Objective.LATENCY)).isFalse();
        }
        s[i][x] = keep;
      }
    }
  }

  /**
   * Windows of any size: on a space small enough to enumerate in the test (3 MDs, W_max = 2: every
   * size vector and every schedule), the least latency per task equals what {@code bestPerTask}
   * finds; and no policy's episode is faster than 50·N times it (each window takes at least its
   * tasks times the least latency per task), round-robin's and the rotation's included.
   */
  @Test
  void theLeastLatencyPerTaskIsFoundAndBoundsEveryEpisode() {
    CollabEnvBase env = env("env.windowMax=2");
    WindowSearch ws = new WindowSearch(env, WindowSearch.rawOrLocal(env));
    int k = ws.options().size();
    double least = Double.POSITIVE_INFINITY;
    int[][] s = new int[3][2];
    for (int sizes = 0; sizes < 8; sizes++) {
      int[] w = {1 + (sizes & 1), 1 + ((sizes >> 1) & 1), 1 + ((sizes >> 2) & 1)};
      for (int code = 0; code < Math.pow(k, 6); code++) {
        int c = code;
        for (int cell = 0; cell < 6; cell++, c /= k) {
          s[cell / 2][cell % 2] = c % k;
        }
        least = Math.min(least, ws.evaluate(w, s).perTaskS());
      }
    }
    Found found = ws.bestPerTask(5, 3);
    assertThat(found.perTaskS()).isCloseTo(least, within(1e-12));
    assertThat(found.sizes()).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    int iLatency = CollabTraining.metricNames().indexOf("total_latency_s");
    for (io.edgeoffload.core.Policy p :
        List.of(
            new io.edgeoffload.collab.baseline.RoundRobinPolicy(env),
            new RotationPolicy(env),
            new LocalOnlyPolicy(env))) {
      double episode = CollabTraining.evaluate(p, env, 1, 1)[iLatency];
      assertThat(episode).as(p.id()).isGreaterThanOrEqualTo(50 * 3 * least * (1 - 1e-12));
    }
  }

  @Test
  void refusesAWindowThatIsNotDeterministic() {
    List<String> sets = new ArrayList<>(CollabSetup.evalSets(List.of()));
    CollabEnvBase shadowed = CollabSetup.env("collab-wide", sets);
    assertThatThrownBy(() -> new WindowSearch(shadowed, WindowSearch.rawOrLocal(shadowed)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("env.shadowFadingDb=0")
        .hasMessageContaining("8.0 dB");
  }
}
