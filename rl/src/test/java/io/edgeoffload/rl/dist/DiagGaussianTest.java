package io.edgeoffload.rl.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiagGaussianTest {
  private static final int D = 3;
  private final DiagGaussian gauss = new DiagGaussian(D);

  private static double[] row(SplittableRandom rng) {
    double[] p = new double[2 * D];
    for (int k = 0; k < D; k++) {
      p[k] = rng.nextDouble(-2, 2);
      p[D + k] = rng.nextDouble(-1.5, 1.0);
    }
    return p;
  }

  @Test
  void logProbAndEntropyGradientsMatchFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int trial = 0; trial < 50; trial++) {
      double[] p = row(rng);
      double[] a = new double[D];
      gauss.sample(p, 0, null, 0, rng, a, 0);
      double[] g = new double[2 * D];
      gauss.addLogProbGrad(p, 0, null, 0, a, 0, 1.0, g, 0);
      GradCheck.check("dlogp", p, 0, 2 * D, q -> gauss.logProb(q, 0, null, 0, a, 0), g, 0);
      double[] h = new double[2 * D];
      gauss.addEntropyGrad(p, 0, null, 0, 1.0, h, 0);
      GradCheck.check("dH", p, 0, 2 * D, q -> gauss.entropy(q, 0, null, 0), h, 0);
    }
  }

  @Test
  void logProbIsTheSumOfNormalLogDensities() {
    SplittableRandom rng = new SplittableRandom(2);
    for (int trial = 0; trial < 100; trial++) {
      double[] p = row(rng);
      double[] a = {rng.nextDouble(-3, 3), rng.nextDouble(-3, 3), rng.nextDouble(-3, 3)};
      double density = 1;
      for (int k = 0; k < D; k++) {
        double sigma = Math.exp(p[D + k]);
        double z = (a[k] - p[k]) / sigma;
        density *= Math.exp(-z * z / 2) / (sigma * Math.sqrt(2 * Math.PI));
      }
      assertThat(gauss.logProb(p, 0, null, 0, a, 0)).isCloseTo(Math.log(density), within(1e-12));
    }
  }

  @Test
  void samplesHaveTheMeanAndVarianceAndEntropyIsMinusTheExpectedLogProb() {
    double[] p = {0.5, -1.0, 2.0, Math.log(0.3), 0.0, Math.log(2.0)};
    int n = 200_000;
    SplittableRandom rng = new SplittableRandom(3);
    double[] a = new double[D];
    double[] sum = new double[D];
    double[] sq = new double[D];
    double negLogP = 0;
    for (int i = 0; i < n; i++) {
      gauss.sample(p, 0, null, 0, rng, a, 0);
      negLogP -= gauss.logProb(p, 0, null, 0, a, 0);
      for (int k = 0; k < D; k++) {
        sum[k] += a[k];
        sq[k] += (a[k] - p[k]) * (a[k] - p[k]);
      }
    }
    for (int k = 0; k < D; k++) {
      double var = Math.exp(2 * p[D + k]);
      // Five standard errors: of the mean sqrt(var/n), of the variance var·sqrt(2/n).
      assertThat(sum[k] / n).isCloseTo(p[k], within(5 * Math.sqrt(var / n)));
      assertThat(sq[k] / n).isCloseTo(var, within(5 * var * Math.sqrt(2.0 / n)));
    }
    // −log π has variance D/2 under π, so its mean has standard error sqrt(D / 2n).
    assertThat(negLogP / n)
        .isCloseTo(gauss.entropy(p, 0, null, 0), within(5 * Math.sqrt(D / (2.0 * n))));
    double[] mode = new double[D];
    gauss.mode(p, 0, null, 0, mode, 0);
    assertThat(mode).containsExactly(0.5, -1.0, 2.0);
  }

  @Test
  void aSharedLogStdGetsTheSumOfTheRowsGradients() {
    SplittableRandom rng = new SplittableRandom(4);
    int n = 7;
    double[] logStd = {-0.5, 0.2, 0.8};
    double[] params = new double[n * 2 * D];
    double[] actions = new double[n * D];
    for (int r = 0; r < n; r++) {
      for (int k = 0; k < D; k++) {
        params[r * 2 * D + k] = rng.nextDouble(-1, 1);
        actions[r * D + k] = rng.nextDouble(-2, 2);
      }
    }
    double[] weights = {0.3, -1.0, 2.0, 0.5, 1.5, -0.2, 0.9}; // e.g. advantages
    // The batch objective as a function of the shared vector alone.
    java.util.function.ToDoubleFunction<double[]> objective =
        s -> {
          double[] q = params.clone();
          gauss.broadcastLogStd(s, n, q, 2 * D, 0);
          double total = 0;
          for (int r = 0; r < n; r++) {
            total += weights[r] * gauss.logProb(q, r * 2 * D, null, 0, actions, r * D);
          }
          return total;
        };
    gauss.broadcastLogStd(logStd, n, params, 2 * D, 0);
    double[] grads = new double[n * 2 * D];
    for (int r = 0; r < n; r++) {
      gauss.addLogProbGrad(
          params, r * 2 * D, null, 0, actions, r * D, weights[r], grads, r * 2 * D);
    }
    double[] shared = new double[D];
    gauss.sumLogStdGrad(n, grads, 2 * D, 0, shared);
    GradCheck.check("d/d shared logStd", logStd, 0, D, objective, shared, 0);
  }

  @Test
  void sameSeedGivesIdenticalSamples() {
    double[] p = {0.5, -1.0, 2.0, -1.0, 0.0, 0.5};
    double[] a = new double[D];
    double[] b = new double[D];
    SplittableRandom r1 = new SplittableRandom(6);
    SplittableRandom r2 = new SplittableRandom(6);
    for (int i = 0; i < 100; i++) {
      gauss.sample(p, 0, null, 0, r1, a, 0);
      gauss.sample(p, 0, null, 0, r2, b, 0);
      assertThat(a).isEqualTo(b);
    }
  }
}
