package io.edgeoffload.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class AdamTest {

  /** Algorithm 1 of Kingma and Ba, written out in double for two parameters over three steps. */
  @Test
  void matchesHandComputedSteps() {
    AdamConfig cfg = new AdamConfig(0.1, 0.9, 0.999, 1e-8, 0);
    Adam adam = new Adam(cfg, 2);
    float[] p = {1.0f, -2.0f};
    float[][] gs = {{0.5f, -1.0f}, {0.2f, 0.3f}, {-0.4f, 0.0f}};
    double[] theta = {1.0, -2.0};
    double[] m = new double[2];
    double[] v = new double[2];
    for (int t = 1; t <= 3; t++) {
      float[] g = gs[t - 1];
      adam.step(p, g);
      for (int i = 0; i < 2; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        double mHat = m[i] / (1 - Math.pow(0.9, t));
        double vHat = v[i] / (1 - Math.pow(0.999, t));
        theta[i] -= 0.1 * mHat / (Math.sqrt(vHat) + 1e-8);
      }
      assertThat((double) p[0]).isCloseTo(theta[0], offset(1e-6));
      assertThat((double) p[1]).isCloseTo(theta[1], offset(1e-6));
    }
    // The first step of Adam moves each parameter by α·sign(g) (to within ε).
    assertThat(adam.steps()).isEqualTo(3);
  }

  @Test
  void clippingScalesTheGradientToTheMaximumNorm() {
    Adam clipped = new Adam(new AdamConfig(0.01, 0.9, 0.999, 1e-8, 1.0), 2);
    Adam plain = new Adam(new AdamConfig(0.01, 0.9, 0.999, 1e-8, 0), 2);
    float[] p1 = {0f, 0f};
    float[] p2 = {0f, 0f};
    // norm 5 → clipped to 1: g' = (0.6, 0.8)
    double norm = clipped.step(p1, new float[] {3f, 4f});
    // Without clipping the norm is not computed.
    assertThat(plain.step(p2, new float[] {0.6f, 0.8f})).isNaN();
    assertThat(norm).isCloseTo(5.0, offset(1e-9));
    assertThat(p1[0]).isCloseTo(p2[0], offset(1e-7f));
    assertThat(p1[1]).isCloseTo(p2[1], offset(1e-7f));
    // A second step with a different direction distinguishes clipping from sign-only updates.
    clipped.step(p1, new float[] {-6f, 8f});
    plain.step(p2, new float[] {-0.6f, 0.8f});
    assertThat(p1[0]).isCloseTo(p2[0], offset(1e-7f));
    assertThat(p1[1]).isCloseTo(p2[1], offset(1e-7f));
  }

  @Test
  void invalidConfigNamesTheField() {
    assertThatThrownBy(() -> new AdamConfig(-1, 0.9, 0.999, 1e-8, 0))
        .hasMessageContaining("adam.learningRate=-1.0");
    assertThatThrownBy(() -> new AdamConfig(1e-3, 1.0, 0.999, 1e-8, 0))
        .hasMessageContaining("adam.beta1=1.0")
        .hasMessageContaining("[0, 1)");
  }
}
