package io.edgeoffload.rl.rollout;

/**
 * Generalised advantage estimation over a rollout of T steps × E columns (environments or agents),
 * row-major: entry {@code t·E + e}.
 *
 * <p>With V_t the value of the observation at step t and V'_t the value of the observation that
 * follows it,
 *
 * <pre>
 *   δ_t = r_t + γ·V'_t − V_t                       (GAE eq. 9, the TD residual)
 *   A_t = δ_t + γλ·A_{t+1}   inside an episode     (GAE eq. 16, recursively)
 *   R_t = A_t + V_t                                 (λ-return, the value target)
 * </pre>
 *
 * Episode ends are handled as Gymnasium defines them:
 *
 * <ul>
 *   <li><b>terminated</b> at t (a true terminal state): V'_t = 0, nothing is bootstrapped, and the
 *       recursion stops: A_t = δ_t = r_t − V_t.
 *   <li><b>truncated</b> at t (a time limit; the state is not terminal): V'_t is the value of the
 *       truncated step's own final observation ({@code finalValues[t·E+e]}), not the value of the
 *       reset observation stored at t + 1, and the recursion stops: A_t = δ_t = r_t + γ·V_final −
 *       V_t. A step both terminated and truncated counts as terminated.
 *   <li>otherwise V'_t = V_{t+1}, and for t = T − 1 the value of the observation after the rollout
 *       ({@code lastValues[e]}).
 * </ul>
 */
public final class Gae {
  private Gae() {}

  /**
   * Computes advantages and λ-returns; allocates nothing.
   *
   * @param steps T
   * @param cols E
   * @param rewards r, T·E
   * @param values V of the observation at each step, T·E
   * @param terminated T·E
   * @param truncated T·E
   * @param finalValues T·E; read only where truncated and not terminated
   * @param lastValues E, the values of the observations after step T − 1 (ignored where that step
   *     ended an episode)
   * @param gamma γ
   * @param lambda λ
   * @param advOut advantages A, T·E
   * @param retOut λ-returns A + V, T·E (may be null)
   */
  public static void compute(
      int steps,
      int cols,
      double[] rewards,
      double[] values,
      boolean[] terminated,
      boolean[] truncated,
      double[] finalValues,
      double[] lastValues,
      double gamma,
      double lambda,
      double[] advOut,
      double[] retOut) {
    for (int e = 0; e < cols; e++) {
      double nextAdv = 0.0;
      double nextValue = lastValues[e];
      for (int t = steps - 1; t >= 0; t--) {
        int i = t * cols + e;
        double adv;
        if (terminated[i]) {
          adv = rewards[i] - values[i]; // GAE eq. (9) with V'_t = 0; no recursion past the end
        } else if (truncated[i]) {
          // GAE eq. (9), bootstrapping from the truncated step's own final observation.
          adv = rewards[i] + gamma * finalValues[i] - values[i];
        } else {
          double delta = rewards[i] + gamma * nextValue - values[i]; // GAE eq. (9)
          adv = delta + gamma * lambda * nextAdv; // GAE eq. (16), recursive form
        }
        advOut[i] = adv;
        if (retOut != null) {
          retOut[i] = adv + values[i];
        }
        nextAdv = adv;
        nextValue = values[i];
      }
    }
  }

  /**
   * Rescales {@code a[off, off+n)} in place to mean 0 and (population) standard deviation 1: a ← (a
   * − mean) / (std + eps). With n ≤ 1 the values become {@code a − mean} (i.e. 0).
   */
  public static void normalize(double[] a, int off, int n, double eps) {
    if (n <= 0) {
      return;
    }
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += a[off + i];
    }
    mean /= n;
    double var = 0;
    for (int i = 0; i < n; i++) {
      double d = a[off + i] - mean;
      var += d * d;
    }
    double std = Math.sqrt(var / n);
    double scale = 1.0 / (std + eps);
    for (int i = 0; i < n; i++) {
      a[off + i] = (a[off + i] - mean) * scale;
    }
  }
}
