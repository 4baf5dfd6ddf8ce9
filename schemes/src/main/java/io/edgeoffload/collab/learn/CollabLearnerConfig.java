package io.edgeoffload.collab.learn;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;
import java.util.Arrays;

/**
 * The {@code learner} block of a COLLAB configuration file: the hyper-parameters EMH-PPO and its
 * learned baselines share. What tells the learners apart (the actor structure: embedded, per-agent
 * or single; per-task outputs and values) stays with the algorithm id ({@link CollabLearners}).
 * Validated on construction; the embedding widths must be non-empty, since EMH-PPO needs them.
 *
 * <p>{@link #paper()} holds Table III's values and ours where the paper gives none; a configuration
 * whose block equals it has the run ids it had before the block existed ({@code
 * CollabConfig#identityTree}).
 *
 * @param embedHidden widths of the embedding network (Sec. V-A: 512, 256)
 * @param agentHidden widths of each agent network (Sec. V-A: 256, 128, 64)
 * @param criticHidden widths of the critic (Sec. V-A: 256, 128, 64)
 * @param learningRate Adam step size (Table III: 1e-4)
 * @param rolloutSteps decisions collected per update
 * @param minibatch minibatch size (Table III: 256)
 * @param epochs passes over a rollout per update
 * @param gamma γ (Table III: 0.95)
 * @param lambda GAE λ
 * @param clip PPO's ε (Table III: 0.2)
 * @param entropyCoef entropy bonus weight
 * @param valueCoef value-loss weight
 * @param maxGradNorm gradient-norm clip per network (0: none)
 * @param initLogStd initial log σ of the power head (normalised units)
 * @param symlogRewards learn from sign(r)·ln(1 + |r|) instead of r: the literal channel model gives
 *     windows whose cost is 10⁶ times the usual (low power under co-channel interference), and
 *     those tails drown every other signal in r itself (docs/schemes/collab.md)
 */
public record CollabLearnerConfig(
    int[] embedHidden,
    int[] agentHidden,
    int[] criticHidden,
    double learningRate,
    int rolloutSteps,
    int minibatch,
    int epochs,
    double gamma,
    double lambda,
    double clip,
    double entropyCoef,
    double valueCoef,
    double maxGradNorm,
    double initLogStd,
    boolean symlogRewards) {

  public CollabLearnerConfig {
    embedHidden = Check.widths("embedHidden", embedHidden);
    agentHidden = Check.widths("agentHidden", agentHidden);
    criticHidden = Check.widths("criticHidden", criticHidden);
    if (embedHidden.length == 0) {
      throw new ConfigException("embedHidden", "[]", "EMH-PPO needs an embedding layer");
    }
    Check.positive("learningRate", learningRate);
    Check.range("rolloutSteps", rolloutSteps, 1, 1 << 22);
    Check.range("minibatch", minibatch, 1, 1 << 22);
    Check.range("epochs", epochs, 1, 1000);
    Check.range("gamma", gamma, 0.0, 1.0);
    Check.range("lambda", lambda, 0.0, 1.0);
    if (!(clip > 0 && clip < 1)) {
      throw new ConfigException("clip", clip, "must lie in (0, 1)");
    }
    Check.nonNegative("entropyCoef", entropyCoef);
    Check.positive("valueCoef", valueCoef);
    Check.nonNegative("maxGradNorm", maxGradNorm);
    Check.range("initLogStd", initLogStd, -20.0, 5.0);
  }

  /**
   * Table III's values, and ours where the paper gives none: rollouts of 1024 decisions, 4 epochs,
   * λ = 0.95, entropy 0.01, value weight 0.5, gradient norm 0.5, initial log σ −0.5, symlog
   * rewards.
   */
  public static CollabLearnerConfig paper() {
    return new CollabLearnerConfig(
        new int[] {512, 256},
        new int[] {256, 128, 64},
        new int[] {256, 128, 64},
        1e-4,
        1024,
        256,
        4,
        0.95,
        0.95,
        0.2,
        0.01,
        0.5,
        0.5,
        -0.5,
        true);
  }

  /** The same with another rollout length, minibatch, epochs and learning rate. */
  public CollabLearnerConfig withSchedule(int rollout, int batch, int passes, double lr) {
    return new CollabLearnerConfig(
        embedHidden,
        agentHidden,
        criticHidden,
        lr,
        rollout,
        batch,
        passes,
        gamma,
        lambda,
        clip,
        entropyCoef,
        valueCoef,
        maxGradNorm,
        initLogStd,
        symlogRewards);
  }

  @Override
  public int[] embedHidden() {
    return embedHidden.clone();
  }

  @Override
  public int[] agentHidden() {
    return agentHidden.clone();
  }

  @Override
  public int[] criticHidden() {
    return criticHidden.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CollabLearnerConfig c && toString().equals(c.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return widthsText() + " " + restText();
  }

  /** The three width lists, as {@link #toString()} and the checkpoints write them. */
  String widthsText() {
    return String.join(
        " ",
        Arrays.toString(embedHidden),
        Arrays.toString(agentHidden),
        Arrays.toString(criticHidden));
  }

  /** Everything but the widths, as {@link #toString()} and the checkpoints write it. */
  String restText() {
    return String.join(
        " ",
        "lr=" + learningRate,
        "rollout=" + rolloutSteps,
        "mb=" + minibatch,
        "epochs=" + epochs,
        "gamma=" + gamma,
        "lambda=" + lambda,
        "clip=" + clip,
        "ent=" + entropyCoef,
        "vf=" + valueCoef,
        "gn=" + maxGradNorm,
        "logstd=" + initLogStd,
        "symlog=" + symlogRewards);
  }
}
