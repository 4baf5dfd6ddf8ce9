package io.edgeoffload.rl.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.core.config.ConfigException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RolloutBufferTest {
  private static final int T = 5;
  private static final int E = 3;

  /** Fills T steps; entry (t, e) has obs (t, e), action 10t + e, reward t − e, value 0.1(t + e). */
  private static RolloutBuffer filled(SplittableRandom rng) {
    RolloutBuffer b = new RolloutBuffer(T, E, 2, 1);
    double[] obs = new double[E * 2];
    double[] act = new double[E];
    double[] logp = new double[E];
    double[] val = new double[E];
    double[] rew = new double[E];
    boolean[] term = new boolean[E];
    boolean[] trunc = new boolean[E];
    double[] fin = new double[E];
    for (int t = 0; t < T; t++) {
      for (int e = 0; e < E; e++) {
        obs[2 * e] = t;
        obs[2 * e + 1] = e;
        act[e] = 10 * t + e;
        logp[e] = -0.1 * (t + 1);
        val[e] = 0.1 * (t + e);
        rew[e] = t - e;
        term[e] = rng.nextInt(5) == 0;
        trunc[e] = rng.nextInt(5) == 0;
        fin[e] = rng.nextDouble();
      }
      assertThat(b.add(obs, act, logp, val, rew, term, trunc, fin)).isEqualTo(t);
    }
    return b;
  }

  @Test
  void storesStepsRowMajorAndAdvantagesEqualGae() {
    RolloutBuffer b = filled(new SplittableRandom(1));
    assertThat(b.full()).isTrue();
    for (int t = 0; t < T; t++) {
      for (int e = 0; e < E; e++) {
        int i = t * E + e;
        assertThat(b.observations()[2 * i]).isEqualTo(t);
        assertThat(b.observations()[2 * i + 1]).isEqualTo(e);
        assertThat(b.actions()[i]).isEqualTo(10 * t + e);
        assertThat(b.rewards()[i]).isEqualTo(t - e);
        // A final value is kept only where the step was truncated and not terminated.
        if (!b.truncated()[i] || b.terminated()[i]) {
          assertThat(b.finalValues()[i]).isZero();
        }
      }
    }
    double[] last = {0.3, -0.2, 0.9};
    GaeConfig cfg = new GaeConfig(0.99, 0.95, false);
    b.computeAdvantages(last, cfg);
    double[] adv = new double[T * E];
    double[] ret = new double[T * E];
    Gae.compute(
        T,
        E,
        b.rewards(),
        b.values(),
        b.terminated(),
        b.truncated(),
        b.finalValues(),
        last,
        0.99,
        0.95,
        adv,
        ret);
    assertThat(b.advantages()).containsExactly(adv);
    assertThat(b.returns()).containsExactly(ret);

    RolloutBuffer n = filled(new SplittableRandom(1));
    n.computeAdvantages(last, new GaeConfig(0.99, 0.95, true));
    assertThat(n.returns()).containsExactly(ret); // returns are never normalised
    double mean = Arrays.stream(n.advantages()).average().orElseThrow();
    assertThat(mean).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void gatherAndPermutationServeShuffledMinibatches() {
    RolloutBuffer b = filled(new SplittableRandom(2));
    int[] perm = new int[T * E];
    b.permutation(new SplittableRandom(7), perm);
    int[] sorted = perm.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < T * E; i++) {
      assertThat(sorted[i]).isEqualTo(i);
    }
    int[] again = new int[T * E];
    b.permutation(new SplittableRandom(7), again);
    assertThat(again).isEqualTo(perm);
    double[] obs = new double[4 * 2];
    double[] act = new double[4];
    b.gather(b.observations(), 2, perm, 4, obs);
    b.gather(b.actions(), 1, perm, 4, act);
    for (int i = 0; i < 4; i++) {
      int t = perm[i] / E;
      int e = perm[i] % E;
      assertThat(obs[2 * i]).isEqualTo(t);
      assertThat(obs[2 * i + 1]).isEqualTo(e);
      assertThat(act[i]).isEqualTo(10 * t + e);
    }
  }

  @Test
  void rejectsMisuse() {
    RolloutBuffer b = filled(new SplittableRandom(3));
    double[] z = new double[E * 2];
    boolean[] f = new boolean[E];
    assertThatThrownBy(() -> b.add(z, z, z, z, z, f, f, z))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("full");
    b.reset();
    assertThat(b.count()).isZero();
    boolean[] trunc = {false, true, false};
    assertThatThrownBy(() -> b.add(z, z, z, z, z, f, trunc, null)).hasMessageContaining("column 1");
    assertThatThrownBy(() -> new RolloutBuffer(0, 1, 1, 1))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("steps");
    assertThatThrownBy(() -> b.gather(b.actions(), 1, new int[] {0}, 1, new double[1]))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
