package io.edgeoffload.rl.rollout;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * On-policy storage for T steps × E columns (parallel environments, or agents), row-major: entry
 * {@code t·E + e}, and for the vector fields row {@code t·E + e} of width {@code obsWidth} or
 * {@code actionWidth}. Per entry: observation, action, log-probability of the action, value of the
 * observation, reward, terminated, truncated, and for truncated steps the value of the step's final
 * observation (the one the time limit cut off, not the reset observation that follows it; see
 * {@link Gae}). {@link #computeAdvantages} fills advantages and λ-returns.
 *
 * <p>The accessors return the internal arrays (no copies): read them, do not resize them. {@link
 * #add}, {@link #computeAdvantages}, {@link #gather} and {@link #permutation} allocate nothing.
 */
public final class RolloutBuffer {
  private final int steps;
  private final int cols;
  private final int obsWidth;
  private final int actionWidth;
  private final double[] obs;
  private final double[] actions;
  private final double[] logProbs;
  private final double[] values;
  private final double[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private final double[] finalValues;
  private final double[] advantages;
  private final double[] returns;
  private int count;
  private boolean computed;

  /**
   * @param steps T, steps per rollout
   * @param cols E, environments or agents per step
   * @param obsWidth values per observation
   * @param actionWidth values per action (a categorical action is stored as its index)
   */
  public RolloutBuffer(int steps, int cols, int obsWidth, int actionWidth) {
    Check.range("steps", steps, 1, 1 << 24);
    Check.range("cols", cols, 1, 1 << 20);
    Check.range("obsWidth", obsWidth, 1, 1 << 20);
    Check.range("actionWidth", actionWidth, 1, 1 << 20);
    long n = (long) steps * cols;
    if (n * Math.max(obsWidth, actionWidth) > Integer.MAX_VALUE - 8) {
      throw new ConfigException("steps", steps, "steps × cols × width exceeds one Java array");
    }
    this.steps = steps;
    this.cols = cols;
    this.obsWidth = obsWidth;
    this.actionWidth = actionWidth;
    int m = (int) n;
    obs = new double[m * obsWidth];
    actions = new double[m * actionWidth];
    logProbs = new double[m];
    values = new double[m];
    rewards = new double[m];
    terminated = new boolean[m];
    truncated = new boolean[m];
    finalValues = new double[m];
    advantages = new double[m];
    returns = new double[m];
  }

  /**
   * Stores step {@code count()} for all E columns. Arrays hold E entries (E rows for {@code obs}
   * and {@code actions}), from offset 0.
   *
   * @param finalValues for each truncated column, V of its final observation; may be null when no
   *     column is truncated
   * @return the step index written
   */
  public int add(
      double[] obs,
      double[] actions,
      double[] logProbs,
      double[] values,
      double[] rewards,
      boolean[] terminated,
      boolean[] truncated,
      double[] finalValues) {
    if (count == steps) {
      throw new IllegalStateException(
          "rollout buffer is full (" + steps + " steps); call reset() after the update");
    }
    int t = count;
    int base = t * cols;
    System.arraycopy(obs, 0, this.obs, base * obsWidth, cols * obsWidth);
    System.arraycopy(actions, 0, this.actions, base * actionWidth, cols * actionWidth);
    System.arraycopy(logProbs, 0, this.logProbs, base, cols);
    System.arraycopy(values, 0, this.values, base, cols);
    System.arraycopy(rewards, 0, this.rewards, base, cols);
    System.arraycopy(terminated, 0, this.terminated, base, cols);
    System.arraycopy(truncated, 0, this.truncated, base, cols);
    for (int e = 0; e < cols; e++) {
      double fv = 0.0;
      if (truncated[e] && !terminated[e]) {
        if (finalValues == null) {
          throw new IllegalArgumentException(
              "step " + t + ", column " + e + " is truncated but no final values were given");
        }
        fv = finalValues[e];
      }
      this.finalValues[base + e] = fv;
    }
    count++;
    computed = false;
    return t;
  }

  /**
   * Computes advantages and λ-returns over the stored steps ({@link Gae#compute}); normalises the
   * advantages if the configuration asks for it (returns stay unnormalised).
   *
   * @param lastValues E values of the observations after the last stored step
   */
  public void computeAdvantages(double[] lastValues, GaeConfig config) {
    if (count == 0) {
      throw new IllegalStateException("computeAdvantages on an empty rollout buffer");
    }
    Gae.compute(
        count,
        cols,
        rewards,
        values,
        terminated,
        truncated,
        finalValues,
        lastValues,
        config.gamma(),
        config.lambda(),
        advantages,
        returns);
    if (config.normalizeAdvantages()) {
      Gae.normalize(advantages, 0, count * cols, 1e-8);
    }
    computed = true;
  }

  /**
   * Copies rows {@code idx[0..n)} (entries {@code t·E + e}) of a field of this buffer ({@link
   * #observations()}, {@link #actions()} with their widths, or a width-1 array such as {@link
   * #advantages()}) into {@code out}, row-major.
   */
  public void gather(double[] field, int width, int[] idx, int n, double[] out) {
    int entries = count * cols;
    for (int i = 0; i < n; i++) {
      int k = idx[i];
      if (k < 0 || k >= entries) {
        throw new IndexOutOfBoundsException(
            "entry " + k + " is not stored; stored entries: [0, " + entries + ")");
      }
      System.arraycopy(field, k * width, out, i * width, width);
    }
  }

  /**
   * Fills {@code out[0..count·E)} with a uniformly random permutation of the stored entries
   * (Fisher–Yates), for shuffled minibatches.
   */
  public void permutation(SplittableRandom rng, int[] out) {
    int n = count * cols;
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
  }

  /** Empties the buffer for the next rollout. */
  public void reset() {
    count = 0;
    computed = false;
    Arrays.fill(advantages, 0.0);
    Arrays.fill(returns, 0.0);
  }

  public int steps() {
    return steps;
  }

  public int cols() {
    return cols;
  }

  public int obsWidth() {
    return obsWidth;
  }

  public int actionWidth() {
    return actionWidth;
  }

  /** Steps stored so far. */
  public int count() {
    return count;
  }

  public boolean full() {
    return count == steps;
  }

  /** Whether advantages are computed for the stored steps. */
  public boolean computed() {
    return computed;
  }

  public double[] observations() {
    return obs;
  }

  public double[] actions() {
    return actions;
  }

  public double[] logProbs() {
    return logProbs;
  }

  public double[] values() {
    return values;
  }

  public double[] rewards() {
    return rewards;
  }

  public boolean[] terminated() {
    return terminated;
  }

  public boolean[] truncated() {
    return truncated;
  }

  public double[] finalValues() {
    return finalValues;
  }

  public double[] advantages() {
    return advantages;
  }

  public double[] returns() {
    return returns;
  }
}
