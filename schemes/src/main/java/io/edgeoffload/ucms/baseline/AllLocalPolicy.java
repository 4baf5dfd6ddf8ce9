package io.edgeoffload.ucms.baseline;

import io.edgeoffload.core.Policy;

/** Every UD computes locally at full CPU frequency: x^u = 0, f^u = 1 (eqs. 21–22). */
public final class AllLocalPolicy implements Policy {
  @Override
  public String id() {
    return "all-local";
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    for (float[] a : actions) {
      a[0] = 0f;
      a[1] = 1f;
      a[2] = 1f;
    }
  }
}
