package io.edgeoffload.rl.toy;

import io.edgeoffload.core.Learner;
import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.metrics.MetricsSink;

/** The training loop of {@link Learner}'s documentation, for tests. */
public final class Training {
  private Training() {}

  /** Trains for {@code steps} environment steps; episode e is reset with seed {@code seed + e}. */
  public static void train(ParallelEnv env, Learner learner, int steps, long seed) {
    int agents = env.numAgents();
    float[][] actions = new float[agents][env.actionSpace(0).dim()];
    float[][] obs = copy(env.reset(seed));
    long episode = 0;
    for (int t = 0; t < steps; t++) {
      learner.explore(obs, actions);
      StepResult r = env.step(actions);
      learner.observe(obs, actions, r);
      learner.update(MetricsSink.NONE);
      obs = copy(r.done() ? env.reset(seed + ++episode) : r.observations());
    }
  }

  /** Mean total reward per agent-step of the evaluation policy over {@code episodes}. */
  public static double evaluate(ParallelEnv env, Learner learner, int episodes, long seed) {
    int agents = env.numAgents();
    float[][] actions = new float[agents][env.actionSpace(0).dim()];
    double sum = 0;
    long n = 0;
    for (int e = 0; e < episodes; e++) {
      float[][] obs = copy(env.reset(seed + e));
      learner.reset(seed + e);
      while (true) {
        learner.act(obs, actions);
        StepResult r = env.step(actions);
        for (int i = 0; i < agents; i++) {
          sum += r.rewards()[i];
          n++;
        }
        if (r.done()) {
          break;
        }
        obs = copy(r.observations());
      }
    }
    return sum / n;
  }

  static float[][] copy(float[][] a) {
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
