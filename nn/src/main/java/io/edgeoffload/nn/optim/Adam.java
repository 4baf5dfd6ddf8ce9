package io.edgeoffload.nn.optim;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Adam over one flat parameter array (Kingma and Ba 2015, Algorithm 1), with optional clipping of
 * the gradient's global L2 norm:
 *
 * <pre>
 * g ← g·min(1, c/‖g‖)                 (when clipping at c)
 * m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²
 * θ ← θ − α·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)
 * </pre>
 *
 * The step allocates nothing. The learning rate can change between steps (annealing).
 */
public final class Adam {

  private final AdamConfig config;
  private final float[] m;
  private final float[] v;
  private long t;
  private double learningRate;

  public Adam(AdamConfig config, int parameterCount) {
    this.config = config;
    this.m = new float[parameterCount];
    this.v = new float[parameterCount];
    this.learningRate = config.learningRate();
  }

  public AdamConfig config() {
    return config;
  }

  /** Steps taken so far. */
  public long steps() {
    return t;
  }

  /** The current step size (starts at the config's). */
  public double learningRate() {
    return learningRate;
  }

  /** Changes the step size for later steps. */
  public void setLearningRate(double lr) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("learningRate=" + lr + ": must be > 0");
    }
    this.learningRate = lr;
  }

  /**
   * One update of {@code params} from {@code grads} (same length as the optimiser's state).
   *
   * @return the gradient's global L2 norm before clipping when clipping is on; NaN without
   *     clipping, where the norm is not computed (its serial double sum cost about as much as the
   *     update itself: 5% of a UCMS training's CPU)
   */
  public double step(float[] params, float[] grads) {
    int n = m.length;
    if (params.length < n || grads.length < n) {
      throw new IllegalArgumentException(
          "adam state has " + n + " parameters, got " + params.length + "/" + grads.length);
    }
    double norm = Double.NaN;
    double scale = 1.0;
    if (config.maxGradNorm() > 0) {
      double sq = 0;
      for (int i = 0; i < n; i++) {
        sq += (double) grads[i] * grads[i];
      }
      norm = Math.sqrt(sq);
      if (norm > config.maxGradNorm()) {
        scale = config.maxGradNorm() / norm;
      }
    }
    t++;
    float b1 = (float) config.beta1();
    float b2 = (float) config.beta2();
    float c1 = (float) (1.0 - config.beta1()); // not 1f − b1: 1 − 0.999f is off by 1.3e-5
    float c2 = (float) (1.0 - config.beta2());
    // Bias corrections folded into the step size and ε: α·m̂/(√v̂+ε) = α'·m/(√v + ε').
    double bc1 = 1.0 - Math.pow(config.beta1(), t);
    double bc2 = 1.0 - Math.pow(config.beta2(), t);
    float stepSize = (float) (learningRate * Math.sqrt(bc2) / bc1);
    float eps = (float) (config.epsilon() * Math.sqrt(bc2));
    float s = (float) scale;
    for (int i = 0; i < n; i++) {
      float g = grads[i] * s;
      float mi = b1 * m[i] + c1 * g;
      float vi = b2 * v[i] + c2 * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] -= stepSize * mi / ((float) Math.sqrt(vi) + eps);
    }
    return norm;
  }

  /** Writes the moments, step count and learning rate (for checkpoints that resume training). */
  public void writeState(DataOutput out) throws IOException {
    out.writeInt(m.length);
    out.writeLong(t);
    out.writeDouble(learningRate);
    io.edgeoffload.nn.io.Bulk.writeFloats(out, m, 0, m.length);
    io.edgeoffload.nn.io.Bulk.writeFloats(out, v, 0, v.length);
  }

  /** Reads what {@link #writeState} wrote; the parameter count must match. */
  public void readState(DataInput in) throws IOException {
    int n = in.readInt();
    if (n != m.length) {
      throw new IOException("adam state for " + n + " parameters, expected " + m.length);
    }
    t = in.readLong();
    learningRate = in.readDouble();
    io.edgeoffload.nn.io.Bulk.readFloats(in, m, 0, n);
    io.edgeoffload.nn.io.Bulk.readFloats(in, v, 0, n);
  }
}
