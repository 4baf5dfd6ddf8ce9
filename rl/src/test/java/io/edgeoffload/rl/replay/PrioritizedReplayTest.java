package io.edgeoffload.rl.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.rl.replay.ReplayBuffer.Field;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrioritizedReplayTest {

  private static ReplayBuffer storage(int capacity) {
    return new ReplayBuffer(capacity, new Field("step", 1));
  }

  private static void fill(PrioritizedReplay per, ReplayBuffer b, int count) {
    double[][] rows = {new double[1]};
    for (int t = 0; t < count; t++) {
      rows[0][0] = t;
      per.add(b, rows);
    }
  }

  @Test
  void importanceWeightsMatchAHandComputation() {
    // α = 0.5, β = β₀ = 0.5 at step 0, N = 4 transitions of priorities 1, 4, 9, 16.
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(0.5, 0.5, 1000, 1e-6, 4));
    ReplayBuffer b = storage(4);
    fill(per, b, 4);
    per.updatePriorities(new int[] {0, 1, 2, 3}, new double[] {1, 4, 9, 16}, 4);
    // By hand: p^α = 1, 2, 3, 4; Σ = 10; P = 0.1, 0.2, 0.3, 0.4.
    double[] prob = {0.1, 0.2, 0.3, 0.4};
    // w_i = (N P_i)^−β / max_j (N P_j)^−β; the max is at P = 0.1: (0.4)^−0.5.
    // (0.4/0.4)^0.5 = 1, (0.4/0.8)^0.5 = 0.70711, (0.4/1.2)^0.5 = 0.57735, (0.4/1.6)^0.5 = 0.5.
    double[] w = {1.0, 0.7071067811865476, 0.5773502691896258, 0.5};
    for (int i = 0; i < 4; i++) {
      assertThat(per.probability(i)).isCloseTo(prob[i], within(1e-15));
      assertThat(per.priority(i)).isEqualTo((i + 1.0) * (i + 1.0));
    }
    assertThat(per.beta()).isEqualTo(0.5);
    int[] idx = new int[64];
    double[] weights = new double[64];
    per.sample(64, new SplittableRandom(1), idx, weights);
    boolean[] seen = new boolean[4];
    for (int i = 0; i < 64; i++) {
      assertThat(weights[i]).isCloseTo(w[idx[i]], within(1e-15));
      seen[idx[i]] = true;
    }
    assertThat(seen).containsOnly(true);
  }

  @Test
  void betaAnnealsLinearlyFromBeta0ToOne() {
    PerConfig cfg = new PerConfig(1.0, 0.4, 10, 1e-6, 8);
    assertThat(cfg.beta(0)).isEqualTo(0.4);
    assertThat(cfg.beta(5)).isCloseTo(0.7, within(1e-15));
    assertThat(cfg.beta(10)).isEqualTo(1.0);
    assertThat(cfg.beta(1_000_000)).isEqualTo(1.0);
    PrioritizedReplay per = new PrioritizedReplay(cfg);
    ReplayBuffer b = storage(8);
    fill(per, b, 2);
    per.updatePriorities(new int[] {0, 1}, new double[] {1, 3}, 2);
    int[] idx = new int[2];
    double[] w = new double[2];
    for (int k = 0; k < 10; k++) {
      assertThat(per.beta()).isEqualTo(cfg.beta(k));
      per.sample(2, new SplittableRandom(k), idx, w);
    }
    assertThat(per.step()).isEqualTo(10);
    assertThat(per.beta()).isEqualTo(1.0);
    // At β = 1 and α = 1 the weight is P_min / P_i: 1 for slot 0, 1/3 for slot 1.
    per.sample(2, new SplittableRandom(99), idx, w);
    for (int i = 0; i < 2; i++) {
      assertThat(w[i]).isCloseTo(idx[i] == 0 ? 1.0 : 1.0 / 3.0, within(1e-15));
    }
  }

  @Test
  void newTransitionsEnterAtTheLargestPrioritySeen() {
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(0.6, 0.4, 100, 1e-6, 8));
    ReplayBuffer b = storage(8);
    fill(per, b, 3);
    assertThat(per.priority(2)).isEqualTo(1.0);
    per.updatePriorities(new int[] {1, 0}, new double[] {7.5, 0.25}, 2);
    fill(per, b, 1);
    assertThat(per.priority(3)).isEqualTo(7.5);
    per.updatePriorities(new int[] {1}, new double[] {0.5}, 1);
    fill(per, b, 1);
    assertThat(per.priority(4)).as("the max seen, not the current max").isEqualTo(7.5);
  }

  @Test
  void neverSamplesAnUnwrittenSlot() {
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(0.6, 0.4, 100, 1e-6, 16));
    ReplayBuffer b = storage(16);
    fill(per, b, 5);
    int[] idx = new int[1000];
    SplittableRandom rng = new SplittableRandom(4);
    for (int k = 0; k < 20; k++) {
      per.sample(idx.length, rng, idx, null);
      for (int i : idx) {
        assertThat(i).isBetween(0, 4);
        assertThat(b.get(0, i)).isEqualTo(i); // the slot holds the transition written there
      }
    }
    fill(per, b, 30);
    assertThat(per.size()).isEqualTo(16);
  }

  @Test
  void drawsAreProportionalToPriorityToTheAlpha() {
    for (double alpha : new double[] {0.0, 0.6, 1.0}) {
      int n = 12;
      PrioritizedReplay per = new PrioritizedReplay(new PerConfig(alpha, 0.4, 100, 1e-6, n));
      ReplayBuffer b = storage(n);
      fill(per, b, n);
      int[] all = new int[n];
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
        p[i] = 0.05 + i * 0.3;
      }
      per.updatePriorities(all, p, n);
      double sum = 0;
      for (double x : p) {
        sum += Math.pow(x, alpha);
      }
      int batch = 32;
      int[] idx = new int[batch];
      long[] count = new long[n];
      SplittableRandom rng = new SplittableRandom(21);
      int rounds = 5000;
      for (int k = 0; k < rounds; k++) {
        per.sample(batch, rng, idx, null);
        for (int i : idx) {
          count[i]++;
        }
      }
      double chi2 = 0;
      for (int i = 0; i < n; i++) {
        double expected = (double) rounds * batch * Math.pow(p[i], alpha) / sum;
        chi2 += (count[i] - expected) * (count[i] - expected) / expected;
      }
      // Stratified draws vary less than multinomial ones, so the chi-square(11) bound holds
      // conservatively; its 0.999 quantile is 31.26.
      assertThat(chi2).as("alpha %s", alpha).isLessThan(31.26);
    }
  }

  @Test
  void stratifiedDrawsCoverEverySlotOnceWhenPrioritiesAreEqual() {
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(1.0, 0.4, 100, 1e-6, 8));
    ReplayBuffer b = storage(8);
    fill(per, b, 8);
    int[] idx = new int[8];
    per.sample(8, new SplittableRandom(6), idx, null);
    assertThat(idx).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void sameSeedGivesIdenticalSamplesAndWeights() {
    int[][] idx = new int[2][40];
    double[][] w = new double[2][40];
    for (int run = 0; run < 2; run++) {
      PrioritizedReplay per = new PrioritizedReplay(new PerConfig(0.6, 0.4, 50, 1e-6, 64));
      ReplayBuffer b = storage(64);
      fill(per, b, 50);
      SplittableRandom rng = new SplittableRandom(31);
      double[] err = new double[40];
      for (int k = 0; k < 5; k++) {
        per.sample(40, rng, idx[run], w[run]);
        for (int i = 0; i < 40; i++) {
          err[i] = rng.nextDouble(-3, 3);
        }
        per.updatePriorities(idx[run], new double[40], err, 40, new TdErrorPriority(1e-3));
      }
    }
    assertThat(idx[0]).isEqualTo(idx[1]);
    assertThat(w[0]).isEqualTo(w[1]);
  }

  @Test
  void updatesThroughAPriorityFunction() {
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(0.6, 0.4, 100, 0.01, 4));
    ReplayBuffer b = storage(4);
    fill(per, b, 4);
    PriorityFunction f = new RewardTdErrorPriority(0.3, 0.01);
    double[] r = {-1, 2, 0, -0.5};
    double[] d = {0.5, -1, 0, 3};
    per.updatePriorities(new int[] {0, 1, 2, 3}, r, d, 4, f);
    for (int i = 0; i < 4; i++) {
      assertThat(per.priority(i)).isEqualTo(f.priority(r[i], d[i]));
    }
    per.updatePriorities(new int[] {2}, r, d, 1, per.config().tdErrorPriority());
    assertThat(per.priority(2)).isEqualTo(Math.abs(d[0]) + 0.01);
  }

  @Test
  void clearStartsOverWithTheStorage() {
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(1.0, 0.4, 100, 1e-6, 8));
    ReplayBuffer b = storage(8);
    fill(per, b, 6);
    per.updatePriorities(new int[] {2}, new double[] {50.0}, 1);
    per.sample(4, new SplittableRandom(1), new int[4], null);
    per.clear();
    b.clear();
    assertThat(per.size()).isZero();
    assertThat(per.step()).isZero();
    fill(per, b, 3);
    assertThat(per.priority(2)).isEqualTo(1.0); // the old maximum 50 is forgotten
    int[] idx = new int[300];
    per.sample(300, new SplittableRandom(2), idx, null);
    for (int i : idx) {
      assertThat(i).isBetween(0, 2); // no leftover priority beyond the new writes
    }
  }

  @Test
  void rejectsBadConfigurationAndUse() {
    assertThatThrownBy(() -> new PerConfig(1.5, 0.4, 10, 1e-6, 8))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> new PerConfig(0.6, -0.1, 10, 1e-6, 8)).hasMessageContaining("beta0");
    assertThatThrownBy(() -> new PerConfig(0.6, 0.4, 0, 1e-6, 8)).hasMessageContaining("betaSteps");
    assertThatThrownBy(() -> new PerConfig(0.6, 0.4, 10, 0.0, 8)).hasMessageContaining("epsilon");
    assertThatThrownBy(() -> new PerConfig(0.6, 0.4, 10, 1e-6, 0)).hasMessageContaining("capacity");
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(0.6, 0.4, 10, 1e-6, 4));
    assertThatThrownBy(() -> per.added(2)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> per.add(storage(5), new double[][] {{0}}))
        .hasMessageContaining("capacity");
    fill(per, storage(4), 2);
    assertThatThrownBy(() -> per.updatePriorities(new int[] {1}, new double[] {0.0}, 1))
        .hasMessageContaining("slot 1");
    assertThatThrownBy(() -> per.updatePriorities(new int[] {3}, new double[] {1.0}, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
