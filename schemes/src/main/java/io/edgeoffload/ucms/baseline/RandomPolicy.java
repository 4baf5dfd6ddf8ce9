package io.edgeoffload.ucms.baseline;

import io.edgeoffload.core.Policy;
import java.util.SplittableRandom;

/** Every UD draws x^u, f^u, p^u uniformly from [0, 1] (eq. 21), from the episode's seed. */
public final class RandomPolicy implements Policy {
  private SplittableRandom rng = new SplittableRandom(0);

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
    for (float[] a : actions) {
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) rng.nextDouble();
      }
    }
  }
}
