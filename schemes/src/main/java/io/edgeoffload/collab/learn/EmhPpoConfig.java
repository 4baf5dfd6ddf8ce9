package io.edgeoffload.collab.learn;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;
import java.util.Arrays;

/**
 * Every hyper-parameter of {@link EmhPpo} and of the learned baselines built from it, validated on
 * construction.
 *
 * @param actors {@code embedded}: a shared embedding network and one agent network per MD (EMH-PPO,
 *     Sec. IV-C); {@code per-agent}: one actor per MD on the raw state (MAHPPO [7]); {@code
 *     single}: one actor deciding for every MD (H-PPO [41])
 * @param perTask per-task outputs for each of the W_max tasks of a window, masked beyond the chosen
 *     window (EMH-PPO); otherwise one decision per MD applied to all its tasks
 * @param embedHidden widths of the embedding network (GELU; Sec. V-A: 512, 256)
 * @param agentHidden widths of each agent network (ReLU; Sec. V-A: 256, 128, 64)
 * @param criticHidden widths of the critic (ReLU; Sec. V-A: 256, 128, 64)
 * @param perTaskValues the critic outputs one value per task slot (EMH-PPO), else one
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
public record EmhPpoConfig(
    String actors,
    boolean perTask,
    int[] embedHidden,
    int[] agentHidden,
    int[] criticHidden,
    boolean perTaskValues,
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

  public static final String EMBEDDED = "embedded";
  public static final String PER_AGENT = "per-agent";
  public static final String SINGLE = "single";

  public EmhPpoConfig {
    Check.oneOf("actors", actors, EMBEDDED, PER_AGENT, SINGLE);
    embedHidden = Check.widths("embedHidden", embedHidden);
    agentHidden = Check.widths("agentHidden", agentHidden);
    criticHidden = Check.widths("criticHidden", criticHidden);
    if (actors.equals(EMBEDDED) && embedHidden.length == 0) {
      throw new ConfigException("embedHidden", "[]", "the embedded actor needs an embedding layer");
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

  /** EMH-PPO as Sec. IV-C/D and Table III give it; rollout, epochs, λ and the rest are ours. */
  public static EmhPpoConfig emhPpo() {
    return new EmhPpoConfig(
        EMBEDDED,
        true,
        new int[] {512, 256},
        new int[] {256, 128, 64},
        new int[] {256, 128, 64},
        true,
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

  /** MAHPPO [7]: one hybrid actor per MD, one decision per MD and window, a scalar critic. */
  public static EmhPpoConfig mahppo() {
    return emhPpo().withActors(PER_AGENT, false, false);
  }

  /** H-PPO [41]: one hybrid actor for all MDs, one decision per MD and window. */
  public static EmhPpoConfig hppo() {
    return emhPpo().withActors(SINGLE, false, false);
  }

  /** The same hyper-parameters with another actor structure. */
  public EmhPpoConfig withActors(String a, boolean tasks, boolean taskValues) {
    return new EmhPpoConfig(
        a,
        tasks,
        embedHidden,
        agentHidden,
        criticHidden,
        taskValues,
        learningRate,
        rolloutSteps,
        minibatch,
        epochs,
        gamma,
        lambda,
        clip,
        entropyCoef,
        valueCoef,
        maxGradNorm,
        initLogStd,
        symlogRewards);
  }

  /** The same with another rollout length, minibatch, epochs and learning rate. */
  public EmhPpoConfig withSchedule(int rollout, int batch, int passes, double lr) {
    return new EmhPpoConfig(
        actors,
        perTask,
        embedHidden,
        agentHidden,
        criticHidden,
        perTaskValues,
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
    return o instanceof EmhPpoConfig c && toString().equals(c.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return String.join(
        " ",
        actors,
        "perTask=" + perTask,
        Arrays.toString(embedHidden),
        Arrays.toString(agentHidden),
        Arrays.toString(criticHidden),
        "perTaskValues=" + perTaskValues,
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
