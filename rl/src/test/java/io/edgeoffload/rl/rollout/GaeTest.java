package io.edgeoffload.rl.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.core.config.ConfigException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaeTest {
  private static final double TOL = 1e-12;

  /**
   * T = 4 steps, E = 2 columns, γ = 0.9, λ = 0.8 (γλ = 0.72). Column 0 terminates at t = 1 and runs
   * on past the rollout (last value 10). Column 1 is truncated at t = 1 (final value 5; the 3.0
   * stored at t = 2 is the reset observation's value and must not be used) and at t = 3 (final
   * value 7; the last value 100 must not be used).
   */
  private static final double[] REWARDS = {1, -1, 2, 0.5, 3, 2, 4, 1};

  private static final double[] VALUES = {0.5, 0.2, 1.0, 0.4, 1.5, 3.0, 2.0, 0.6};
  private static final boolean[] TERMINATED = {
    false, false, true, false, false, false, false, false
  };
  private static final boolean[] TRUNCATED = {false, false, false, true, false, false, false, true};
  private static final double[] FINAL = {0, 0, 0, 5.0, 0, 0, 0, 7.0};
  private static final double[] LAST = {10.0, 100.0};

  @Test
  void matchesAHandComputedSequence() {
    double[] adv = new double[8];
    double[] ret = new double[8];
    Gae.compute(4, 2, REWARDS, VALUES, TERMINATED, TRUNCATED, FINAL, LAST, 0.9, 0.8, adv, ret);
    // Column 0, from the definition δ_t = r_t + γ V'_t − V_t, A_t = δ_t + γλ A_{t+1}:
    //   t=3: δ = 4 + 0.9·10 − 2.0 = 11.0;               A = 11.0
    //   t=2: δ = 3 + 0.9·2.0 − 1.5 = 3.3;               A = 3.3 + 0.72·11.0 = 11.22
    //   t=1: terminated, V' = 0: δ = 2 − 1.0 = 1.0;      A = 1.0 (no recursion past the end)
    //   t=0: δ = 1 + 0.9·1.0 − 0.5 = 1.4;               A = 1.4 + 0.72·1.0 = 2.12
    double[] col0 = {2.12, 1.0, 11.22, 11.0};
    // Column 1:
    //   t=3: truncated, V' = final 7.0: δ = 1 + 0.9·7.0 − 0.6 = 6.7;   A = 6.7
    //   t=2: δ = 2 + 0.9·0.6 − 3.0 = −0.46;              A = −0.46 + 0.72·6.7 = 4.364
    //   t=1: truncated, V' = final 5.0: δ = 0.5 + 0.9·5.0 − 0.4 = 4.6; A = 4.6
    //   t=0: δ = −1 + 0.9·0.4 − 0.2 = −0.84;             A = −0.84 + 0.72·4.6 = 2.472
    double[] col1 = {2.472, 4.6, 4.364, 6.7};
    for (int t = 0; t < 4; t++) {
      assertThat(adv[2 * t]).as("col 0, t=%d", t).isCloseTo(col0[t], within(TOL));
      assertThat(adv[2 * t + 1]).as("col 1, t=%d", t).isCloseTo(col1[t], within(TOL));
      assertThat(ret[2 * t]).isCloseTo(col0[t] + VALUES[2 * t], within(TOL));
      assertThat(ret[2 * t + 1]).isCloseTo(col1[t] + VALUES[2 * t + 1], within(TOL));
    }
  }

  @Test
  void truncationBootstrapsFromTheFinalObservationAndTerminationFromNothing() {
    double[] base = new double[8];
    Gae.compute(4, 2, REWARDS, VALUES, TERMINATED, TRUNCATED, FINAL, LAST, 0.9, 0.8, base, null);
    // The value stored after a truncated or terminated step (a new episode's first) is not used.
    double[] values = VALUES.clone();
    values[5] = -50; // column 1, t = 2, after the truncation at t = 1
    values[4] = 80; // column 0, t = 2, after the termination at t = 1
    double[] adv = new double[8];
    Gae.compute(4, 2, REWARDS, values, TERMINATED, TRUNCATED, FINAL, LAST, 0.9, 0.8, adv, null);
    assertThat(adv[3]).isEqualTo(base[3]);
    assertThat(adv[2]).isEqualTo(base[2]);
    // The final value of a truncated step is used (γ·Δ) …
    double[] fin = FINAL.clone();
    fin[3] += 1.0;
    Gae.compute(4, 2, REWARDS, VALUES, TERMINATED, TRUNCATED, fin, LAST, 0.9, 0.8, adv, null);
    assertThat(adv[3] - base[3]).isCloseTo(0.9, within(TOL));
    // … and a step both terminated and truncated counts as terminated: no bootstrap at all.
    boolean[] term = TERMINATED.clone();
    term[3] = true;
    Gae.compute(4, 2, REWARDS, VALUES, term, TRUNCATED, FINAL, LAST, 0.9, 0.8, adv, null);
    assertThat(adv[3]).isCloseTo(REWARDS[3] - VALUES[3], within(TOL));
  }

  @Test
  void lambdaOneGivesMonteCarloReturnsAndLambdaZeroTheOneStepError() {
    SplittableRandom rng = new SplittableRandom(4);
    int t = 20;
    double[] r = new double[t];
    double[] v = new double[t];
    for (int i = 0; i < t; i++) {
      r[i] = rng.nextDouble(-1, 1);
      v[i] = rng.nextDouble(-1, 1);
    }
    boolean[] none = new boolean[t];
    double[] last = {0.7};
    double gamma = 0.95;
    double[] adv = new double[t];
    double[] ret = new double[t];
    Gae.compute(t, 1, r, v, none, none, new double[t], last, gamma, 1.0, adv, ret);
    for (int i = 0; i < t; i++) {
      double g = Math.pow(gamma, t - i) * last[0]; // discounted sum, bootstrapped at the end
      for (int k = i; k < t; k++) {
        g += Math.pow(gamma, k - i) * r[k];
      }
      assertThat(ret[i]).isCloseTo(g, within(1e-10));
    }
    Gae.compute(t, 1, r, v, none, none, new double[t], last, gamma, 0.0, adv, ret);
    for (int i = 0; i < t; i++) {
      double next = i + 1 < t ? v[i + 1] : last[0];
      assertThat(adv[i]).isCloseTo(r[i] + gamma * next - v[i], within(1e-12));
    }
  }

  @Test
  void normalisationGivesMeanZeroAndUnitStandardDeviation() {
    double[] a = {3, -1, 4, 1, -5, 9, 2, 6, 0};
    double[] b = a.clone();
    Gae.normalize(b, 2, 5, 0.0);
    assertThat(b[0]).isEqualTo(3);
    assertThat(b[1]).isEqualTo(-1);
    assertThat(b[7]).isEqualTo(6);
    double mean = 0;
    double sq = 0;
    for (int i = 2; i < 7; i++) {
      mean += b[i];
      sq += b[i] * b[i];
    }
    assertThat(mean / 5).isCloseTo(0.0, within(1e-12));
    assertThat(sq / 5).isCloseTo(1.0, within(1e-12));
    // Order is preserved.
    assertThat(b[5]).isGreaterThan(b[2]).isGreaterThan(b[4]);
  }

  @Test
  void configurationIsValidated() {
    assertThatThrownBy(() -> new GaeConfig(1.1, 0.95, true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("gamma");
    assertThatThrownBy(() -> new GaeConfig(0.99, -0.1, true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lambda");
  }
}
