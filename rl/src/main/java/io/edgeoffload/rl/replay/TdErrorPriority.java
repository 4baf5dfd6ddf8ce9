package io.edgeoffload.rl.replay;

import io.edgeoffload.core.config.Check;

/**
 * The standard priority p = |δ| + ε (Schaul et al., Sec. 3.3, proportional variant; UCMS eq. (28)
 * names it η_δ). The reward is ignored.
 *
 * @param epsilon ε > 0
 */
public record TdErrorPriority(double epsilon) implements PriorityFunction {
  public TdErrorPriority {
    Check.positive("epsilon", epsilon);
  }

  @Override
  public double priority(double reward, double tdError) {
    return Math.abs(tdError) + epsilon; // UCMS eq. (28)
  }
}
