package io.edgeoffload.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void studentTQuantilesMatchTables() {
    // Two-sided 95% critical values from standard tables.
    assertThat(Stats.studentTQuantile(0.975, 1)).isCloseTo(12.7062, within(1e-3));
    assertThat(Stats.studentTQuantile(0.975, 4)).isCloseTo(2.7764, within(1e-4));
    assertThat(Stats.studentTQuantile(0.975, 19)).isCloseTo(2.0930, within(1e-4));
    assertThat(Stats.studentTQuantile(0.975, 999)).isCloseTo(1.9623, within(1e-4));
    assertThat(Stats.studentTQuantile(0.995, 9)).isCloseTo(3.2498, within(1e-4));
  }

  @Test
  void cdfIsSymmetricAndMonotone() {
    for (int df : new int[] {1, 3, 30}) {
      double prev = 0;
      for (double t = -10; t <= 10; t += 0.25) {
        double c = Stats.studentTCdf(t, df);
        assertThat(c).isGreaterThanOrEqualTo(prev);
        assertThat(c + Stats.studentTCdf(-t, df)).isCloseTo(1.0, within(1e-12));
        prev = c;
      }
    }
  }

  @Test
  void intervalCoversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
    SplittableRandom rng = new SplittableRandom(4);
    int covered = 0;
    int trials = 4000;
    for (int i = 0; i < trials; i++) {
      double[] x = new double[8];
      for (int k = 0; k < x.length; k++) {
        x[k] = 3.0 + gaussian(rng);
      }
      Stats.Summary s = Stats.summarize(x);
      if (s.ciLow() <= 3.0 && 3.0 <= s.ciHigh()) {
        covered++;
      }
    }
    // Binomial(4000, 0.95) has sd ≈ 0.0034: allow 4 sd.
    assertThat(covered / (double) trials).isCloseTo(0.95, within(0.014));
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  @Test
  void summaryOfSmallSamples() {
    Stats.Summary one = Stats.summarize(new double[] {2.5});
    assertThat(one.mean()).isEqualTo(2.5);
    assertThat(one.halfWidth()).isZero();
    Stats.Summary two = Stats.summarize(new double[] {1, 3});
    assertThat(two.sd()).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(two.halfWidth()).isCloseTo(12.7062 * Math.sqrt(2) / Math.sqrt(2), within(1e-3));
    assertThat(Stats.movingAverage(new double[] {1, 2, 3, 4}, 2)).containsExactly(1, 1.5, 2.5, 3.5);
  }

  @Test
  void plotTitlesClaimAnIntervalOnlyWithSeveralSeeds() {
    assertThat(Stats.seedsNote(1)).isEqualTo("1 seed, no interval");
    assertThat(Stats.seedsNote(3)).isEqualTo("3 seeds, 95% CI");
  }
}
