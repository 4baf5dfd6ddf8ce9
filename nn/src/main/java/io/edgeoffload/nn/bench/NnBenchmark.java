package io.edgeoffload.nn.bench;

import io.edgeoffload.nn.Activation;
import io.edgeoffload.nn.Losses;
import io.edgeoffload.nn.Mlp;
import io.edgeoffload.nn.MlpSpec;
import io.edgeoffload.nn.linalg.MatOps;
import io.edgeoffload.nn.optim.Adam;
import io.edgeoffload.nn.optim.AdamConfig;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The learning core's benchmark on the calling thread: the UCMS-sized critic and actor training
 * steps (batch 64, MSE, Adam), single-sample actor inference, and 48 distinct critics trained one
 * step each in a row (one MADDPG update of the 48-device scenario). Each figure is the median over
 * timed samples after warm-up samples; a sample times a loop of repetitions long enough to dwarf
 * the clock's resolution.
 */
public final class NnBenchmark {

  /** 576→512→512→1: a centralised critic over 48 agents' observations and actions. */
  public static final MlpSpec CRITIC =
      MlpSpec.of(576, new int[] {512, 512}, 1, Activation.RELU, Activation.IDENTITY);

  /** 9→64→64→3: a UCMS device's actor. */
  public static final MlpSpec ACTOR =
      MlpSpec.of(9, new int[] {64, 64}, 3, Activation.RELU, Activation.TANH);

  public static final int BATCH = 64;

  /** Medians, plus the spread of each as the 10th and 90th percentiles. */
  public record Result(
      String matOps,
      double criticTrainMs,
      double actorTrainMs,
      double actorInferUs,
      double critics48Ms,
      double[] criticSamplesMs,
      double[] critics48SamplesMs) {}

  /**
   * @param ops the matrix products to measure
   * @param samples timed samples per figure (the median is reported)
   * @param warmup untimed samples first
   */
  public static Result run(MatOps ops, int samples, int warmup) {
    Step critic = new Step(CRITIC, ops, 1);
    Step actor = new Step(ACTOR, ops, 2);
    double[] criticMs = time(i -> critic.train(), 20, samples, warmup, 1e3);
    double[] actorMs = time(i -> actor.train(), 500, samples, warmup, 1e3);
    float[] one = new float[ACTOR.inputSize()];
    Mlp actorNet = actor.net;
    double[] sink = {0};
    double[] inferUs =
        time(
            i -> {
              one[i % one.length] = (i & 7) * 0.1f;
              sink[0] += actorNet.forward(one, 1)[0];
            },
            20_000,
            samples,
            warmup,
            1e6);
    Step[] critics = new Step[48];
    for (int c = 0; c < critics.length; c++) {
      critics[c] = new Step(CRITIC, ops, 100 + c);
    }
    double[] critics48 =
        time(
            i -> {
              for (Step s : critics) {
                s.train();
              }
            },
            1,
            Math.max(3, samples / 2),
            Math.max(1, warmup / 2),
            1e3);
    if (Double.isNaN(sink[0])) {
      throw new IllegalStateException("NaN in the inference benchmark");
    }
    return new Result(
        ops.name(),
        median(criticMs),
        median(actorMs),
        median(inferUs),
        median(critics48),
        criticMs,
        critics48);
  }

  /** Times {@code reps} calls per sample; returns per-call times in units of {@code 1/scale} s. */
  private static double[] time(IntConsumer op, int reps, int samples, int warmup, double scale) {
    double[] out = new double[samples];
    int k = 0;
    for (int s = -warmup; s < samples; s++) {
      long t0 = System.nanoTime();
      for (int r = 0; r < reps; r++) {
        op.accept(k++);
      }
      long t1 = System.nanoTime();
      if (s >= 0) {
        out[s] = (t1 - t0) / 1e9 / reps * scale;
      }
    }
    return out;
  }

  /** The median of {@code v}. */
  public static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  /** One network with its optimiser and a fixed random batch: a full supervised training step. */
  private static final class Step {
    final Mlp net;
    final Adam adam;
    final float[] x;
    final float[] y;
    final float[] grad;
    final float[] dOut;

    Step(MlpSpec spec, MatOps ops, long seed) {
      net = new Mlp(spec, seed, ops);
      adam = new Adam(AdamConfig.of(1e-4), net.params().length);
      SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
      x = new float[BATCH * spec.inputSize()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) (rng.nextDouble() * 2 - 1);
      }
      y = new float[BATCH * spec.outputSize()];
      for (int i = 0; i < y.length; i++) {
        y[i] = (float) (rng.nextDouble() * 2 - 1);
      }
      grad = new float[y.length];
      dOut = grad;
    }

    void train() {
      net.zeroGrad();
      float[] out = net.forward(x, BATCH);
      Losses.mse(out, y, null, y.length, grad);
      net.backward(dOut, BATCH, false);
      adam.step(net.params(), net.grads());
    }
  }
}
