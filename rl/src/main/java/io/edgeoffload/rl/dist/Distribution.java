package io.edgeoffload.rl.dist;

import java.util.random.RandomGenerator;

/**
 * An action distribution whose parameters are one flat row of a network's output ({@code params}
 * from offset {@code po}, {@link #paramWidth()} values) and whose action is one flat row ({@code
 * action} from {@code ao}, {@link #actionWidth()} values; a categorical action is stored as its
 * index). Distributions with discrete heads take an action mask row ({@code mask} from {@code mo},
 * {@link #maskWidth()} values, {@code true} = allowed; {@code null} = every action allowed); the
 * others ignore it.
 *
 * <p>Besides log-probability, entropy, sampling and mode, a distribution gives the gradients of log
 * π(a) and of the entropy with respect to its parameter row, for the learners to backpropagate into
 * the network outputs. The gradient methods <em>add</em> {@code scale × gradient} to {@code
 * grad[go, go + paramWidth)}, so a loss of several terms accumulates in one buffer. Nothing
 * allocates; the distribution objects are immutable and shareable between threads.
 */
public interface Distribution {
  /** Parameters per row. */
  int paramWidth();

  /** Values per action row. */
  int actionWidth();

  /** Mask entries per row (0 for a distribution without discrete heads). */
  int maskWidth();

  /** log π(a | params). */
  double logProb(double[] params, int po, boolean[] mask, int mo, double[] action, int ao);

  /** The entropy H(π(· | params)) (differential entropy for continuous parts). */
  double entropy(double[] params, int po, boolean[] mask, int mo);

  /** Draws an action into {@code out[oo, oo + actionWidth)}. */
  void sample(
      double[] params, int po, boolean[] mask, int mo, RandomGenerator rng, double[] out, int oo);

  /** The most probable action (the mean for continuous parts) into {@code out[oo, …)}. */
  void mode(double[] params, int po, boolean[] mask, int mo, double[] out, int oo);

  /** grad[go + j] += scale · ∂ log π(a) / ∂ params[po + j]. */
  void addLogProbGrad(
      double[] params,
      int po,
      boolean[] mask,
      int mo,
      double[] action,
      int ao,
      double scale,
      double[] grad,
      int go);

  /** grad[go + j] += scale · ∂ H / ∂ params[po + j]. */
  void addEntropyGrad(
      double[] params, int po, boolean[] mask, int mo, double scale, double[] grad, int go);

  /**
   * log π for rows {@code 0..n)} of row-major batches ({@code masks} may be null). A bad row (e.g.
   * no allowed action) throws with the row's index in the message.
   */
  default void logProbs(int n, double[] params, boolean[] masks, double[] actions, double[] out) {
    int pw = paramWidth();
    int aw = actionWidth();
    int mw = maskWidth();
    for (int r = 0; r < n; r++) {
      try {
        out[r] = logProb(params, r * pw, masks, r * mw, actions, r * aw);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("row " + r + ": " + e.getMessage(), e);
      }
    }
  }

  /** Entropies of rows {@code 0..n)}; a bad row throws with its index in the message. */
  default void entropies(int n, double[] params, boolean[] masks, double[] out) {
    int pw = paramWidth();
    int mw = maskWidth();
    for (int r = 0; r < n; r++) {
      try {
        out[r] = entropy(params, r * pw, masks, r * mw);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("row " + r + ": " + e.getMessage(), e);
      }
    }
  }

  /** Samples rows {@code 0..n)}; a bad row throws with its index in the message. */
  default void samples(
      int n, double[] params, boolean[] masks, RandomGenerator rng, double[] actionsOut) {
    int pw = paramWidth();
    int aw = actionWidth();
    int mw = maskWidth();
    for (int r = 0; r < n; r++) {
      try {
        sample(params, r * pw, masks, r * mw, rng, actionsOut, r * aw);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("row " + r + ": " + e.getMessage(), e);
      }
    }
  }
}
