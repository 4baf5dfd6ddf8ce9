package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.List;

/**
 * Fig. 6: convergence of EMH-PPO against AgileNN, MAHPPO and H-PPO, with local inference as the
 * reference: (a) reward, (b) total latency, (c) energy per task, (d) waiting time per task. Not in
 * the paper: {@code round-robin}, a fixed schedule of one decision per MD and window, as a second
 * reference for what such decisions can reach, and {@code rotation}, the best full-window schedule
 * we know (the windows eq. 8's return favours, docs/model-notes.md COLLAB 12).
 */
public final class Fig6 {
  private Fig6() {}

  public static List<Convergence.Result> run(ExperimentOptions opt, RecipeRuns runs) {
    return Convergence.run(
        "COLLAB Fig. 6",
        List.of(
            new Convergence.Series("EMH-PPO", "emh-ppo", List.of()),
            new Convergence.Series("AgileNN", "agilenn", List.of()),
            new Convergence.Series("MAHPPO", "mahppo", List.of()),
            new Convergence.Series("H-PPO", "h-ppo", List.of()),
            new Convergence.Series("local only", "local-only", List.of()),
            new Convergence.Series("round-robin", "round-robin", List.of()),
            new Convergence.Series("rotation", "rotation", List.of())),
        opt,
        runs);
  }
}
