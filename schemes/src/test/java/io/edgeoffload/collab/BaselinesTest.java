package io.edgeoffload.collab;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.collab.baseline.GreedyPartitionPolicy;
import io.edgeoffload.collab.baseline.LocalOnlyPolicy;
import io.edgeoffload.collab.baseline.RotationPolicy;
import io.edgeoffload.collab.baseline.RoundRobinPolicy;
import io.edgeoffload.collab.learn.CollabTraining;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  @Test
  void neurosurgeonChoosesOnlyChainCutsAndGreedyMayChooseAny() {
    CollabEnvBase env = CollabFixtures.env("collab-wide", "env.model=googlenet");
    float[][] obs = env.reset(3);
    int aw = env.actionSpace(0).dim();
    float[][] ns = new float[3][aw];
    new GreedyPartitionPolicy("neurosurgeon", env, true).act(obs, ns);
    for (int i = 0; i < 3; i++) {
      for (int x = 0; x < 5; x++) {
        int s = (int) ns[i][CollabActions.point(5, x)];
        assertThat(env.workload().isChainCut(s)).isTrue();
      }
    }
  }

  @Test
  void aloneTheGreedyPolicyPicksTheCheapestPointByBruteForce() {
    CollabEnvBase env =
        CollabFixtures.env(
            "collab-wide",
            "env.numDevices=1",
            "env.shadowFadingDb=0",
            "env.distanceModel=fixed",
            "env.taskModel=fixed",
            "env.fixedTasks=1");
    float[][] obs = env.reset(1);
    float[][] a = new float[1][env.actionSpace(0).dim()];
    new GreedyPartitionPolicy("greedy", env, false).act(obs, a);
    int chosen = (int) a[0][CollabActions.point(5, 0)];
    // one task, one MD, no fading: the env's own reward of every point, best one chosen
    double best = Double.NEGATIVE_INFINITY;
    double chosenReward = 0;
    for (int s = 0; s < env.workload().size(); s++) {
      env.reset(1);
      float[][] b = new float[1][env.actionSpace(0).dim()];
      CollabActions.fill(b[0], 5, 1, s, 0, 0, 1.0);
      double r = env.step(b).rewards()[0];
      best = Math.max(best, r);
      if (s == chosen) {
        chosenReward = r;
      }
    }
    assertThat(chosenReward).isEqualTo(best);
  }

  private static final String[] EVAL = {"env.taskModel=fixed", "env.distanceModel=fixed"};

  private static double latency(CollabEnvBase env, io.edgeoffload.core.Policy p) {
    return metric(env, p, "total_latency_s");
  }

  private static double metric(CollabEnvBase env, io.edgeoffload.core.Policy p, String name) {
    double[] m = CollabTraining.evaluate(p, env, 4, 11);
    return m[CollabTraining.metricNames().indexOf(name)];
  }

  /**
   * The undiscounted return Σ_k r_k of an episode: the mean reward per decision times the decisions
   * (both fixed per episode for these deterministic schedules on fixed queues).
   */
  private static double episodeReturn(CollabEnvBase env, io.edgeoffload.core.Policy p) {
    return metric(env, p, "reward") * metric(env, p, "decisions");
  }

  @Test
  void roundRobinNeverSharesAChannelAndEveryMdOffloadsInTurn() {
    CollabEnvBase base = CollabFixtures.env("collab-wide", EVAL);
    CollabEnv env = (CollabEnv) base;
    List<CollabEnv.Task> tasks = new ArrayList<>();
    env.onTask(tasks::add);
    RoundRobinPolicy rr = new RoundRobinPolicy(env);
    rr.reset(0);
    float[][] obs = env.reset(5);
    float[][] a = new float[3][env.actionSpace(0).dim()];
    boolean done = false;
    while (!done) {
      rr.act(obs, a);
      var r = env.step(a);
      obs = r.observations();
      done = r.done();
    }
    assertThat(tasks).hasSize(150);
    int[] offloaded = new int[3];
    for (CollabEnv.Task t : tasks) {
      if (t.offloads()) {
        offloaded[t.md()]++;
        assertThat(t.interferenceW()).as("no co-channel sender").isZero();
      }
    }
    for (int i = 0; i < 3; i++) {
      // two of every three windows: 4 tasks offloaded against 1 local
      assertThat(offloaded[i]).as("MD " + i).isBetween(30, 45);
    }
  }

  @Test
  void roundRobinsWindowSizesAreTheBestOfEveryPairAndBeatLocalInference() {
    CollabEnvBase env = CollabFixtures.env("collab-wide", EVAL);
    double chosen = latency(env, new RoundRobinPolicy(env));
    double best = Double.POSITIVE_INFINITY;
    for (int a = 1; a <= 5; a++) {
      for (int b = 1; b <= 5; b++) {
        best = Math.min(best, latency(env, new RoundRobinPolicy(env, a, b)));
      }
    }
    assertThat(chosen).isEqualTo(best);
    // Offloading in turn beats local inference by far (measured −59% on this setting).
    assertThat(chosen).isLessThan(0.5 * latency(env, new LocalOnlyPolicy(env)));
  }

  @Test
  void whereOffloadingDoesNotPayRoundRobinIsLocalOnly() {
    assertLocalOnlyOnTheLiteralPreset(RoundRobinPolicy::new);
  }

  /**
   * On 1 MHz channels ({@code collab-paper}) the schedule acts as local-only, action for action.
   */
  private static void assertLocalOnlyOnTheLiteralPreset(
      java.util.function.Function<CollabEnvBase, io.edgeoffload.core.Policy> schedule) {
    CollabEnvBase env = CollabFixtures.env("collab-paper", EVAL);
    float[][] obs = env.reset(2);
    float[][] acted = new float[3][env.actionSpace(0).dim()];
    float[][] local = new float[3][env.actionSpace(0).dim()];
    schedule.apply(env).act(obs, acted);
    new LocalOnlyPolicy(env).act(obs, local);
    assertThat(acted).isDeepEqualTo(local);
  }

  /**
   * The rotation keeps every window full, never puts two MDs on one channel at a task position, and
   * spreads the local tasks 2, 2, 1 over the MDs in every window (3 MDs, 2 channels, W_max = 5); on
   * the 1 MHz preset, where offloading does not pay, it is local-only.
   */
  @Test
  void theRotationFillsEveryWindowAndBalancesTheLocalTasks() {
    CollabEnvBase base = CollabFixtures.env("collab-wide", EVAL);
    CollabEnv env = (CollabEnv) base;
    int wMax = env.config().windowMax();
    List<CollabEnv.Task> tasks = new ArrayList<>();
    env.onTask(tasks::add);
    RotationPolicy rot = new RotationPolicy(env);
    rot.reset(0);
    float[][] obs = env.reset(3);
    float[][] a = new float[3][env.actionSpace(0).dim()];
    boolean done = false;
    int windows = 0;
    while (!done) {
      rot.act(obs, a);
      int[] local = new int[3];
      for (int x = 0; x < wMax; x++) {
        java.util.Set<Integer> channels = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
          assertThat(a[i][CollabActions.window()]).isEqualTo(wMax - 1);
          if (a[i][CollabActions.point(wMax, x)] == env.workload().localIndex()) {
            local[i]++;
          } else {
            assertThat(channels.add((int) a[i][CollabActions.channel(wMax, x)])).isTrue();
          }
        }
        assertThat(channels).hasSize(2);
      }
      assertThat(local).containsExactlyInAnyOrder(2, 2, 1);
      var r = env.step(a);
      obs = r.observations();
      done = r.done();
      windows++;
    }
    assertThat(windows).isEqualTo(10);
    assertThat(tasks).hasSize(150);
    assertLocalOnlyOnTheLiteralPreset(RotationPolicy::new);
  }

  /**
   * The schedules docs/schemes/collab.md compares the learners with: with equal windows of W_max,
   * per-task decisions that keep one MD local at each position (rotating) beat local inference by
   * about 42%; round-robin's unequal windows by about 59%. Yet by the return the learners maximise
   * (model note 12: eq. (8) divides each window's cost by its mean size) the full windows win.
   */
  @Test
  void fullWindowRotationIsSlowerThanRoundRobinYetHasTheHigherReturn() {
    CollabEnvBase env = CollabFixtures.env("collab-wide", EVAL);
    io.edgeoffload.core.Policy perTask = new RotationPolicy(env);
    double local = latency(env, new LocalOnlyPolicy(env));
    double equal = latency(env, perTask);
    double rr = latency(env, new RoundRobinPolicy(env));
    assertThat(equal / local).isBetween(0.55, 0.62); // measured 0.58 (1249 ms against 2151)
    assertThat(rr).isLessThan(equal);
    // Measured −259 (10 windows) against −310 (17 windows) and local-only's −450.6.
    double equalReturn = episodeReturn(env, perTask);
    double rrReturn = episodeReturn(env, new RoundRobinPolicy(env));
    assertThat(metric(env, perTask, "decisions")).isEqualTo(10.0);
    assertThat(metric(env, new RoundRobinPolicy(env), "decisions")).isEqualTo(17.0);
    assertThat(equalReturn).isGreaterThan(rrReturn);
    assertThat(rrReturn).isGreaterThan(episodeReturn(env, new LocalOnlyPolicy(env)));
  }
}
