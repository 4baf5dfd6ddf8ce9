package io.edgeoffload.rl.dist;

import java.util.random.RandomGenerator;

/**
 * A categorical distribution over {@code n} actions from {@code n} logits l, with an optional mask.
 *
 * <pre>
 *   log π(a) = l_a − log Σ_{j allowed} exp(l_j)          (log-softmax over allowed actions)
 *   H        = −Σ_j π_j log π_j
 *   ∂ log π(a) / ∂ l_j = [j = a] − π_j
 *   ∂ H / ∂ l_j        = −π_j (log π_j + H)
 * </pre>
 *
 * The log-normaliser subtracts the largest allowed logit before exponentiating, so logits of any
 * size (±1000) neither overflow nor lose the small probabilities. A masked action has probability
 * 0: it is never sampled or chosen as the mode, its logit gets gradient 0, and asking for its
 * log-probability is an error. A row with no allowed action is an error that says so.
 */
public final class Categorical implements Distribution {
  private final int n;

  /** A categorical over {@code n ≥ 1} actions. */
  public Categorical(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("categorical size = " + n + ": must be >= 1");
    }
    this.n = n;
  }

  /** The number of actions. */
  public int size() {
    return n;
  }

  @Override
  public int paramWidth() {
    return n;
  }

  @Override
  public int actionWidth() {
    return 1;
  }

  @Override
  public int maskWidth() {
    return n;
  }

  private static boolean allowed(boolean[] mask, int mo, int j) {
    return mask == null || mask[mo + j];
  }

  /** The largest allowed logit; throws if no action is allowed or a logit is NaN. */
  private double maxLogit(double[] p, int po, boolean[] mask, int mo) {
    double max = Double.NEGATIVE_INFINITY;
    boolean any = false;
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        any = true;
        double l = p[po + j];
        if (Double.isNaN(l)) {
          throw new IllegalArgumentException("logit " + j + " is NaN");
        }
        if (l > max) {
          max = l;
        }
      }
    }
    if (!any) {
      throw new IllegalArgumentException(
          "no allowed action: all " + n + " actions of this categorical row are masked");
    }
    if (!Double.isFinite(max)) {
      throw new IllegalArgumentException("largest allowed logit is " + max + ": must be finite");
    }
    return max;
  }

  /** log Σ_{allowed} exp(l_j), computed as max + log Σ exp(l_j − max). */
  public double logNormalizer(double[] p, int po, boolean[] mask, int mo) {
    double max = maxLogit(p, po, mask, mo);
    double s = 0;
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        s += Math.exp(p[po + j] - max);
      }
    }
    return max + Math.log(s);
  }

  /** π_j into {@code out[oo, oo+n)}; 0 for masked actions. */
  public void probabilities(double[] p, int po, boolean[] mask, int mo, double[] out, int oo) {
    double logZ = logNormalizer(p, po, mask, mo);
    for (int j = 0; j < n; j++) {
      out[oo + j] = allowed(mask, mo, j) ? Math.exp(p[po + j] - logZ) : 0.0;
    }
  }

  /** The action index stored at {@code a[ao]}, checked. */
  private int actionIndex(double[] a, int ao, boolean[] mask, int mo) {
    double v = a[ao];
    int k = (int) v;
    if (k != v || k < 0 || k >= n) {
      throw new IllegalArgumentException(
          "action " + v + " is not an index of a categorical over " + n + " actions");
    }
    if (!allowed(mask, mo, k)) {
      throw new IllegalArgumentException("action " + k + " is masked: its probability is 0");
    }
    return k;
  }

  @Override
  public double logProb(double[] p, int po, boolean[] mask, int mo, double[] a, int ao) {
    double logZ = logNormalizer(p, po, mask, mo); // first: a row with no allowed action
    int k = actionIndex(a, ao, mask, mo);
    return p[po + k] - logZ;
  }

  @Override
  public double entropy(double[] p, int po, boolean[] mask, int mo) {
    double logZ = logNormalizer(p, po, mask, mo);
    double h = 0;
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        double logPj = p[po + j] - logZ;
        h -= Math.exp(logPj) * logPj;
      }
    }
    return h;
  }

  @Override
  public void sample(
      double[] p, int po, boolean[] mask, int mo, RandomGenerator rng, double[] out, int oo) {
    double max = maxLogit(p, po, mask, mo);
    double s = 0;
    int last = -1;
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        s += Math.exp(p[po + j] - max);
        last = j;
      }
    }
    // Inverse CDF over the unnormalised weights exp(l_j − max); rounding falls to the last allowed.
    double u = rng.nextDouble() * s;
    int pick = last;
    double c = 0;
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        c += Math.exp(p[po + j] - max);
        if (u < c) {
          pick = j;
          break;
        }
      }
    }
    out[oo] = pick;
  }

  @Override
  public void mode(double[] p, int po, boolean[] mask, int mo, double[] out, int oo) {
    maxLogit(p, po, mask, mo); // checks the row
    int best = -1;
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j) && (best < 0 || p[po + j] > p[po + best])) {
        best = j;
      }
    }
    out[oo] = best;
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
    double logZ = logNormalizer(p, po, mask, mo);
    int k = actionIndex(a, ao, mask, mo);
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        double pj = Math.exp(p[po + j] - logZ);
        grad[go + j] += scale * ((j == k ? 1.0 : 0.0) - pj); // ∂ log π(a)/∂ l_j = [j=a] − π_j
      }
    }
  }

  @Override
  public void addEntropyGrad(
      double[] p, int po, boolean[] mask, int mo, double scale, double[] grad, int go) {
    double logZ = logNormalizer(p, po, mask, mo);
    double h = 0;
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        double logPj = p[po + j] - logZ;
        h -= Math.exp(logPj) * logPj;
      }
    }
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        double logPj = p[po + j] - logZ;
        grad[go + j] += scale * (-Math.exp(logPj) * (logPj + h)); // ∂H/∂l_j = −π_j(log π_j + H)
      }
    }
  }

  // ------------------------------------------------------------ with a prepared row
  // A training step asks for the log-probability, the entropy and both gradients of the same row
  // of logits; each of the methods above recomputes the log-normaliser and the probabilities.
  // {@link #prepare} computes them once, and the overloads below taking {@code logZ} and {@code
  // probs} use them instead: every value and every addend is the same to the bit.

  /**
   * Computes the row's log-normaliser (returned) and writes π_j into {@code probs[qo, qo+n)} (0 for
   * masked actions), for the overloads below that take them; with {@code probs == null} only the
   * log-normaliser, all that {@link #logProb(double[], int, boolean[], int, double[], int, double)}
   * needs. Checks the row as {@link #logProb} does.
   */
  public double prepare(double[] p, int po, boolean[] mask, int mo, double[] probs, int qo) {
    double logZ = logNormalizer(p, po, mask, mo);
    if (probs != null) {
      for (int j = 0; j < n; j++) {
        probs[qo + j] = allowed(mask, mo, j) ? Math.exp(p[po + j] - logZ) : 0.0;
      }
    }
    return logZ;
  }

  /** {@link #logProb} given the row's log-normaliser from {@link #prepare}. */
  public double logProb(
      double[] p, int po, boolean[] mask, int mo, double[] a, int ao, double logZ) {
    int k = actionIndex(a, ao, mask, mo);
    return p[po + k] - logZ;
  }

  /** {@link #entropy} given the row's {@link #prepare}d log-normaliser and probabilities. */
  public double entropy(
      double[] p, int po, boolean[] mask, int mo, double logZ, double[] probs, int qo) {
    double h = 0;
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        h -= probs[qo + j] * (p[po + j] - logZ);
      }
    }
    return h;
  }

  /** {@link #addLogProbGrad} given the row's {@link #prepare}d probabilities. */
  public void addLogProbGrad(
      boolean[] mask,
      int mo,
      double[] a,
      int ao,
      double[] probs,
      int qo,
      double scale,
      double[] grad,
      int go) {
    int k = actionIndex(a, ao, mask, mo);
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        grad[go + j] += scale * ((j == k ? 1.0 : 0.0) - probs[qo + j]);
      }
    }
  }

  /**
   * {@link #addEntropyGrad} given the row's {@link #prepare}d log-normaliser and probabilities and
   * its entropy {@code h} (from {@link #entropy(double[], int, boolean[], int, double, double[],
   * int)}).
   */
  public void addEntropyGrad(
      double[] p,
      int po,
      boolean[] mask,
      int mo,
      double logZ,
      double[] probs,
      int qo,
      double h,
      double scale,
      double[] grad,
      int go) {
    for (int j = 0; j < n; j++) {
      if (allowed(mask, mo, j)) {
        double logPj = p[po + j] - logZ;
        grad[go + j] += scale * (-probs[qo + j] * (logPj + h));
      }
    }
  }
}
