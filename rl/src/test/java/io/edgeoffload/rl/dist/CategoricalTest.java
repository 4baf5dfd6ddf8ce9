package io.edgeoffload.rl.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalTest {
  private static final int N = 6;
  private final Categorical cat = new Categorical(N);

  private static double[] logits(SplittableRandom rng, int n, int pad) {
    double[] p = new double[pad + n];
    for (int j = 0; j < n; j++) {
      p[pad + j] = rng.nextDouble(-3, 3);
    }
    return p;
  }

  private static boolean[] mask(SplittableRandom rng, int n, int pad) {
    boolean[] m = new boolean[pad + n];
    m[pad + rng.nextInt(n)] = true; // at least one allowed
    for (int j = 0; j < n; j++) {
      m[pad + j] |= rng.nextBoolean();
    }
    return m;
  }

  @Test
  void logProbGradientsMatchFiniteDifferencesWithAndWithoutMask() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int trial = 0; trial < 40; trial++) {
      double[] p = logits(rng, N, 2);
      boolean[] m = trial % 2 == 0 ? null : mask(rng, N, 3);
      for (int a = 0; a < N; a++) {
        if (m != null && !m[3 + a]) {
          continue;
        }
        double[] act = {a};
        double[] g = new double[N + 1];
        cat.addLogProbGrad(p, 2, m, 3, act, 0, 1.0, g, 1);
        GradCheck.check("dlogp", p, 2, N, q -> cat.logProb(q, 2, m, 3, act, 0), g, 1);
        for (int j = 0; j < N; j++) {
          if (m != null && !m[3 + j]) {
            assertThat(g[1 + j]).as("masked logit %d gets no gradient", j).isZero();
          }
        }
      }
    }
  }

  @Test
  void entropyGradientsMatchFiniteDifferencesWithAndWithoutMask() {
    SplittableRandom rng = new SplittableRandom(2);
    for (int trial = 0; trial < 40; trial++) {
      double[] p = logits(rng, N, 0);
      boolean[] m = trial % 2 == 0 ? null : mask(rng, N, 0);
      double[] g = new double[N];
      cat.addEntropyGrad(p, 0, m, 0, 1.0, g, 0);
      GradCheck.check("dH", p, 0, N, q -> cat.entropy(q, 0, m, 0), g, 0);
      for (int j = 0; j < N; j++) {
        if (m != null && !m[j]) {
          assertThat(g[j]).isZero();
        }
      }
    }
  }

  @Test
  void gradientsAccumulateScaled() {
    double[] p = {0.3, -1.2, 2.0};
    Categorical c = new Categorical(3);
    double[] once = new double[3];
    c.addLogProbGrad(p, 0, null, 0, new double[] {2}, 0, 1.0, once, 0);
    double[] g = {1.0, 2.0, 3.0};
    c.addLogProbGrad(p, 0, null, 0, new double[] {2}, 0, -0.5, g, 0);
    for (int j = 0; j < 3; j++) {
      assertThat(g[j]).isCloseTo(1.0 + j - 0.5 * once[j], within(1e-15));
    }
  }

  @Test
  void probabilitiesAndEntropyFollowTheirDefinitions() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 50; trial++) {
      double[] p = logits(rng, N, 0);
      boolean[] m = mask(rng, N, 0);
      double[] pi = new double[N];
      cat.probabilities(p, 0, m, 0, pi, 0);
      double sum = 0;
      double z = 0;
      for (int j = 0; j < N; j++) {
        if (m[j]) {
          z += Math.exp(p[j]);
        }
      }
      double h = 0;
      for (int j = 0; j < N; j++) {
        sum += pi[j];
        if (!m[j]) {
          assertThat(pi[j]).isZero();
        } else {
          assertThat(pi[j]).isCloseTo(Math.exp(p[j]) / z, within(1e-14));
          assertThat(cat.logProb(p, 0, m, 0, new double[] {j}, 0))
              .isCloseTo(Math.log(Math.exp(p[j]) / z), within(1e-13));
          h -= pi[j] * Math.log(pi[j]);
        }
      }
      assertThat(sum).isCloseTo(1.0, within(1e-14));
      assertThat(cat.entropy(p, 0, m, 0)).isCloseTo(h, within(1e-13));
    }
    // k allowed equal logits: the uniform distribution over them, entropy log k.
    double[] flat = new double[N];
    boolean[] three = {true, false, true, false, true, false};
    assertThat(cat.entropy(flat, 0, three, 0)).isCloseTo(Math.log(3), within(1e-15));
  }

  @Test
  void logSoftmaxIsStableForHugeLogits() {
    double[] big = {1000, 999, -1000, 1001, 0, 998};
    double[] shifted = new double[N];
    for (int j = 0; j < N; j++) {
      shifted[j] = big[j] - 1000;
    }
    for (int a = 0; a < N; a++) {
      double[] act = {a};
      double lp = cat.logProb(big, 0, null, 0, act, 0);
      assertThat(lp).isFinite();
      // log-softmax is invariant to a shift of all logits.
      assertThat(lp).isCloseTo(cat.logProb(shifted, 0, null, 0, act, 0), within(1e-12));
    }
    assertThat(cat.logProb(big, 0, null, 0, new double[] {2}, 0))
        .isCloseTo(-2001 - Math.log(1 + Math.exp(-1) + Math.exp(-2) + Math.exp(-3)), within(1e-9));
    assertThat(cat.entropy(big, 0, null, 0)).isFinite().isPositive();
  }

  @Test
  void samplingFollowsTheProbabilitiesAndNeverPicksAMaskedAction() {
    double[] p = {0.5, -0.3, 1.2, 0.0, -2.0, 0.7};
    boolean[] m = {true, true, false, true, true, false};
    double[] pi = new double[N];
    cat.probabilities(p, 0, m, 0, pi, 0);
    int draws = 100_000;
    long[] count = new long[N];
    SplittableRandom rng = new SplittableRandom(4);
    double[] out = new double[1];
    for (int k = 0; k < draws; k++) {
      cat.sample(p, 0, m, 0, rng, out, 0);
      count[(int) out[0]]++;
    }
    assertThat(count[2]).isZero();
    assertThat(count[5]).isZero();
    double chi2 = 0;
    for (int j = 0; j < N; j++) {
      if (m[j]) {
        double e = draws * pi[j];
        chi2 += (count[j] - e) * (count[j] - e) / e;
      }
    }
    // 4 allowed actions, 3 degrees of freedom: the 0.999 quantile of chi-square(3) is 16.27.
    assertThat(chi2).isLessThan(16.27);
    cat.mode(p, 0, m, 0, out, 0);
    assertThat(out[0]).as("argmax among allowed (2 is masked)").isEqualTo(0.0);
    cat.mode(p, 0, null, 0, out, 0);
    assertThat(out[0]).isEqualTo(2.0);
  }

  @Test
  void sameSeedGivesIdenticalSamples() {
    double[] p = {0.5, -0.3, 1.2, 0.0, -2.0, 0.7};
    double[] a = new double[300];
    double[] b = new double[300];
    double[] params = new double[300 * N];
    for (int r = 0; r < 300; r++) {
      System.arraycopy(p, 0, params, r * N, N);
    }
    cat.samples(300, params, null, new SplittableRandom(9), a);
    cat.samples(300, params, null, new SplittableRandom(9), b);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aRowWithNoAllowedActionIsAnErrorThatNamesIt() {
    double[] params = new double[3 * N];
    boolean[] masks = new boolean[3 * N];
    java.util.Arrays.fill(masks, true);
    java.util.Arrays.fill(masks, N, 2 * N, false); // row 1: nothing allowed
    double[] actions = {0, 0, 0};
    double[] out = new double[3];
    assertThatThrownBy(() -> cat.logProbs(3, params, masks, actions, out))
        .hasMessageContaining("row 1")
        .hasMessageContaining("no allowed action");
    assertThatThrownBy(() -> cat.entropies(3, params, masks, out)).hasMessageContaining("row 1");
    assertThatThrownBy(() -> cat.samples(3, params, masks, new SplittableRandom(1), out))
        .hasMessageContaining("row 1");
    boolean[] m = {true, false, true, true, true, true};
    assertThatThrownBy(() -> cat.logProb(params, 0, m, 0, new double[] {1}, 0))
        .hasMessageContaining("masked");
    assertThatThrownBy(() -> cat.logProb(params, 0, null, 0, new double[] {6}, 0))
        .hasMessageContaining("not an index");
    assertThatThrownBy(() -> cat.logProb(params, 0, null, 0, new double[] {1.5}, 0))
        .hasMessageContaining("not an index");
  }

  @Test
  void aPreparedRowGivesTheSameBitsAsRecomputing() {
    SplittableRandom rng = new SplittableRandom(11);
    int pad = 3;
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rng.nextInt(70);
      Categorical c = new Categorical(n);
      double[] p = logits(rng, n, pad);
      if (trial % 5 == 0) {
        p[pad + rng.nextInt(n)] = 700; // a dominant logit: probabilities 0 and 1
      }
      boolean[] m = trial % 2 == 0 ? null : mask(rng, n, pad);
      int mo = m == null ? 0 : pad;
      double[] a = new double[2];
      do {
        a[1] = rng.nextInt(n);
      } while (m != null && !m[pad + (int) a[1]]);
      double scale = rng.nextDouble(-2, 2);
      double[] probs = new double[pad + n];
      double logZ = c.prepare(p, pad, m, mo, probs, pad);
      assertThat(logZ).isEqualTo(c.logNormalizer(p, pad, m, mo));
      assertThat(c.prepare(p, pad, m, mo, null, 0)).as("without probabilities").isEqualTo(logZ);
      assertThat(c.logProb(p, pad, m, mo, a, 1, logZ)).isEqualTo(c.logProb(p, pad, m, mo, a, 1));
      double h = c.entropy(p, pad, m, mo, logZ, probs, pad);
      assertThat(h).isEqualTo(c.entropy(p, pad, m, mo));
      double[] g1 = new double[pad + n];
      double[] g2 = new double[pad + n];
      for (int j = 0; j < g1.length; j++) {
        g1[j] = g2[j] = rng.nextDouble(); // the gradients add to what is there
      }
      c.addLogProbGrad(p, pad, m, mo, a, 1, scale, g1, pad);
      c.addLogProbGrad(m, mo, a, 1, probs, pad, scale, g2, pad);
      c.addEntropyGrad(p, pad, m, mo, scale, g1, pad);
      c.addEntropyGrad(p, pad, m, mo, logZ, probs, pad, h, scale, g2, pad);
      for (int j = 0; j < g1.length; j++) {
        assertThat(Double.doubleToRawLongBits(g2[j]))
            .as("trial %d, gradient %d", trial, j)
            .isEqualTo(Double.doubleToRawLongBits(g1[j]));
      }
    }
  }
}
