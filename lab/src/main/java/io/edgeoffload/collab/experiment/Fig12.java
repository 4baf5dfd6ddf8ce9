package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.ArrayList;
import java.util.List;

/**
 * Fig. 12: the latency–energy trade-off of EMH-PPO under β ∈ {5, 50, 200, 500}, and local-only
 * (whose values the paper reports the others relative to; the CSV has both). Local-only is drawn at
 * every β: its latency and energy do not depend on β, but its reward does (β weighs its energy in
 * eq. (8)), so each β's learner has its own reward reference.
 */
public final class Fig12 {
  private Fig12() {}

  public static List<Convergence.Result> run(ExperimentOptions opt, RecipeRuns runs) {
    List<Convergence.Series> series = new ArrayList<>();
    for (int beta : new int[] {5, 50, 200, 500}) {
      series.add(new Convergence.Series("beta=" + beta, "emh-ppo", List.of("env.beta=" + beta)));
    }
    for (int beta : new int[] {5, 50, 200, 500}) {
      series.add(
          new Convergence.Series(
              "local only beta=" + beta,
              "local-only",
              List.of("env.beta=" + beta),
              "beta=" + beta));
    }
    return Convergence.run("COLLAB Fig. 12", series, opt, runs);
  }
}
