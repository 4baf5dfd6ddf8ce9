package io.edgeoffload.rl.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.core.config.ConfigException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PriorityFunctionTest {
  private static final double EPS = 0.01;

  @Test
  void tdErrorPriorityIsAbsoluteErrorPlusEpsilon() {
    PriorityFunction f = new TdErrorPriority(EPS);
    assertThat(f.priority(5.0, -2.0)).isEqualTo(2.0 + EPS);
    assertThat(f.priority(-7.0, 2.0)).isEqualTo(2.0 + EPS);
    assertThat(f.priority(0.0, 0.0)).isEqualTo(EPS);
  }

  @Test
  void tradeOffIsTheWeightedSumOfEqs27And28() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int k = 0; k < 1000; k++) {
      double vr = rng.nextDouble();
      double r = rng.nextDouble(-10, 10);
      double d = rng.nextDouble(-10, 10);
      double eta = new RewardTdErrorPriority(vr, EPS).priority(r, d);
      double etaR = Math.abs(r) + EPS; // eq. (27)
      double etaD = Math.abs(d) + EPS; // eq. (28)
      assertThat(eta).isCloseTo(vr * etaR + (1 - vr) * etaD, within(1e-12)); // eq. (29)
      // A convex combination lies between its two terms, and is never below ε.
      assertThat(eta).isBetween(Math.min(etaR, etaD) - 1e-12, Math.max(etaR, etaD) + 1e-12);
      assertThat(eta).isGreaterThanOrEqualTo(EPS);
    }
  }

  @Test
  void reducesToTheTdErrorPriorityAtZeroRewardWeightAndToTheRewardAtOne() {
    SplittableRandom rng = new SplittableRandom(2);
    PriorityFunction td = new TdErrorPriority(EPS);
    PriorityFunction atZero = new RewardTdErrorPriority(0.0, EPS);
    PriorityFunction atOne = new RewardTdErrorPriority(1.0, EPS);
    for (int k = 0; k < 1000; k++) {
      double r = rng.nextDouble(-100, 100);
      double d = rng.nextDouble(-100, 100);
      assertThat(atZero.priority(r, d)).isEqualTo(td.priority(r, d));
      assertThat(atOne.priority(r, d)).isEqualTo(Math.abs(r) + EPS);
    }
  }

  @Test
  void monotoneInTheSizeOfTheTdErrorAndOfTheReward() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int k = 0; k < 2000; k++) {
      double vr = 0.05 + 0.9 * rng.nextDouble();
      PriorityFunction f = new RewardTdErrorPriority(vr, EPS);
      double r = rng.nextDouble(-5, 5);
      double d = rng.nextDouble(-5, 5);
      double grow = 0.01 + rng.nextDouble();
      double base = f.priority(r, d);
      // Larger |δ| or larger |r| (either sign): strictly larger priority when its weight is > 0.
      assertThat(f.priority(r, d + Math.copySign(grow, d))).isGreaterThan(base);
      assertThat(f.priority(r + Math.copySign(grow, r), d)).isGreaterThan(base);
      // Only the sizes matter.
      assertThat(f.priority(-r, -d)).isEqualTo(base);
    }
  }

  @Test
  void rejectsWeightsOutsideTheSimplexAndNonPositiveEpsilon() {
    assertThatThrownBy(() -> new RewardTdErrorPriority(1.2, EPS))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rewardWeight");
    assertThatThrownBy(() -> new RewardTdErrorPriority(0.5, 0.0))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("epsilon");
    assertThatThrownBy(() -> new TdErrorPriority(-1)).hasMessageContaining("epsilon");
    assertThat(new RewardTdErrorPriority(0.3, EPS).tdErrorWeight()).isCloseTo(0.7, within(1e-15));
  }
}
