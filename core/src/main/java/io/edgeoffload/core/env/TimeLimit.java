package io.edgeoffload.core.env;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.space.Box;
import java.util.List;

/**
 * Truncates episodes after a fixed number of steps (Gymnasium's TimeLimit). Environments model an
 * ongoing system and never end by themselves for lack of time; this wrapper does.
 */
public final class TimeLimit implements ParallelEnv {
  private final ParallelEnv inner;
  private final int maxSteps;
  private int steps;

  public TimeLimit(ParallelEnv inner, int maxSteps) {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps = " + maxSteps + "; allowed: >= 1");
    }
    this.inner = inner;
    this.maxSteps = maxSteps;
  }

  public ParallelEnv inner() {
    return inner;
  }

  public int maxSteps() {
    return maxSteps;
  }

  public int steps() {
    return steps;
  }

  @Override
  public String id() {
    return inner.id();
  }

  @Override
  public int numAgents() {
    return inner.numAgents();
  }

  @Override
  public Box observationSpace(int agent) {
    return inner.observationSpace(agent);
  }

  @Override
  public Box actionSpace(int agent) {
    return inner.actionSpace(agent);
  }

  @Override
  public List<String> infoKeys() {
    return inner.infoKeys();
  }

  @Override
  public float[][] reset(long seed) {
    steps = 0;
    return inner.reset(seed);
  }

  @Override
  public StepResult step(float[][] actions) {
    if (steps >= maxSteps) {
      throw new IllegalStateException("episode over after " + maxSteps + " steps: call reset");
    }
    StepResult r = inner.step(actions);
    steps++;
    if (steps >= maxSteps) {
      boolean[] truncated = r.truncated();
      boolean[] terminated = r.terminated();
      for (int i = 0; i < truncated.length; i++) {
        truncated[i] = !terminated[i];
      }
    }
    return r;
  }

  @Override
  public float[] globalState() {
    return inner.globalState();
  }
}
