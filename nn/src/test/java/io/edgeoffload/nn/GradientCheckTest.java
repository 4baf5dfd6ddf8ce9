package io.edgeoffload.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backpropagation against central finite differences. Networks are single precision, so the
 * comparison is on whole gradient vectors: {@code ‖g_fd − g_bp‖ / max(‖g_fd‖ + ‖g_bp‖, 1e-6) ≤
 * 2e-3} with step 1e-3 on parameters of size ~0.3. The loss is a fixed random linear readout of the
 * outputs, {@code L = Σ c·y}, evaluated in double.
 */
class GradientCheckTest {

  static final double BOUND = 2e-3;

  @ParameterizedTest
  @EnumSource(Activation.class)
  void hiddenActivationGradientsMatchFiniteDifferences(Activation act) {
    checkNetwork(new MlpSpec(new int[] {5, 7, 6, 4}, new Activation[] {act, act, act}, 1.0), 11);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void outputActivationGradientsMatchFiniteDifferences(Activation act) {
    checkNetwork(
        new MlpSpec(new int[] {4, 8, 3}, new Activation[] {Activation.TANH, act}, 1.0), 12);
  }

  @Test
  void criticShapedNetworkWithReluMatches() {
    checkNetwork(MlpSpec.of(12, new int[] {16, 16}, 1, Activation.RELU, Activation.IDENTITY), 13);
  }

  private static void checkNetwork(MlpSpec spec, long seed) {
    int batch = 3;
    boolean kinks = java.util.Arrays.asList(spec.activations()).contains(Activation.RELU);
    float step = kinks ? 1e-3f : 1e-2f;
    Mlp net = new Mlp(spec, seed);
    SplittableRandom rng = new SplittableRandom(seed + 100);
    float[] x = new float[batch * spec.inputSize()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    float[] c = new float[batch * spec.outputSize()];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    net.zeroGrad();
    net.forward(x, batch);
    net.backward(c, batch, true);
    float[] analytic = net.grads().clone();
    float[] analyticInput = java.util.Arrays.copyOf(net.inputGrad(), x.length);

    float[] p = net.params();
    double[] numeric = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      float old = p[i];
      p[i] = old + step;
      double up = loss(net.forward(x, batch), c);
      p[i] = old - step;
      double down = loss(net.forward(x, batch), c);
      p[i] = old;
      numeric[i] = (up - down) / (2 * step);
    }
    assertThat(relativeError(numeric, analytic)).as("parameters of %s", spec).isLessThan(BOUND);

    double[] numericInput = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      float old = x[i];
      x[i] = old + step;
      double up = loss(net.forward(x, batch), c);
      x[i] = old - step;
      double down = loss(net.forward(x, batch), c);
      x[i] = old;
      numericInput[i] = (up - down) / (2 * step);
    }
    assertThat(relativeError(numericInput, analyticInput))
        .as("inputs of %s", spec)
        .isLessThan(BOUND);
  }

  static double loss(float[] y, float[] c) {
    double s = 0;
    for (int i = 0; i < c.length; i++) {
      s += (double) c[i] * y[i];
    }
    return s;
  }

  static double relativeError(double[] numeric, float[] analytic) {
    double diff = 0;
    double a = 0;
    double b = 0;
    for (int i = 0; i < numeric.length; i++) {
      diff += (numeric[i] - analytic[i]) * (numeric[i] - analytic[i]);
      a += numeric[i] * numeric[i];
      b += (double) analytic[i] * analytic[i];
    }
    return Math.sqrt(diff) / Math.max(Math.sqrt(a) + Math.sqrt(b), 1e-6);
  }

  @Test
  void lossGradientsMatchFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 9;
    float[] pred = new float[n];
    float[] target = new float[n];
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      pred[i] = (float) (rng.nextDouble() * 4 - 2);
      target[i] = (float) (rng.nextDouble() * 4 - 2);
      w[i] = (float) rng.nextDouble();
    }
    float[] grad = new float[n];
    float[] scratch = new float[n];
    for (int kind = 0; kind < 2; kind++) {
      final int k = kind;
      java.util.function.Supplier<Double> f =
          () ->
              k == 0
                  ? Losses.mse(pred, target, w, n, scratch)
                  : Losses.huber(pred, target, w, n, 1.0, scratch);
      if (k == 0) {
        Losses.mse(pred, target, w, n, grad);
      } else {
        Losses.huber(pred, target, w, n, 1.0, grad);
      }
      double[] numeric = new double[n];
      for (int i = 0; i < n; i++) {
        float old = pred[i];
        pred[i] = old + 1e-2f;
        double up = f.get();
        pred[i] = old - 1e-2f;
        double down = f.get();
        pred[i] = old;
        numeric[i] = (up - down) / 2e-2;
      }
      assertThat(relativeError(numeric, grad)).as(k == 0 ? "mse" : "huber").isLessThan(BOUND);
    }
  }
}
