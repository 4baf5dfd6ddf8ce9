package io.edgeoffload.rl.ppo;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;

/**
 * Every hyper-parameter of {@link Ppo}, validated on construction.
 *
 * @param policyHidden hidden widths of the policy network (tanh)
 * @param valueHidden hidden widths of the value network (tanh)
 * @param learningRate Adam step size of both networks and of the shared log σ
 * @param annealLearningRate decay the step size linearly to 0 over {@code totalSteps}
 * @param totalSteps environment steps of the whole run (for annealing)
 * @param rolloutSteps steps collected per update (each step holds every agent)
 * @param epochs passes over a rollout per update
 * @param minibatches minibatches per epoch (per network)
 * @param gamma discount factor
 * @param lambda GAE λ
 * @param clip PPO's ε: the ratio is clipped to [1 − ε, 1 + ε]
 * @param entropyCoef weight of the entropy bonus
 * @param valueCoef weight of the value loss (scales the value network's gradient)
 * @param maxGradNorm global gradient-norm clip per network (0: none)
 * @param normalizeAdvantages normalise advantages over the rollout
 * @param initLogStd initial log σ of the Gaussian head (normalised action units)
 * @param targetKl stop an update's epochs early once the approximate KL exceeds this (0: never)
 * @param shareParameters one policy and one value network for all agents; otherwise one each
 */
public record PpoConfig(
    int[] policyHidden,
    int[] valueHidden,
    double learningRate,
    boolean annealLearningRate,
    long totalSteps,
    int rolloutSteps,
    int epochs,
    int minibatches,
    double gamma,
    double lambda,
    double clip,
    double entropyCoef,
    double valueCoef,
    double maxGradNorm,
    boolean normalizeAdvantages,
    double initLogStd,
    double targetKl,
    boolean shareParameters) {

  public PpoConfig {
    policyHidden = Check.widths("policyHidden", policyHidden);
    valueHidden = Check.widths("valueHidden", valueHidden);
    Check.positive("learningRate", learningRate);
    if (totalSteps < 1) {
      throw new ConfigException("totalSteps", totalSteps, "must be at least 1");
    }
    Check.range("rolloutSteps", rolloutSteps, 1, 1 << 24);
    Check.range("epochs", epochs, 1, 10_000);
    Check.range("minibatches", minibatches, 1, 1 << 20);
    Check.range("gamma", gamma, 0.0, 1.0);
    Check.range("lambda", lambda, 0.0, 1.0);
    if (!(clip > 0 && clip < 1)) {
      throw new ConfigException("clip", clip, "must lie in (0, 1)");
    }
    Check.nonNegative("entropyCoef", entropyCoef);
    Check.positive("valueCoef", valueCoef);
    Check.nonNegative("maxGradNorm", maxGradNorm);
    Check.range("initLogStd", initLogStd, -20.0, 5.0);
    Check.nonNegative("targetKl", targetKl);
  }

  /**
   * The usual PPO defaults (Schulman et al. 2017; the CleanRL settings): 64-64 tanh networks, Adam
   * 3e-4 annealed, 2048-step rollouts, 10 epochs of 32 minibatches, γ = 0.99, λ = 0.95, ε = 0.2, no
   * entropy bonus, value coefficient 0.5, clipping at 0.5, shared parameters.
   */
  public static PpoConfig defaults() {
    return new PpoConfig(
        new int[] {64, 64},
        new int[] {64, 64},
        3e-4,
        true,
        1_000_000,
        2048,
        10,
        32,
        0.99,
        0.95,
        0.2,
        0.0,
        0.5,
        0.5,
        true,
        0.0,
        0.0,
        true);
  }

  @Override
  public int[] policyHidden() {
    return policyHidden.clone();
  }

  @Override
  public int[] valueHidden() {
    return valueHidden.clone();
  }

  /** A copy with {@code key=value} assignments applied, validated like a config file. */
  public PpoConfig with(String... assignments) {
    return ConfigLoader.with(this, PpoConfig.class, assignments);
  }

  /** Records compare arrays by reference; a config compares as its tree, hidden widths by value. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PpoConfig c && toTree().equals(c.toTree());
  }

  @Override
  public int hashCode() {
    return toTree().hashCode();
  }

  @Override
  public String toString() {
    return "PpoConfig" + toTree();
  }

  private com.fasterxml.jackson.databind.JsonNode toTree() {
    return ConfigLoader.toTree(this);
  }
}
