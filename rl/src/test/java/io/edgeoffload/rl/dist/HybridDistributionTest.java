package io.edgeoffload.rl.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HybridDistributionTest {
  // Three categorical heads (sizes 4, 2, 5) and a 2-dimensional Gaussian.
  private final HybridLayout layout = new HybridLayout(new int[] {4, 2, 5}, 2);
  private final HybridDistribution dist = new HybridDistribution(layout);

  private double[] params(SplittableRandom rng) {
    double[] p = new double[dist.paramWidth()];
    for (int j = 0; j < p.length; j++) {
      p[j] = rng.nextDouble(-2, 2);
    }
    return p;
  }

  private boolean[] mask(SplittableRandom rng) {
    boolean[] m = new boolean[dist.maskWidth()];
    for (int h = 0; h < layout.numCategorical(); h++) {
      int off = layout.maskOffset(h);
      int n = layout.categoricalSize(h);
      m[off + rng.nextInt(n)] = true;
      for (int j = 0; j < n; j++) {
        m[off + j] |= rng.nextBoolean();
      }
    }
    return m;
  }

  @Test
  void layoutPlacesHeadsSideBySide() {
    assertThat(dist.paramWidth()).isEqualTo(4 + 2 + 5 + 2 * 2);
    assertThat(dist.actionWidth()).isEqualTo(3 + 2);
    assertThat(dist.maskWidth()).isEqualTo(11);
    assertThat(layout.paramOffset(2)).isEqualTo(6);
    assertThat(layout.maskOffset(1)).isEqualTo(4);
    assertThat(layout.actionOffset(2)).isEqualTo(2);
    assertThat(layout.gaussianParamOffset()).isEqualTo(11);
    assertThat(layout.gaussianActionOffset()).isEqualTo(3);
    assertThatThrownBy(() -> new HybridLayout(new int[] {3, 0}, 1)).hasMessageContaining("head 1");
    assertThatThrownBy(() -> new HybridLayout(new int[] {}, 0)).hasMessageContaining("one head");
  }

  @Test
  void logProbAndEntropyAreSumsOverHeads() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int trial = 0; trial < 50; trial++) {
      double[] p = params(rng);
      boolean[] m = mask(rng);
      double[] a = new double[dist.actionWidth()];
      dist.sample(p, 0, m, 0, rng, a, 0);
      double lp = 0;
      double h = 0;
      for (int k = 0; k < layout.numCategorical(); k++) {
        Categorical c = new Categorical(layout.categoricalSize(k));
        lp += c.logProb(p, layout.paramOffset(k), m, layout.maskOffset(k), a, k);
        h += c.entropy(p, layout.paramOffset(k), m, layout.maskOffset(k));
      }
      DiagGaussian g = new DiagGaussian(2);
      lp += g.logProb(p, layout.gaussianParamOffset(), null, 0, a, layout.gaussianActionOffset());
      h += g.entropy(p, layout.gaussianParamOffset(), null, 0);
      assertThat(dist.logProb(p, 0, m, 0, a, 0)).isCloseTo(lp, within(1e-12));
      assertThat(dist.entropy(p, 0, m, 0)).isCloseTo(h, within(1e-12));
    }
  }

  @Test
  void gradientsMatchFiniteDifferencesOverTheWholeRowWithMasks() {
    SplittableRandom rng = new SplittableRandom(2);
    int pw = dist.paramWidth();
    for (int trial = 0; trial < 40; trial++) {
      // Rows at non-zero offsets, as inside a batch.
      double[] p = new double[pw + 5];
      System.arraycopy(params(rng), 0, p, 5, pw);
      boolean[] m0 = mask(rng);
      boolean[] m = new boolean[m0.length + 2];
      System.arraycopy(m0, 0, m, 2, m0.length);
      double[] a = new double[dist.actionWidth() + 1];
      dist.sample(p, 5, m, 2, rng, a, 1);
      double[] g = new double[pw + 3];
      dist.addLogProbGrad(p, 5, m, 2, a, 1, 1.0, g, 3);
      GradCheck.check("hybrid dlogp", p, 5, pw, q -> dist.logProb(q, 5, m, 2, a, 1), g, 3);
      double[] ge = new double[pw + 3];
      dist.addEntropyGrad(p, 5, m, 2, 1.0, ge, 3);
      GradCheck.check("hybrid dH", p, 5, pw, q -> dist.entropy(q, 5, m, 2), ge, 3);
      for (int j = 0; j < layout.maskWidth(); j++) {
        if (!m[2 + j]) {
          assertThat(g[3 + j]).isZero();
          assertThat(ge[3 + j]).isZero();
        }
      }
    }
  }

  @Test
  void samplesRespectMasksAndModeTakesEachHeadsMode() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] p = params(rng);
    boolean[] m = mask(rng);
    double[] a = new double[dist.actionWidth()];
    for (int i = 0; i < 2000; i++) {
      dist.sample(p, 0, m, 0, rng, a, 0);
      for (int h = 0; h < layout.numCategorical(); h++) {
        assertThat(m[layout.maskOffset(h) + (int) a[h]]).isTrue();
      }
    }
    dist.mode(p, 0, m, 0, a, 0);
    double[] one = new double[1];
    for (int h = 0; h < layout.numCategorical(); h++) {
      dist.head(h).mode(p, layout.paramOffset(h), m, layout.maskOffset(h), one, 0);
      assertThat(a[h]).isEqualTo(one[0]);
    }
    assertThat(a[3]).isEqualTo(p[layout.gaussianParamOffset()]);
    assertThat(a[4]).isEqualTo(p[layout.gaussianParamOffset() + 1]);
  }

  @Test
  void aHeadWithNoAllowedActionIsNamed() {
    double[] p = new double[2 * dist.paramWidth()];
    boolean[] masks = new boolean[2 * dist.maskWidth()];
    java.util.Arrays.fill(masks, true);
    // Row 1, head 1 (offset 4, size 2): nothing allowed.
    masks[dist.maskWidth() + 4] = false;
    masks[dist.maskWidth() + 5] = false;
    double[] actions = new double[2 * dist.actionWidth()];
    double[] out = new double[2];
    assertThatThrownBy(() -> dist.logProbs(2, p, masks, actions, out))
        .hasMessageContaining("row 1")
        .hasMessageContaining("categorical head 1")
        .hasMessageContaining("no allowed action");
  }

  @Test
  void sameSeedGivesIdenticalSamples() {
    SplittableRandom rng = new SplittableRandom(4);
    int n = 50;
    double[] params = new double[n * dist.paramWidth()];
    for (int r = 0; r < n; r++) {
      System.arraycopy(params(rng), 0, params, r * dist.paramWidth(), dist.paramWidth());
    }
    double[] a = new double[n * dist.actionWidth()];
    double[] b = new double[n * dist.actionWidth()];
    dist.samples(n, params, null, new SplittableRandom(8), a);
    dist.samples(n, params, null, new SplittableRandom(8), b);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void categoricalOnlyAndGaussianOnlyLayoutsWork() {
    HybridDistribution cats = new HybridDistribution(new HybridLayout(new int[] {3, 3}, 0));
    assertThat(cats.gaussian()).isNull();
    double[] p = {0, 0, 0, 1, 1, 1};
    assertThat(cats.entropy(p, 0, null, 0)).isCloseTo(2 * Math.log(3), within(1e-15));
    HybridDistribution g = new HybridDistribution(new HybridLayout(new int[] {}, 1));
    assertThat(g.entropy(new double[] {0.0, 0.0}, 0, null, 0))
        .isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E), within(1e-15));
  }
}
