package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.List;

/** Fig. 10: every algorithm with 1 to 6 MDs (2 servers). */
public final class Fig10 {
  private Fig10() {}

  public static void run(ExperimentOptions opt, RecipeRuns runs) {
    Sweep.run("COLLAB Fig. 10", "numDevices", new int[] {1, 2, 3, 4, 5, 6}, List.of(), opt, runs);
  }
}
