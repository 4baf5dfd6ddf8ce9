package io.edgeoffload.rl.replay;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;

/**
 * Proportional prioritised replay (Schaul et al., "Prioritized Experience Replay", 2016).
 *
 * @param alpha α ∈ [0, 1]: a transition of priority p is drawn with probability p^α / Σ p^α (Schaul
 *     eq. 1); 0 is uniform, 1 is fully proportional (the UCMS reading, eq. 30)
 * @param beta0 β₀ ∈ [0, 1], the importance-sampling exponent at step 0; β rises linearly to 1
 * @param betaSteps steps (calls of {@link PrioritizedReplay#sample}) over which β reaches 1, ≥ 1
 * @param epsilon ε > 0 of the TD-error priority |δ| + ε ({@link #tdErrorPriority}), so that no
 *     transition's probability is 0
 * @param capacity transitions kept (1 … 2³⁰)
 */
public record PerConfig(double alpha, double beta0, long betaSteps, double epsilon, int capacity) {
  public PerConfig {
    Check.range("alpha", alpha, 0.0, 1.0);
    Check.range("beta0", beta0, 0.0, 1.0);
    if (betaSteps < 1) {
      throw new ConfigException("betaSteps", betaSteps, "must be >= 1");
    }
    Check.positive("epsilon", epsilon);
    Check.range("capacity", capacity, 1, 1 << 30);
  }

  /**
   * Schaul et al.'s proportional variant on Atari (their Table 3): α = 0.6, β₀ = 0.4; the paper
   * asks only for "a small positive constant" ε, 10⁻⁶ here.
   */
  public static PerConfig schaul(int capacity, long betaSteps) {
    return new PerConfig(0.6, 0.4, betaSteps, 1e-6, capacity);
  }

  /** The TD-error priority |δ| + ε with this configuration's ε. */
  public PriorityFunction tdErrorPriority() {
    return new TdErrorPriority(epsilon);
  }

  /** β after {@code step} sampling steps: β₀ + (1 − β₀)·min(1, step / betaSteps). */
  public double beta(long step) {
    if (step >= betaSteps) {
      return 1.0;
    }
    return beta0 + (1.0 - beta0) * ((double) Math.max(step, 0) / betaSteps);
  }
}
