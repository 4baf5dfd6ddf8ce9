package io.edgeoffload.ucms.baseline;

import io.edgeoffload.core.Policy;

/**
 * Every UD asks to offload at full power, with full CPU for the case its ES rejects it: x^u = f^u =
 * p^u = 1 (eqs. 21–23).
 */
public final class AllOffloadPolicy implements Policy {
  @Override
  public String id() {
    return "all-offload";
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    for (float[] a : actions) {
      a[0] = 1f;
      a[1] = 1f;
      a[2] = 1f;
    }
  }
}
