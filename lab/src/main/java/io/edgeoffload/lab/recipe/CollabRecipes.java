package io.edgeoffload.lab.recipe;

import io.edgeoffload.collab.experiment.ExperimentOptions;
import io.edgeoffload.collab.experiment.Fig10;
import io.edgeoffload.collab.experiment.Fig11;
import io.edgeoffload.collab.experiment.Fig12;
import io.edgeoffload.collab.experiment.Fig6;
import io.edgeoffload.collab.experiment.Fig7;
import io.edgeoffload.collab.experiment.Fig8;
import io.edgeoffload.collab.experiment.Fig9;
import io.edgeoffload.collab.experiment.Table4;
import io.edgeoffload.collab.experiment.Table5;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The COLLAB figures and tables (Sec. V) as recipes over the experiment classes of {@code
 * io.edgeoffload.collab.experiment}. A budget maps to {@link ExperimentOptions}: its seed count,
 * preset {@code collab-wide} (Table III with 100 MHz channels; docs/schemes/collab.md says why),
 * and training steps: 4,000 per run for {@code quick} (a smoke test of the pipeline; the
 * non-learning columns are computed in full), Table III's 1.5 M for {@code full}.
 */
final class CollabRecipes {
  private CollabRecipes() {}

  /** Training steps of a quick run: enough to exercise every phase, seconds per run. */
  static final long QUICK_STEPS = 4_000;

  record CollabRecipe(String id, String description, Consumer<ExperimentOptions> body)
      implements Recipe {
    @Override
    public void run(Budget budget, Path out, RecipeRuns runs) {
      if (runs instanceof RecipeRuns.Planning) {
        return; // the COLLAB experiments run their training themselves (not yet as sweep runs)
      }
      boolean quick = budget.name().equals("quick");
      body.accept(
          new ExperimentOptions(
              out, quick, budget.seeds().size(), "collab-wide", quick ? QUICK_STEPS : 0));
    }
  }

  static List<Recipe> all() {
    return List.of(
        new CollabRecipe(
            "collab-fig6",
            "Fig. 6: convergence of EMH-PPO, AgileNN, MAHPPO, H-PPO against local inference",
            Fig6::run),
        new CollabRecipe(
            "collab-fig7",
            "Fig. 7: task-aware against time-based MDP (10, 50, 300 ms slots)",
            Fig7::run),
        new CollabRecipe("collab-fig8", "Fig. 8: EMH-PPO with 1 to 6 MDs (convergence)", Fig8::run),
        new CollabRecipe(
            "collab-fig9",
            "Fig. 9: EMH-PPO with 4 MDs and 1 to 6 servers (convergence)",
            Fig9::run),
        new CollabRecipe(
            "collab-fig10", "Fig. 10: every algorithm against the number of MDs", Fig10::run),
        new CollabRecipe(
            "collab-fig11", "Fig. 11: every algorithm against the number of servers", Fig11::run),
        new CollabRecipe(
            "collab-fig12", "Fig. 12: latency-energy trade-off of EMH-PPO under β", Fig12::run),
        new CollabRecipe(
            "collab-table4", "Table IV: every algorithm at 50-200 tasks per MD", Table4::run),
        new CollabRecipe(
            "collab-table5",
            "Table V: operator-grained against chain (Neurosurgeon) partitioning",
            Table5::run));
  }
}
