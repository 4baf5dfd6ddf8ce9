package io.edgeoffload.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.nn.linalg.LoopMatOps;
import io.edgeoffload.nn.linalg.MatOps;
import io.edgeoffload.nn.linalg.NetlibMatOps;
import io.edgeoffload.nn.optim.Adam;
import io.edgeoffload.nn.optim.AdamConfig;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTest {

  static final MlpSpec CRITIC_LIKE =
      MlpSpec.of(10, new int[] {32, 32}, 1, Activation.RELU, Activation.IDENTITY);

  /**
   * Regression on y = sin(Σx) with MSE and Adam for {@code steps} steps; returns the final loss.
   */
  static double train(Mlp net, int steps, long dataSeed) {
    int batch = 16;
    int in = net.spec().inputSize();
    Adam adam = new Adam(AdamConfig.of(3e-3), net.params().length);
    SplittableRandom rng = new SplittableRandom(dataSeed);
    float[] x = new float[batch * in];
    float[] y = new float[batch];
    float[] grad = new float[batch];
    double loss = 0;
    for (int s = 0; s < steps; s++) {
      for (int r = 0; r < batch; r++) {
        double sum = 0;
        for (int j = 0; j < in; j++) {
          x[r * in + j] = (float) (rng.nextDouble() * 2 - 1);
          sum += x[r * in + j];
        }
        y[r] = (float) Math.sin(sum);
      }
      net.zeroGrad();
      float[] out = net.forward(x, batch);
      loss = Losses.mse(out, y, null, batch, grad);
      net.backward(grad, batch, false);
      adam.step(net.params(), net.grads());
    }
    return loss;
  }

  @Test
  void blasAndPlainLoopsAgreeAfterTrainingSteps() {
    MatOps[] all = {NetlibMatOps.best(), NetlibMatOps.pureJava(), new LoopMatOps()};
    float[][] params = new float[all.length][];
    for (int i = 0; i < all.length; i++) {
      Mlp net = new Mlp(CRITIC_LIKE, 42, all[i]);
      train(net, 25, 7);
      params[i] = net.params();
    }
    for (int i = 1; i < all.length; i++) {
      double maxDiff = 0;
      for (int j = 0; j < params[0].length; j++) {
        maxDiff = Math.max(maxDiff, Math.abs(params[0][j] - params[i][j]));
      }
      // Different summation orders in float; Adam's normalised steps keep differences small.
      assertThat(maxDiff).as("%s vs %s", all[0].name(), all[i].name()).isLessThan(1e-3);
    }
  }

  @Test
  void sameSeedGivesBitIdenticalWeights() {
    Mlp a = new Mlp(CRITIC_LIKE, 9);
    Mlp b = new Mlp(CRITIC_LIKE, 9);
    train(a, 30, 1);
    train(b, 30, 1);
    assertThat(a.params()).containsExactly(b.params());
    Mlp c = new Mlp(CRITIC_LIKE, 10);
    assertThat(c.params()).isNotEqualTo(new Mlp(CRITIC_LIKE, 9).params());
  }

  @Test
  void learnsASmoothRegression() {
    Mlp net =
        new Mlp(MlpSpec.of(3, new int[] {64, 64}, 1, Activation.TANH, Activation.IDENTITY), 3);
    double before = evaluate(net);
    train(net, 3000, 5);
    double after = evaluate(net);
    // The variance of sin(U(-3,3)-ish sums) is about 0.4; a fitted network is far below it.
    assertThat(before).isGreaterThan(0.1);
    assertThat(after).isLessThan(0.01);
  }

  private static double evaluate(Mlp net) {
    int n = 512;
    SplittableRandom rng = new SplittableRandom(99);
    float[] x = new float[n * 3];
    float[] y = new float[n];
    for (int r = 0; r < n; r++) {
      double s = 0;
      for (int j = 0; j < 3; j++) {
        x[r * 3 + j] = (float) (rng.nextDouble() * 2 - 1);
        s += x[r * 3 + j];
      }
      y[r] = (float) Math.sin(s);
    }
    return Losses.mse(net.forward(x, n), y, null, n, new float[n]);
  }

  @Test
  void trainingStepAllocatesNothingOnceWarm() {
    Mlp net = new Mlp(CRITIC_LIKE, 1);
    train(net, 200, 2); // warm up: buffers sized, code compiled
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int batch = 16;
    float[] x = new float[batch * 10];
    float[] grad = new float[batch];
    java.util.Arrays.fill(grad, 0.01f);
    Adam adam = new Adam(AdamConfig.of(1e-3), net.params().length);
    for (int i = 0; i < 2000; i++) {
      step(net, adam, x, grad, batch);
    }
    long before = bean.getCurrentThreadAllocatedBytes();
    int steps = 2000;
    for (int i = 0; i < steps; i++) {
      step(net, adam, x, grad, batch);
    }
    long allocated = bean.getCurrentThreadAllocatedBytes() - before;
    // Any object allocated per step (16 bytes at least) would add up to ≥ 32 kB; what remains is
    // the JIT's occasional bookkeeping on this thread.
    assertThat(allocated).isLessThan(4096);
  }

  private static void step(Mlp net, Adam adam, float[] x, float[] grad, int batch) {
    net.zeroGrad();
    net.forward(x, batch);
    net.backward(grad, batch, true);
    adam.step(net.params(), net.grads());
  }

  @Test
  void nonFiniteValuesNameTheLayer() {
    Mlp net = new Mlp(CRITIC_LIKE, 1);
    float[] x = new float[10];
    x[3] = Float.NaN;
    assertThatThrownBy(() -> net.forward(x, 1))
        .isInstanceOf(NonFiniteException.class)
        .hasMessageContaining("network input")
        .hasMessageContaining("column 3");
    x[3] = 0.5f;
    net.params()[net.weightOffset(1)] = Float.POSITIVE_INFINITY;
    assertThatThrownBy(() -> net.forward(x, 1))
        .isInstanceOf(NonFiniteException.class)
        .hasMessageContaining("layer 1 (dense 32→32, relu)");
    Mlp ok = new Mlp(CRITIC_LIKE, 1);
    ok.forward(x, 1);
    assertThatThrownBy(() -> ok.backward(new float[] {Float.NaN}, 1, false))
        .isInstanceOf(NonFiniteException.class)
        .hasMessageContaining("loss gradient of layer 2");
    // A huge gradient overflows on its way back and is caught where it becomes infinite.
    Mlp big = new Mlp(CRITIC_LIKE, 1);
    java.util.Arrays.fill(big.params(), 1e30f);
    assertThatThrownBy(() -> big.forward(x, 1)).isInstanceOf(NonFiniteException.class);
  }

  @Test
  void everyNonFiniteInputIsFoundWhereverItIsAndNoFiniteOneIs() {
    Mlp net = new Mlp(CRITIC_LIKE, 1);
    int rows = 37; // 370 inputs: vector loops and their tails
    float[] x = new float[rows * 10];
    float[] finite = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0f, 1e-40f};
    for (int k = 0; k < finite.length; k++) {
      x[k * 71 % x.length] = finite[k];
    }
    net.forward(x, rows); // no exception
    float[] bad = {
      Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0xff800001)
    };
    for (float b : bad) {
      for (int at : new int[] {0, 5, 128, x.length - 1}) {
        float[] y = x.clone();
        y[at] = b;
        assertThatThrownBy(() -> net.forward(y, rows))
            .as("%s at %d", b, at)
            .isInstanceOf(NonFiniteException.class)
            .hasMessageContaining("row " + at / 10 + ", column " + at % 10);
      }
    }
  }

  @Test
  void backwardNeedsTheForwardBatch() {
    Mlp net = new Mlp(CRITIC_LIKE, 1);
    net.forward(new float[20], 2);
    assertThatThrownBy(() -> net.backward(new float[3], 3, false))
        .hasMessageContaining("batch 3 after a forward pass on batch 2");
  }

  @Test
  void targetUpdates() {
    Mlp online = new Mlp(CRITIC_LIKE, 1);
    Mlp target = new Mlp(CRITIC_LIKE, 2);
    float[] before = target.params().clone();
    target.softUpdateFrom(online, 0.25);
    for (int i = 0; i < before.length; i++) {
      assertThat(target.params()[i])
          .isCloseTo(
              0.75f * before[i] + 0.25f * online.params()[i],
              org.assertj.core.data.Offset.offset(1e-7f));
    }
    target.copyFrom(online);
    assertThat(target.params()).containsExactly(online.params());
    assertThatThrownBy(() -> target.softUpdateFrom(online, 1.5)).hasMessageContaining("tau=1.5");
    Mlp other = new Mlp(MlpSpec.of(10, new int[] {8}, 1, Activation.RELU, Activation.IDENTITY), 1);
    assertThatThrownBy(() -> target.copyFrom(other)).hasMessageContaining("architectures differ");
  }

  @Test
  void finalLayerScaleShrinksOnlyTheLastLayer() {
    MlpSpec spec = MlpSpec.of(4, new int[] {8}, 2, Activation.RELU, Activation.TANH);
    Mlp a = new Mlp(spec, 5);
    Mlp b = new Mlp(spec.withFinalLayerScale(1e-3), 5);
    for (int i = 0; i < b.weightOffset(1); i++) {
      assertThat(b.params()[i]).isEqualTo(a.params()[i]);
    }
    for (int i = b.weightOffset(1); i < b.params().length; i++) {
      assertThat(Math.abs(b.params()[i])).isLessThanOrEqualTo(1e-3f / (float) Math.sqrt(8) + 1e-9f);
    }
  }

  @Test
  void batchesAreIndependentRows() {
    Mlp net = new Mlp(CRITIC_LIKE, 4);
    SplittableRandom rng = new SplittableRandom(1);
    float[] x = new float[3 * 10];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextDouble();
    }
    float[] all = net.forward(x, 3).clone();
    for (int r = 0; r < 3; r++) {
      float one = net.forward(x, r * 10, 1)[0];
      assertThat(one).isCloseTo(all[r], org.assertj.core.data.Offset.offset(1e-6f));
    }
    double[] xd = new double[30];
    for (int i = 0; i < 30; i++) {
      xd[i] = x[i];
    }
    assertThat(net.forward(xd, 10, 1)[0])
        .isCloseTo(all[1], org.assertj.core.data.Offset.offset(1e-6f));
  }

  @Test
  void inputGradientOfSomeColumnsMatchesTheFullBackwardAndLeavesParameterGradientsAlone() {
    Mlp net = new Mlp(CRITIC_LIKE, 6);
    SplittableRandom rng = new SplittableRandom(2);
    int batch = 5;
    float[] x = new float[batch * 10];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    float[] dOut = {0.3f, -1f, 0.5f, 2f, -0.7f};
    net.zeroGrad();
    net.forward(x, batch);
    net.backward(dOut, batch, true);
    float[] full = java.util.Arrays.copyOf(net.inputGrad(), batch * 10);
    float[] grads = net.grads().clone();
    float[] part = new float[batch * 3];
    net.forward(x, batch);
    net.backwardInput(dOut, batch, 6, 3, part);
    for (int r = 0; r < batch; r++) {
      for (int c = 0; c < 3; c++) {
        assertThat(part[r * 3 + c])
            .isCloseTo(full[r * 10 + 6 + c], org.assertj.core.data.Offset.offset(1e-6f));
      }
    }
    assertThat(net.grads()).containsExactly(grads);
    assertThatThrownBy(() -> net.backwardInput(dOut, batch, 8, 3, part))
        .hasMessageContaining("outside the input width 10");
  }
}
