package io.edgeoffload.rl.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.rl.replay.ReplayBuffer.Field;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JointReplayTest {
  private static final int AGENTS = 3;

  /** Agent k observes (t, k, …) with width 2 + k, acts t + k / 10, and gets reward −t − k. */
  private static JointReplay joint(int capacity) {
    return new JointReplay(
        capacity,
        List.of(
            List.of(new Field("obs", 2), new Field("action", 1), new Field("reward", 1)),
            List.of(new Field("obs", 3), new Field("action", 1), new Field("reward", 1)),
            List.of(new Field("obs", 4), new Field("action", 1), new Field("reward", 1))));
  }

  private static int addStep(JointReplay j, double[][][] rows, int t) {
    for (int k = 0; k < AGENTS; k++) {
      rows[k][0][0] = t;
      rows[k][0][1] = k;
      rows[k][1][0] = t + k / 10.0;
      rows[k][2][0] = -t - k;
    }
    return j.add(rows);
  }

  private static double[][][] rows() {
    double[][][] rows = new double[AGENTS][][];
    for (int k = 0; k < AGENTS; k++) {
      rows[k] = new double[][] {new double[2 + k], new double[1], new double[1]};
    }
    return rows;
  }

  /** Gathers each agent's batch with the one index set and checks the rows are one time step. */
  private static void assertTimeAligned(JointReplay j, int[] idx, int n, int firstLiveStep) {
    double[][] obs = new double[AGENTS][];
    double[][] act = new double[AGENTS][n];
    double[][] rew = new double[AGENTS][n];
    for (int k = 0; k < AGENTS; k++) {
      ReplayBuffer b = j.agent(k);
      obs[k] = new double[n * (2 + k)];
      b.gather(b.field("obs"), idx, n, obs[k]);
      b.gather(b.field("action"), idx, n, act[k]);
      b.gather(b.field("reward"), idx, n, rew[k]);
    }
    for (int i = 0; i < n; i++) {
      double t = obs[0][i * 2];
      assertThat(t).isGreaterThanOrEqualTo(firstLiveStep);
      assertThat((int) t % j.capacity()).isEqualTo(idx[i]);
      for (int k = 0; k < AGENTS; k++) {
        int w = 2 + k;
        assertThat(obs[k][i * w]).as("agent %d, sample %d", k, i).isEqualTo(t);
        assertThat(obs[k][i * w + 1]).isEqualTo(k);
        assertThat(act[k][i]).isEqualTo(t + k / 10.0);
        assertThat(rew[k][i]).isEqualTo(-t - k);
      }
    }
  }

  @Test
  void everyAgentWritesTheSameSlotAndGathersTheSameStep() {
    JointReplay j = joint(8);
    double[][][] rows = rows();
    for (int t = 0; t < 21; t++) {
      assertThat(addStep(j, rows, t)).isEqualTo(t % 8);
      for (int k = 0; k < AGENTS; k++) {
        assertThat(j.agent(k).size()).isEqualTo(j.size());
        assertThat(j.agent(k).cursor()).isEqualTo(j.agent(0).cursor());
      }
    }
    int[] idx = new int[500];
    j.sample(500, new SplittableRandom(12), idx);
    assertTimeAligned(j, idx, 500, 21 - 8);
  }

  @Test
  void prioritisedJointSamplingGivesOneIndexSetForAllAgents() {
    JointReplay j = joint(16);
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(0.6, 0.4, 100, 1e-6, 16));
    double[][][] fill = rows();
    for (int t = 0; t < 40; t++) {
      for (int k = 0; k < AGENTS; k++) {
        fill[k][0][0] = t;
        fill[k][0][1] = k;
        fill[k][1][0] = t + k / 10.0;
        fill[k][2][0] = -t - k;
      }
      assertThat(per.add(j, fill)).isEqualTo(t % 16);
    }
    int[] idx = new int[64];
    double[] w = new double[64];
    SplittableRandom rng = new SplittableRandom(3);
    for (int round = 0; round < 10; round++) {
      per.sample(64, rng, idx, w);
      assertTimeAligned(j, idx, 64, 40 - 16);
      double[] err = new double[64];
      for (int i = 0; i < 64; i++) {
        err[i] = rng.nextDouble() * 5;
      }
      per.updatePriorities(idx, new double[64], err, 64, new TdErrorPriority(1e-3));
    }
  }

  @Test
  void stridedGathersAssembleACentralisedCriticInput() {
    JointReplay j = joint(8);
    double[][][] rows = rows();
    for (int t = 0; t < 11; t++) {
      addStep(j, rows, t);
    }
    int[] idx = {3, 0, 7};
    // Row layout: [obs_0 (2) | obs_1 (3) | obs_2 (4) | a_0 | a_1 | a_2], 12 wide.
    int width = 2 + 3 + 4 + 3;
    double[] critic = new double[3 * width];
    int col = 0;
    for (int k = 0; k < AGENTS; k++) {
      ReplayBuffer b = j.agent(k);
      b.gather(b.field("obs"), idx, 3, critic, col, width);
      col += b.width(b.field("obs"));
    }
    for (int k = 0; k < AGENTS; k++) {
      ReplayBuffer b = j.agent(k);
      b.gather(b.field("action"), idx, 3, critic, col + k, width);
    }
    for (int i = 0; i < 3; i++) {
      double t = idx[i] < 11 - 8 ? idx[i] + 8 : idx[i]; // the latest step written to the slot
      int o = i * width;
      assertThat(new double[] {critic[o], critic[o + 1]}).containsExactly(t, 0);
      assertThat(new double[] {critic[o + 2], critic[o + 3], critic[o + 4]})
          .containsExactly(t, 1, 0);
      assertThat(new double[] {critic[o + 5], critic[o + 6]}).containsExactly(t, 2);
      assertThat(critic[o + 7]).isZero(); // agent 2's obs: (t, 2, 0, 0)
      assertThat(new double[] {critic[o + 9], critic[o + 10], critic[o + 11]})
          .containsExactly(t, t + 0.1, t + 0.2);
    }
  }

  @Test
  void sameSeedGivesIdenticalJointSamples() {
    JointReplay j = joint(32);
    double[][][] rows = rows();
    for (int t = 0; t < 50; t++) {
      addStep(j, rows, t);
    }
    int[] a = new int[100];
    int[] b = new int[100];
    j.sample(100, new SplittableRandom(5), a);
    j.sample(100, new SplittableRandom(5), b);
    assertThat(a).isEqualTo(b);
  }
}
