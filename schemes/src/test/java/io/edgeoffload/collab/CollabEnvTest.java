package io.edgeoffload.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.collab.baseline.LocalOnlyPolicy;
import io.edgeoffload.collab.baseline.RandomPolicy;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.config.ConfigException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollabEnvTest {

  private static double[] runEpisode(CollabEnvBase env, Policy policy, long seed) {
    float[][] actions = new float[env.numAgents()][env.actionSpace(0).dim()];
    float[][] obs = env.reset(seed);
    policy.reset(seed);
    double[] sums = new double[env.infoKeys().size()];
    StepResult r;
    int steps = 0;
    do {
      policy.act(obs, actions);
      r = env.step(actions);
      for (int k = 0; k < sums.length; k++) {
        sums[k] += r.info()[k];
      }
      obs = r.observations();
      assertThat(++steps).isLessThan(1_000_000);
    } while (!r.done());
    return sums;
  }

  /**
   * The task reports ({@link CollabEnvBase#onTask}) account for every task: as many as the steps
   * say ran and offloaded, and their latencies add up to the episode's. In the task-aware MDP a
   * window lasts as long as its slowest MD's tasks in sequence; in the time-based one an MD with
   * tasks left is never idle (each slot continues from where its last task ended), so the episode's
   * latency is the longest MD's sum of task latencies.
   */
  @ParameterizedTest
  @ValueSource(strings = {"task-aware", "50 ms", "300 ms"})
  void taskReportsAddUpToTheStepsUnderRandomActions(String mdp) {
    CollabEnvBase env =
        mdp.equals("task-aware")
            ? CollabFixtures.env("collab-wide", "env.numDevices=4", "env.tasksMean=12")
            : CollabFixtures.env(
                "collab-wide",
                "env.numDevices=4",
                "env.tasksMean=12",
                "env.mdp=time-based",
                "env.slotLength=" + mdp);
    RandomPolicy policy = new RandomPolicy(env);
    float[][] actions = new float[4][env.actionSpace(0).dim()];
    double[] mdSum = new double[4]; // this step's (task-aware) or episode's (time-based) latency
    long[] reported = new long[2]; // tasks, offloaded
    env.onTask(
        t -> {
          assertThat(t.latencyS()).isPositive();
          assertThat(t.transmissionS()).isBetween(0.0, t.latencyS());
          assertThat(t.interferenceW() > 0).isEqualTo(t.interferenceW() != 0);
          mdSum[t.md()] += t.latencyS();
          reported[0]++;
          reported[1] += t.offloads() ? 1 : 0;
        });
    SplittableRandom seeds = new SplittableRandom(3);
    for (int episode = 0; episode < 4; episode++) {
      long seed = seeds.nextLong();
      float[][] obs = env.reset(seed);
      policy.reset(seed);
      java.util.Arrays.fill(mdSum, 0.0);
      double latency = 0;
      double tasks = 0;
      double offloaded = 0;
      reported[0] = 0;
      reported[1] = 0;
      StepResult r;
      do {
        if (env instanceof CollabEnv) {
          java.util.Arrays.fill(mdSum, 0.0);
        }
        policy.act(obs, actions);
        r = env.step(actions);
        latency += r.info()[CollabEnvBase.I_LATENCY];
        tasks += r.info()[CollabEnvBase.I_TASKS];
        offloaded += r.info()[CollabEnvBase.I_OFFLOADED];
        if (env instanceof CollabEnv) {
          assertThat(r.info()[CollabEnvBase.I_LATENCY])
              .isCloseTo(java.util.Arrays.stream(mdSum).max().orElseThrow(), within(1e-12));
        }
        obs = r.observations();
      } while (!r.done());
      assertThat(reported[0]).isEqualTo((long) tasks).isPositive();
      assertThat(reported[1]).isEqualTo((long) offloaded);
      if (!(env instanceof CollabEnv)) {
        double longest = java.util.Arrays.stream(mdSum).max().orElseThrow();
        assertThat(latency).isCloseTo(longest, within(1e-9 * longest));
      }
    }
    env.onTask(null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"resnet50", "googlenet", "mobilenetv2"})
  void localOnlyMatchesClosedForms(String model) {
    CollabEnvBase env =
        CollabFixtures.env("collab-paper", "env.model=" + model, "env.taskModel=fixed");
    double[] s = runEpisode(env, new LocalOnlyPolicy(env), 3);
    Workload w = env.workload();
    double tasks = 50;
    // tasks × 5·L_0, with L_0 scaled from ResNet-50's by MACs (MODEL-NOTES COLLAB 3)
    double l0 = 8.603e-3 * w.totalMacs() / Workload.RESNET50_MACS;
    assertThat(s[CollabEnvBase.I_LATENCY]).isCloseTo(tasks * 5 * l0, within(1e-9));
    // tasks × ζ × MMACs per MD, three MDs
    assertThat(s[CollabEnvBase.I_ENERGY] / s[CollabEnvBase.I_TASKS])
        .isCloseTo(1e-5 * w.totalMacs() / 1e6, within(1e-12));
    assertThat(s[CollabEnvBase.I_TASKS]).isEqualTo(3 * tasks);
    assertThat(s[CollabEnvBase.I_WAIT]).isZero();
  }

  @Test
  void localOnlyWithPoissonQueuesLastsAsLongAsTheLongestQueue() {
    CollabEnvBase env = CollabFixtures.env("collab-paper");
    float[][] actions = new float[3][env.actionSpace(0).dim()];
    env.reset(11);
    int longest = 0;
    int total = 0;
    for (int i = 0; i < 3; i++) {
      longest = Math.max(longest, env.remaining(i));
      total += env.remaining(i);
    }
    double[] s = runEpisode(env, new LocalOnlyPolicy(env), 11);
    assertThat(s[CollabEnvBase.I_TASKS]).isEqualTo(total);
    assertThat(s[CollabEnvBase.I_LATENCY]).isCloseTo(longest * 5 * 8.603e-3, within(1e-9));
  }

  @Test
  void timeBasedLocalOnlyMatchesTheSameClosedForm() {
    for (String slot : new String[] {"10 ms", "50 ms", "300 ms"}) {
      CollabEnvBase env =
          CollabFixtures.env(
              "collab-paper",
              "env.mdp=time-based",
              "env.slotLength=" + slot,
              "env.taskModel=fixed");
      assertThat(env.id()).isEqualTo("collab-slotted-v1");
      double[] s = runEpisode(env, new LocalOnlyPolicy(env), 5);
      assertThat(s[CollabEnvBase.I_LATENCY]).as(slot).isCloseTo(50 * 5 * 8.603e-3, within(1e-9));
      assertThat(s[CollabEnvBase.I_TASKS]).isEqualTo(150);
    }
  }

  /**
   * {@code slotReward: started}: a slot's reward is eq. (8) without its waiting term over the tasks
   * started in it. Under local-only every MD starts its tasks in step, so each slot that starts any
   * costs one local task's latency and energy, −(5·L_0 + β·ζ·MACs), and the others nothing.
   */
  @ParameterizedTest
  @ValueSource(strings = {"10 ms", "50 ms", "300 ms"})
  void startedSlotRewardChargesEachLocalTaskOnce(String slot) {
    CollabEnvBase env =
        CollabFixtures.env(
            "collab-wide",
            "env.mdp=time-based",
            "env.slotLength=" + slot,
            "env.slotReward=started",
            "env.taskModel=fixed");
    Workload w = env.workload();
    double perTask = 5 * 8.603 + 50.0 * 1e-5 * w.totalMacs() / 1e6; // ms unit, β = 50
    LocalOnlyPolicy policy = new LocalOnlyPolicy(env);
    float[][] actions = new float[3][env.actionSpace(0).dim()];
    float[][] obs = env.reset(4);
    policy.reset(4);
    int charged = 0;
    double started = 0;
    StepResult r;
    do {
      policy.act(obs, actions);
      r = env.step(actions);
      double reward = r.rewards()[0];
      if (r.info()[CollabEnvBase.I_TASKS] > 0) {
        assertThat(reward).as(slot).isCloseTo(-perTask, within(1e-9));
        charged++;
        started += r.info()[CollabEnvBase.I_TASKS];
      } else {
        assertThat(reward).as(slot).isZero();
      }
      obs = r.observations();
    } while (!r.done());
    assertThat(started).isEqualTo(150);
    assertThat(charged).isPositive();
  }

  @Test
  void windowAccountingUnderRandomActions() {
    CollabEnv env = (CollabEnv) CollabFixtures.env("collab-wide", "env.numDevices=4");
    CollabEnvConfig c = env.config();
    RandomPolicy policy = new RandomPolicy(env);
    SplittableRandom seeds = new SplittableRandom(1);
    float[][] actions = new float[4][env.actionSpace(0).dim()];
    for (int episode = 0; episode < 5; episode++) {
      long seed = seeds.nextLong();
      float[][] obs = env.reset(seed);
      policy.reset(seed);
      int queued = 0;
      for (int i = 0; i < 4; i++) {
        queued += env.remaining(i);
      }
      int ran = 0;
      StepResult r;
      do {
        int[] before = new int[4];
        for (int i = 0; i < 4; i++) {
          before[i] = env.remaining(i);
        }
        policy.act(obs, actions);
        r = env.step(actions);
        double[] info = r.info();
        double max = 0;
        double waits = 0;
        int active = 0;
        int tasks = 0;
        for (int i = 0; i < 4; i++) {
          int w = env.lastWindow(i);
          assertThat(w).isBetween(0, c.windowMax()).isEqualTo(before[i] - env.remaining(i));
          tasks += w;
          if (w > 0) {
            active++;
            max = Math.max(max, env.lastLatency(i));
          }
        }
        for (int i = 0; i < 4; i++) {
          if (env.lastWindow(i) > 0) {
            double wait = max - env.lastLatency(i);
            assertThat(wait).isGreaterThanOrEqualTo(0);
            waits += wait;
          }
        }
        // The window lasts as long as its slowest MD; waits sum to Σ_n (max − L_n).
        assertThat(info[CollabEnvBase.I_LATENCY]).isEqualTo(max);
        assertThat(info[CollabEnvBase.I_WAIT]).isCloseTo(waits, within(1e-12 * (1 + waits)));
        assertThat(info[CollabEnvBase.I_TASKS]).isEqualTo(tasks);
        // eq. (8) from the window's own totals
        double expected =
            -((max + c.alpha() * waits / active) / 1e-3 / (tasks / 4.0)
                + c.beta() / 4 * info[CollabEnvBase.I_ENERGY] / (tasks / 4.0));
        assertThat(r.rewards()[0]).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        ran += tasks;
        obs = r.observations();
      } while (!r.done());
      assertThat(ran).isEqualTo(queued);
    }
  }

  /**
   * With {@code rewardPerTask: false} a window's reward is its cost without eq. (8)'s division by
   * W_k, everything else equal; an episode's return is then minus its total latency (ms), weighted
   * waiting and energy, which the metrics sum independently.
   */
  @Test
  void withoutThePerTaskDivisionTheReturnIsTheTotalCost() {
    CollabEnv printed = (CollabEnv) CollabFixtures.env("collab-wide");
    CollabEnv total = (CollabEnv) CollabFixtures.env("collab-wide", "env.rewardPerTask=false");
    CollabEnvConfig c = total.config();
    RandomPolicy a = new RandomPolicy(printed);
    RandomPolicy b = new RandomPolicy(total);
    float[][] actions = new float[3][printed.actionSpace(0).dim()];
    float[][] obs = printed.reset(7);
    total.reset(7);
    a.reset(7);
    b.reset(7);
    double ret = 0;
    double latency = 0;
    double waits = 0;
    double energy = 0;
    StepResult r;
    do {
      a.act(obs, actions);
      r = printed.step(actions);
      StepResult t = total.step(actions);
      double meanWindow = r.info()[CollabEnvBase.I_TASKS] / 3.0;
      assertThat(t.rewards()[0])
          .isCloseTo(r.rewards()[0] * meanWindow, within(1e-9 * Math.abs(t.rewards()[0])));
      assertThat(t.info()[CollabEnvBase.I_LATENCY]).isEqualTo(r.info()[CollabEnvBase.I_LATENCY]);
      ret += t.rewards()[0];
      latency += t.info()[CollabEnvBase.I_LATENCY];
      int active = 0;
      for (int i = 0; i < 3; i++) {
        active += total.lastWindow(i) > 0 ? 1 : 0;
      }
      waits += t.info()[CollabEnvBase.I_WAIT] / active;
      energy += t.info()[CollabEnvBase.I_ENERGY];
      obs = r.observations();
    } while (!r.done());
    double expected = -((latency + c.alpha() * waits) / 1e-3 + c.beta() / 3 * energy);
    assertThat(ret).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
  }

  /** Latency of MD 0's single task when both MDs send the raw input on the given channels. */
  private static double rawInputLatency(int channel1) {
    CollabEnv env =
        (CollabEnv)
            CollabFixtures.env(
                "collab-wide",
                "env.numDevices=2",
                "env.shadowFadingDb=0",
                "env.distanceModel=fixed",
                "env.distanceFixedM=30",
                "env.taskModel=fixed");
    float[][] a = new float[2][env.actionSpace(0).dim()];
    env.reset(1);
    CollabActions.fill(a[0], 5, 1, 0, 0, 0, 1.0);
    CollabActions.fill(a[1], 5, 1, 0, channel1, 1, 1.0);
    env.step(a);
    return env.lastLatency(0);
  }

  @Test
  void twoDevicesOnOneChannelEachGetALowerRateThanAlone() {
    double alone = rawInputLatency(1);
    double shared = rawInputLatency(0);
    assertThat(shared).isGreaterThan(alone);
    // and the rate itself, eq. (1)
    double g = CollabModel.gain(30, 1, 3, 0);
    double r1 = CollabModel.rate(1e6, 1, g, 1e-9, 0);
    double r2 = CollabModel.rate(1e6, 1, g, 1e-9, 1 * g);
    assertThat(r2).isLessThan(r1);
    assertThat(r1).isCloseTo(1e6 * Math.log(1 + g / 1e-9) / Math.log(2), within(1e-6));
  }

  @Test
  void serverLoadScalesTheServerPart() {
    double l0 = 8e-3;
    assertThat(CollabModel.serverLatency(50, 100, l0, 3))
        .isCloseTo(3 * CollabModel.serverLatency(50, 100, l0, 1), within(1e-15));
    assertThat(CollabModel.serverLatency(100, 100, l0, 1)).isCloseTo(l0, within(1e-15));
  }

  @Test
  void poissonDrawsHaveTheRightMean() {
    SplittableRandom rng = new SplittableRandom(4);
    double sum = 0;
    double sq = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      int k = CollabEnvBase.poisson(rng, 50);
      sum += k;
      sq += (double) k * k;
    }
    double mean = sum / n;
    double var = sq / n - mean * mean;
    assertThat(mean).isCloseTo(50, within(0.3)); // 6 standard errors
    assertThat(var).isCloseTo(50, within(3.0));
  }

  @Test
  void badInputNamesTheKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CollabFixtures.config("collab-paper", "env.model=vgg16"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("model");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CollabFixtures.config("collab-paper", "env.featureSplit=1"))
        .hasMessageContaining("featureSplit");
  }

  @Test
  void chainPartitioningOffersOnlyChainCuts() {
    Workload all = CollabFixtures.env("collab-paper").workload();
    Workload chain = CollabFixtures.env("collab-paper", "env.partitioning=chain").workload();
    assertThat(all.size()).isEqualTo(63);
    assertThat(chain.size()).isEqualTo(19).isLessThan(all.size());
    for (int i = 0; i < chain.size(); i++) {
      assertThat(chain.isChainCut(i)).isTrue();
    }
    assertThat(chain.serverMacs(chain.localIndex())).isZero();
    assertThat(chain.bits(chain.localIndex())).isZero();
  }
}
