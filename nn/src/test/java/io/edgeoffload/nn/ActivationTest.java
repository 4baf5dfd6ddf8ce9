package io.edgeoffload.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

  /** Pre-activations over a wide range, including 0, ±tiny and values where tanh saturates. */
  private static float[] inputs(int n) {
    SplittableRandom rng = new SplittableRandom(3);
    float[] z = new float[n];
    for (int i = 0; i < n; i++) {
      z[i] = (float) ((rng.nextDouble() * 2 - 1) * (i % 3 == 0 ? 12 : 2));
    }
    z[0] = 0f;
    z[1] = 1e-30f;
    z[2] = -1e-30f;
    return z;
  }

  @ParameterizedTest
  @EnumSource(
      value = Activation.class,
      names = {"SOFTMAX"},
      mode = EnumSource.Mode.EXCLUDE)
  void savingTheIntermediateChangesNoBit(Activation act) {
    int rows = 7;
    int width = 33;
    int n = rows * width;
    float[] z = inputs(n);
    float[] da = inputs(n);
    for (int i = 0; i < n; i++) {
      da[i] = da[(i * 13) % n] * 0.37f; // a gradient unrelated to z
    }
    float[] a1 = new float[n];
    float[] a2 = new float[n];
    double[] saved = new double[n];
    act.forward(z, a1, rows, width);
    act.forward(z, a2, rows, width, saved);
    float[] dz1 = new float[n];
    float[] dz2 = new float[n];
    act.backward(z, a1, da, dz1, rows, width);
    act.backward(z, a2, da, dz2, rows, width, act.savesIntermediate() ? saved : null);
    for (int i = 0; i < n; i++) {
      assertThat(Float.floatToRawIntBits(a2[i]))
          .as("a[%d]", i)
          .isEqualTo(Float.floatToRawIntBits(a1[i]));
      assertThat(Float.floatToRawIntBits(dz2[i]))
          .as("dz[%d]", i)
          .isEqualTo(Float.floatToRawIntBits(dz1[i]));
    }
  }

  @Test
  void onlyGeluSavesAnIntermediateAndItIsItsTanh() {
    for (Activation act : Activation.values()) {
      assertThat(act.savesIntermediate()).as(act.id()).isEqualTo(act == Activation.GELU);
    }
    float[] z = {-3f, -0.5f, 0f, 0.25f, 4f};
    double[] saved = new double[z.length];
    Activation.GELU.forward(z, new float[z.length], 1, z.length, saved);
    for (int i = 0; i < z.length; i++) {
      double x = z[i];
      double u = Math.sqrt(2.0 / Math.PI) * (x + 0.044715 * x * x * x);
      assertThat(saved[i]).isEqualTo(Activation.geluTanh(u));
      assertThat(saved[i]).isCloseTo(Math.tanh(u), offset(4e-16));
    }
  }

  /** GELU's tanh through exp against the library's, over its range, its tails and edge values. */
  @Test
  void geluTanhIsTanhToWithinFourTenthsOfAQuadrillionth() {
    double worst = 0;
    for (double u = -25; u <= 25; u += 1e-3) {
      worst = Math.max(worst, Math.abs(Activation.geluTanh(u) - Math.tanh(u)));
    }
    assertThat(worst).isLessThan(4e-16).isGreaterThan(0); // not the library's tanh itself
    for (double u : new double[] {0, -0.0, 1e-300, -1e-20, 1e-9, 19.1, -19.1, 400, -400, 1e308}) {
      assertThat(Activation.geluTanh(u)).as("u=%s", u).isCloseTo(Math.tanh(u), offset(4e-16));
    }
    assertThat(Activation.geluTanh(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(Activation.geluTanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
    assertThat(Activation.geluTanh(Double.NaN)).isNaN();
    // GELU rounds to float. Where 1 + tanh(u) is near 1 the two forms give the same float but for
    // a rare rounding boundary; in the far negative tail (x < -4) both lose relative precision to
    // the cancellation in 1 + tanh(u), fdlibm's as much as this one (an absolute 1e-16), and their
    // floats differ there by far less than any activation of order 1 can notice.
    int differ = 0;
    int n = 0;
    for (float x = -8f; x <= 8f; x += 1f / 1024) {
      double u = Math.sqrt(2.0 / Math.PI) * (x + 0.044715 * x * x * x);
      float a = (float) (0.5 * x * (1.0 + Activation.geluTanh(u)));
      float b = (float) (0.5 * x * (1.0 + Math.tanh(u)));
      assertThat(Math.abs(a - b)).as("x=%s", x).isLessThanOrEqualTo(Math.max(Math.ulp(b), 4e-15f));
      if (x > -4f) {
        differ += Float.floatToRawIntBits(a) != Float.floatToRawIntBits(b) ? 1 : 0;
        n++;
      }
    }
    assertThat(differ).as("of %d", n).isLessThanOrEqualTo(n / 1000);
  }
}
