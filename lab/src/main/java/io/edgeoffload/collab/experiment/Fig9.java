package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.ArrayList;
import java.util.List;

/** Fig. 9, EMH-PPO with 4 MDs and 1 to 6 servers (convergence of reward, latency and energy). */
public final class Fig9 {
  private Fig9() {}

  public static List<Convergence.Result> run(ExperimentOptions opt, RecipeRuns runs) {
    List<Convergence.Series> series = new ArrayList<>();
    for (int v = 1; v <= 6; v++) {
      List<String> sets = new ArrayList<>();
      sets.add("env.numDevices=4");
      sets.add("env.numServers=" + v);
      series.add(new Convergence.Series("numServers=" + v, "emh-ppo", sets));
    }
    return Convergence.run("COLLAB Fig. 9", series, opt, runs);
  }
}
