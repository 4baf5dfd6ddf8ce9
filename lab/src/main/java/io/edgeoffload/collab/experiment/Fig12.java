package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.ArrayList;
import java.util.List;

/**
 * Fig. 12: the latency–energy trade-off of EMH-PPO under β ∈ {5, 50, 200, 500}, and local-only
 * (whose values the paper reports the others relative to; the CSV has both).
 */
public final class Fig12 {
  private Fig12() {}

  public static List<Convergence.Result> run(ExperimentOptions opt, RecipeRuns runs) {
    List<Convergence.Series> series = new ArrayList<>();
    for (int beta : new int[] {5, 50, 200, 500}) {
      series.add(new Convergence.Series("beta=" + beta, "emh-ppo", List.of("env.beta=" + beta)));
    }
    series.add(new Convergence.Series("local only", "local-only", List.of()));
    return Convergence.run("COLLAB Fig. 12", series, opt, runs);
  }
}
