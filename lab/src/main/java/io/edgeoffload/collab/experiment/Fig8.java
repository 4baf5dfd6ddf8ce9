package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.ArrayList;
import java.util.List;

/** Fig. 8, EMH-PPO with 1 to 6 MDs (convergence of reward, latency and energy). */
public final class Fig8 {
  private Fig8() {}

  public static List<Convergence.Result> run(ExperimentOptions opt, RecipeRuns runs) {
    List<Convergence.Series> series = new ArrayList<>();
    for (int v = 1; v <= 6; v++) {
      List<String> sets = new ArrayList<>();
      sets.add("env.numDevices=" + v);
      series.add(new Convergence.Series("numDevices=" + v, "emh-ppo", sets));
    }
    return Convergence.run("COLLAB Fig. 8", series, opt, runs);
  }
}
