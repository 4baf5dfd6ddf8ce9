package io.edgeoffload.rl.maddpg;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;

/**
 * Every hyper-parameter of {@link Maddpg} (and of DDPG, its one-agent case), validated on
 * construction. Actions are learned in normalised units [−1, 1] and mapped to each agent's action
 * box only when they reach the environment, so noise is in those units too.
 *
 * @param actorHidden hidden widths of each actor (ReLU; tanh output)
 * @param criticHidden hidden widths of each critic (ReLU; linear output)
 * @param actorLr Adam step size of the actors
 * @param criticLr Adam step size of the critics
 * @param gamma discount factor, in [0, 1]
 * @param tau soft target update rate θ' ← τθ + (1 − τ)θ', in (0, 1]
 * @param batchSize transitions per gradient step
 * @param bufferCapacity replay capacity in (joint) transitions
 * @param warmupSteps environment steps with uniformly random actions before learning starts
 * @param updateEvery environment steps between update rounds
 * @param gradientSteps gradient steps per update round
 * @param noiseStd initial standard deviation of the Gaussian exploration noise
 * @param noiseDecay multiplies the noise standard deviation after every environment step
 * @param noiseMin floor of the noise standard deviation
 * @param maxGradNorm global gradient-norm clip of every network (0: none)
 * @param parameterSharing one actor and one critic for all agents (the critic sees the agent's own
 *     observation and action first); otherwise one of each per agent, as in MADDPG
 * @param replay {@code uniform}, {@code td} (proportional PER on |δ|) or {@code reward-td} (the
 *     UCMS trade-off of eqs. 27–29)
 * @param perAlpha priority exponent α
 * @param perBeta0 initial importance-sampling exponent β₀ (annealed to 1)
 * @param perBetaSteps gradient steps over which β reaches 1
 * @param perEpsilon ε added to priorities
 * @param rewardWeight υ_r of UCMS eq. (29) (for {@code reward-td})
 * @param rewardScale multiplies rewards before they are stored
 * @param lossWeights how the critic loss weights each sample: {@code importance} (prioritised
 *     replay's importance-sampling weights; none under uniform replay) or {@code priority} (the
 *     sample's raw priority η divided by the batch mean, the η-weighted loss of UCMS eq. 33)
 * @param targetNoise σ of Gaussian noise added to the target actors' actions in the critics'
 *     targets, in normalised units (TD3's target policy smoothing; 0: none, as in MADDPG)
 * @param targetNoiseClip the target noise is clipped to ±this (used when {@code targetNoise > 0})
 * @param policyDelay actors and target networks are updated on every {@code policyDelay}-th
 *     gradient step, the critics on every one (TD3's delayed policy updates; 1: every step)
 */
public record MaddpgConfig(
    int[] actorHidden,
    int[] criticHidden,
    double actorLr,
    double criticLr,
    double gamma,
    double tau,
    int batchSize,
    int bufferCapacity,
    int warmupSteps,
    int updateEvery,
    int gradientSteps,
    double noiseStd,
    double noiseDecay,
    double noiseMin,
    double maxGradNorm,
    boolean parameterSharing,
    String replay,
    double perAlpha,
    double perBeta0,
    long perBetaSteps,
    double perEpsilon,
    double rewardWeight,
    double rewardScale,
    String lossWeights,
    double targetNoise,
    double targetNoiseClip,
    int policyDelay) {

  public MaddpgConfig {
    actorHidden = Check.widths("actorHidden", actorHidden);
    criticHidden = Check.widths("criticHidden", criticHidden);
    Check.positive("actorLr", actorLr);
    Check.positive("criticLr", criticLr);
    Check.range("gamma", gamma, 0.0, 1.0);
    if (!(tau > 0 && tau <= 1)) {
      throw new ConfigException("tau", tau, "must lie in (0, 1]");
    }
    Check.range("batchSize", batchSize, 1, 1 << 20);
    Check.range("bufferCapacity", bufferCapacity, 1, 1 << 28);
    if (bufferCapacity < batchSize) {
      throw new ConfigException(
          "bufferCapacity", bufferCapacity, "must be at least batchSize (" + batchSize + ")");
    }
    Check.range("warmupSteps", warmupSteps, 0, Integer.MAX_VALUE);
    Check.range("updateEvery", updateEvery, 1, Integer.MAX_VALUE);
    Check.range("gradientSteps", gradientSteps, 1, Integer.MAX_VALUE);
    Check.nonNegative("noiseStd", noiseStd);
    Check.range("noiseDecay", noiseDecay, 0.0, 1.0);
    Check.nonNegative("noiseMin", noiseMin);
    Check.nonNegative("maxGradNorm", maxGradNorm);
    Check.oneOf("replay", replay, "uniform", "td", "reward-td");
    Check.positive("perAlpha", perAlpha);
    Check.range("perBeta0", perBeta0, 0.0, 1.0);
    if (perBetaSteps < 1) {
      throw new ConfigException("perBetaSteps", perBetaSteps, "must be at least 1");
    }
    Check.positive("perEpsilon", perEpsilon);
    Check.range("rewardWeight", rewardWeight, 0.0, 1.0);
    Check.positive("rewardScale", rewardScale);
    Check.oneOf("lossWeights", lossWeights, "importance", "priority");
    if (lossWeights.equals("priority") && replay.equals("uniform")) {
      throw new ConfigException(
          "lossWeights", lossWeights, "needs prioritised replay (replay=td or reward-td)");
    }
    Check.nonNegative("targetNoise", targetNoise);
    Check.nonNegative("targetNoiseClip", targetNoiseClip);
    if (targetNoise > 0 && !(targetNoiseClip > 0)) {
      throw new ConfigException(
          "targetNoiseClip", targetNoiseClip, "must be > 0 when targetNoise > 0");
    }
    Check.range("policyDelay", policyDelay, 1, 1 << 20);
  }

  /**
   * Defaults in the range the DDPG/MADDPG papers use: actors 64-64, critics 512-512, Adam 1e-3, γ =
   * 0.95, τ = 0.01, batch 64, 10⁵ transitions, 1000 warm-up steps, noise 0.1, uniform replay.
   */
  public static MaddpgConfig defaults() {
    return new MaddpgConfig(
        new int[] {64, 64},
        new int[] {512, 512},
        1e-3,
        1e-3,
        0.95,
        0.01,
        64,
        100_000,
        1000,
        1,
        1,
        0.1,
        1.0,
        0.0,
        0.0,
        false,
        "uniform",
        0.6,
        0.4,
        100_000,
        1e-6,
        0.5,
        1.0,
        "importance",
        0.0,
        0.0,
        1);
  }

  @Override
  public int[] actorHidden() {
    return actorHidden.clone();
  }

  @Override
  public int[] criticHidden() {
    return criticHidden.clone();
  }

  /**
   * A copy with {@code key=value} assignments applied (the syntax of {@code --set}), validated like
   * a config file: {@code cfg.with("tau=0.05", "replay=td")}.
   */
  public MaddpgConfig with(String... assignments) {
    return ConfigLoader.with(this, MaddpgConfig.class, assignments);
  }

  /** Records compare arrays by reference; a config compares as its tree, hidden widths by value. */
  @Override
  public boolean equals(Object o) {
    return o instanceof MaddpgConfig c && toTree().equals(c.toTree());
  }

  @Override
  public int hashCode() {
    return toTree().hashCode();
  }

  @Override
  public String toString() {
    return "MaddpgConfig" + toTree();
  }

  private com.fasterxml.jackson.databind.JsonNode toTree() {
    return ConfigLoader.toTree(this);
  }
}
