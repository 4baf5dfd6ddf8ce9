package io.edgeoffload.rl.toy;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.space.Box;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One-step episodes with a known optimum, for "does it learn" tests: each agent observes a row
 * drawn by {@code observe}, acts, and every agent receives {@code reward(obs, actions)[i]}; the
 * episode then terminates.
 */
public final class OneStepGame implements ParallelEnv {

  /** Fills the observations for a new episode. */
  public interface Observer {
    void observe(SplittableRandom rng, float[][] obs);
  }

  /** Rewards for every agent from the observations and actions. */
  public interface Reward {
    void reward(float[][] obs, float[][] actions, double[] out);
  }

  private final int agents;
  private final Box obsSpace;
  private final Box actionSpace;
  private final Observer observer;
  private final Reward reward;
  private final float[][] obs;
  private final StepResult result;
  private SplittableRandom rng = new SplittableRandom(0);

  public OneStepGame(int agents, Box obsSpace, Box actionSpace, Observer observer, Reward reward) {
    this.agents = agents;
    this.obsSpace = obsSpace;
    this.actionSpace = actionSpace;
    this.observer = observer;
    this.reward = reward;
    this.obs = new float[agents][obsSpace.dim()];
    this.result = new StepResult(agents, obsSpace.dim(), 0);
  }

  @Override
  public String id() {
    return "one-step-v0";
  }

  @Override
  public int numAgents() {
    return agents;
  }

  @Override
  public Box observationSpace(int agent) {
    return obsSpace;
  }

  @Override
  public Box actionSpace(int agent) {
    return actionSpace;
  }

  @Override
  public List<String> infoKeys() {
    return List.of();
  }

  @Override
  public float[][] reset(long seed) {
    rng = new SplittableRandom(seed);
    observer.observe(rng, obs);
    return obs;
  }

  @Override
  public StepResult step(float[][] actions) {
    reward.reward(obs, actions, result.rewards());
    for (int i = 0; i < agents; i++) {
      result.terminated()[i] = true;
      result.truncated()[i] = false;
      System.arraycopy(obs[i], 0, result.observations()[i], 0, obs[i].length);
    }
    return result;
  }

  @Override
  public float[] globalState() {
    float[] s = new float[agents * obsSpace.dim()];
    for (int i = 0; i < agents; i++) {
      System.arraycopy(obs[i], 0, s, i * obsSpace.dim(), obsSpace.dim());
    }
    return s;
  }
}
