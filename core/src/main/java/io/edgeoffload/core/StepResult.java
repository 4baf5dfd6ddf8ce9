package io.edgeoffload.core;

/**
 * What one step returns. The arrays are owned and reused by the environment: copy what you keep.
 * Termination (the task is over) and truncation (a time limit) are kept apart, as in Gymnasium.
 */
public final class StepResult {
  private final float[][] observations;
  private final double[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private final double[] info;

  public StepResult(int agents, int obsDim, int infoSize) {
    this.observations = new float[agents][obsDim];
    this.rewards = new double[agents];
    this.terminated = new boolean[agents];
    this.truncated = new boolean[agents];
    this.info = new double[infoSize];
  }

  public float[][] observations() {
    return observations;
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

  /** Per-step metrics, in the order of {@link ParallelEnv#infoKeys()}. */
  public double[] info() {
    return info;
  }

  /** True when every agent is terminated or truncated. */
  public boolean done() {
    for (int i = 0; i < rewards.length; i++) {
      if (!terminated[i] && !truncated[i]) {
        return false;
      }
    }
    return true;
  }
}
