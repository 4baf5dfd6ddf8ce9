package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.List;

/**
 * Fig. 7(a)(b): EMH-PPO under the task-aware MDP against EMH-PPO under the time-based MDP with 10,
 * 50 and 300 ms slots; latency and energy are comparable across the two (the rewards differ).
 */
public final class Fig7 {
  private Fig7() {}

  public static List<Convergence.Result> run(ExperimentOptions opt, RecipeRuns runs) {
    return Convergence.run(
        "COLLAB Fig. 7",
        List.of(
            new Convergence.Series("task-aware", "emh-ppo", List.of()),
            new Convergence.Series(
                "time-based 10 ms", "emh-ppo-slotted", List.of("env.slotLength=10 ms")),
            new Convergence.Series(
                "time-based 50 ms", "emh-ppo-slotted", List.of("env.slotLength=50 ms")),
            new Convergence.Series(
                "time-based 300 ms", "emh-ppo-slotted", List.of("env.slotLength=300 ms")),
            new Convergence.Series("local only", "local-only", List.of())),
        opt,
        runs);
  }
}
