package io.edgeoffload.nn;

import static org.assertj.core.api.Assertions.assertThat;

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
      assertThat(saved[i])
          .isEqualTo(Math.tanh(Math.sqrt(2.0 / Math.PI) * (x + 0.044715 * x * x * x)));
    }
  }
}
