package io.edgeoffload.collab.baseline;

import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.core.Policy;
import java.util.SplittableRandom;

/** Uniform samples from the action space for every MD and task. */
public final class RandomPolicy implements Policy {
  private final CollabEnvBase env;
  private SplittableRandom rng = new SplittableRandom(0);

  public RandomPolicy(CollabEnvBase env) {
    this.env = env;
  }

  @Override
  public String id() {
    return "random";
  }

  @Override
  public void reset(long seed) {
    rng = new SplittableRandom(seed);
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    for (int i = 0; i < actions.length; i++) {
      env.actionSpace(i).sample(rng, actions[i]);
    }
  }
}
