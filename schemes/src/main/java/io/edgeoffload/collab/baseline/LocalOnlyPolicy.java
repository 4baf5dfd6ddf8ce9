package io.edgeoffload.collab.baseline;

import io.edgeoffload.collab.CollabActions;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.core.Policy;

/** Local inference only (Sec. V-A): every MD runs the whole model, W_max tasks per window. */
public final class LocalOnlyPolicy implements Policy {
  private final int wMax;
  private final int local;

  public LocalOnlyPolicy(CollabEnvBase env) {
    this.wMax = env.config().windowMax();
    this.local = env.workload().localIndex();
  }

  @Override
  public String id() {
    return "local-only";
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    for (float[] row : actions) {
      CollabActions.fill(row, wMax, wMax, local, 0, 0, 0.0);
    }
  }
}
