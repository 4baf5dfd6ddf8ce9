package io.edgeoffload.rl.dist;

import java.util.random.RandomGenerator;

/**
 * A Gaussian with diagonal covariance over {@code d} dimensions. The parameter row is {@code [μ_1 …
 * μ_d, s_1 … s_d]} with s = log σ; the action row is {@code a_1 … a_d}.
 *
 * <pre>
 *   log π(a) = Σ_k −(a_k − μ_k)² / (2σ_k²) − s_k − ½ log 2π
 *   H        = Σ_k s_k + ½ (1 + log 2π)
 *   ∂ log π / ∂ μ_k = (a_k − μ_k) / σ_k²      ∂ log π / ∂ s_k = (a_k − μ_k)² / σ_k² − 1
 *   ∂ H / ∂ μ_k = 0                           ∂ H / ∂ s_k = 1
 * </pre>
 *
 * <p><b>Where log σ comes from.</b> When the network outputs log σ (state-dependent), the row is
 * the network's output and the gradients go straight back. When log σ is a state-independent
 * parameter vector (the usual PPO choice), write it into every row with {@link #broadcastLogStd}
 * and add up the rows' log σ gradients with {@link #sumLogStdGrad}: by the chain rule that sum is
 * the gradient of the batch loss with respect to the shared vector. The log σ values are used as
 * given, not clamped; a learner that wants bounds clamps its network output.
 */
public final class DiagGaussian implements Distribution {
  private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

  private final int d;

  /** A Gaussian over {@code d ≥ 1} dimensions. */
  public DiagGaussian(int d) {
    if (d < 1) {
      throw new IllegalArgumentException("Gaussian dimension = " + d + ": must be >= 1");
    }
    this.d = d;
  }

  /** The number of dimensions. */
  public int dim() {
    return d;
  }

  @Override
  public int paramWidth() {
    return 2 * d;
  }

  @Override
  public int actionWidth() {
    return d;
  }

  @Override
  public int maskWidth() {
    return 0;
  }

  @Override
  public double logProb(double[] p, int po, boolean[] mask, int mo, double[] a, int ao) {
    double lp = 0;
    for (int k = 0; k < d; k++) {
      double s = p[po + d + k];
      double z = (a[ao + k] - p[po + k]) * Math.exp(-s);
      lp += -0.5 * z * z - s - HALF_LOG_2PI;
    }
    return lp;
  }

  @Override
  public double entropy(double[] p, int po, boolean[] mask, int mo) {
    double h = 0;
    for (int k = 0; k < d; k++) {
      h += p[po + d + k] + 0.5 + HALF_LOG_2PI;
    }
    return h;
  }

  @Override
  public void sample(
      double[] p, int po, boolean[] mask, int mo, RandomGenerator rng, double[] out, int oo) {
    for (int k = 0; k < d; k++) {
      out[oo + k] = p[po + k] + Math.exp(p[po + d + k]) * rng.nextGaussian();
    }
  }

  @Override
  public void mode(double[] p, int po, boolean[] mask, int mo, double[] out, int oo) {
    System.arraycopy(p, po, out, oo, d);
  }

  @Override
  public void addLogProbGrad(
      double[] p,
      int po,
      boolean[] mask,
      int mo,
      double[] a,
      int ao,
      double scale,
      double[] grad,
      int go) {
    for (int k = 0; k < d; k++) {
      double invVar = Math.exp(-2 * p[po + d + k]);
      double diff = a[ao + k] - p[po + k];
      grad[go + k] += scale * diff * invVar;
      grad[go + d + k] += scale * (diff * diff * invVar - 1.0);
    }
  }

  @Override
  public void addEntropyGrad(
      double[] p, int po, boolean[] mask, int mo, double scale, double[] grad, int go) {
    for (int k = 0; k < d; k++) {
      grad[go + d + k] += scale;
    }
  }

  /**
   * Writes a state-independent log σ vector ({@code logStd[0..d)}) into the log σ slots of rows
   * {@code 0..n)} of a parameter batch whose rows are {@code rowWidth} wide and hold this Gaussian
   * at column {@code col} (0 for a plain Gaussian; a {@link HybridLayout}'s Gaussian offset for a
   * hybrid).
   */
  public void broadcastLogStd(double[] logStd, int n, double[] params, int rowWidth, int col) {
    for (int r = 0; r < n; r++) {
      System.arraycopy(logStd, 0, params, r * rowWidth + col + d, d);
    }
  }

  /**
   * Adds the log σ gradients of rows {@code 0..n)} of a gradient batch (same layout as in {@link
   * #broadcastLogStd}) into {@code out[0..d)}: the gradient with respect to a shared log σ.
   */
  public void sumLogStdGrad(int n, double[] grads, int rowWidth, int col, double[] out) {
    for (int r = 0; r < n; r++) {
      int o = r * rowWidth + col + d;
      for (int k = 0; k < d; k++) {
        out[k] += grads[o + k];
      }
    }
  }
}
