package io.edgeoffload.rl.rollout;

import io.edgeoffload.core.config.Check;

/**
 * Generalised advantage estimation (Schulman et al., "High-Dimensional Continuous Control Using
 * Generalized Advantage Estimation", 2016).
 *
 * @param gamma γ ∈ [0, 1], the discount
 * @param lambda λ ∈ [0, 1]: 0 gives the one-step TD error, 1 the Monte-Carlo return minus V
 * @param normalizeAdvantages whether {@link RolloutBuffer#computeAdvantages} rescales the
 *     advantages of the whole rollout to mean 0 and standard deviation 1
 */
public record GaeConfig(double gamma, double lambda, boolean normalizeAdvantages) {
  public GaeConfig {
    Check.range("gamma", gamma, 0.0, 1.0);
    Check.range("lambda", lambda, 0.0, 1.0);
  }
}
