package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.List;

/** Fig. 11: every algorithm with 4 MDs and 1 to 6 servers. */
public final class Fig11 {
  private Fig11() {}

  public static void run(ExperimentOptions opt, RecipeRuns runs) {
    Sweep.run(
        "COLLAB Fig. 11",
        "numServers",
        new int[] {1, 2, 3, 4, 5, 6},
        List.of("env.numDevices=4"),
        opt,
        runs);
  }
}
