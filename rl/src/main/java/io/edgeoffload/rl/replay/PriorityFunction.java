package io.edgeoffload.rl.replay;

/**
 * The priority of a transition from its reward and its latest TD error. Implementations return a
 * finite value > 0 for finite inputs, so that every transition stays drawable.
 */
@FunctionalInterface
public interface PriorityFunction {
  /**
   * @param reward the transition's reward r
   * @param tdError its TD error δ = y − Q under the current networks
   * @return the priority p > 0
   */
  double priority(double reward, double tdError);
}
