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
import io.edgeoffload.core.config.ConfigException;
import java.nio.file.Path;
import java.util.List;

/**
 * The COLLAB figures and tables (Sec. V) as recipes over the experiment classes of {@code
 * io.edgeoffload.collab.experiment}. A budget maps to {@link ExperimentOptions}: its seed count,
 * preset {@code collab-wide} (Table III with 100 MHz channels; docs/schemes/collab.md says why),
 * and training steps: 4,000 per run for {@code quick} (a smoke test of the pipeline; the
 * non-learning columns are computed in full), Table III's 1.5 M for {@code full}. Every training
 * and evaluation is a run of {@link io.edgeoffload.collab.experiment.CollabRunKinds}, asked of
 * {@link RecipeRuns}, so a reproduction is a resumable sweep on any engine.
 */
public final class CollabRecipes {
  private CollabRecipes() {}

  /** Training steps of a quick run: enough to exercise every phase, seconds per run. */
  static final long QUICK_STEPS = 4_000;

  /** The body of a COLLAB recipe: an experiment class asking {@code runs} for its runs. */
  @FunctionalInterface
  interface Body {
    void run(ExperimentOptions opt, RecipeRuns runs);
  }

  /**
   * A COLLAB recipe.
   *
   * @param steps training steps per run; 0: the budget's ({@link #QUICK_STEPS} when quick, else
   *     Table III's)
   */
  record CollabRecipe(String id, String description, Body body, long steps) implements Recipe {
    CollabRecipe(String id, String description, Body body) {
      this(id, description, body, 0);
    }

    @Override
    public void run(Budget budget, Path out, RecipeRuns runs) {
      boolean quick = budget.name().equals("quick");
      long s = steps > 0 ? steps : quick ? QUICK_STEPS : 0;
      body.run(new ExperimentOptions(out, quick, budget.seeds(), "collab-wide", s), runs);
    }
  }

  /**
   * The registered COLLAB recipe {@code id} with {@code steps} training steps per run instead of
   * the budget's (for shorter or longer runs than {@code --quick} and full give).
   *
   * @throws ConfigException when {@code id} is not a COLLAB recipe or {@code steps < 1}
   */
  public static Recipe withSteps(String id, long steps) {
    if (steps < 1) {
      throw new ConfigException("steps", steps, "must be at least 1");
    }
    for (Recipe r : all()) {
      if (r.id().equals(id)) {
        CollabRecipe c = (CollabRecipe) r;
        return new CollabRecipe(c.id(), c.description(), c.body(), steps);
      }
    }
    throw new ConfigException(
        "recipe", id, "must be a COLLAB recipe: " + all().stream().map(Recipe::id).toList());
  }

  static List<Recipe> all() {
    return List.of(
        new CollabRecipe(
            "collab-fig6",
            "Fig. 6: convergence of EMH-PPO, AgileNN, MAHPPO, H-PPO against local inference",
            Fig6::run),
        new CollabRecipe(
            "collab-fig7",
            "Fig. 7: task-aware against time-based MDP (10, 50, 300 ms slots; at 50 ms against"
                + " distance and shadowing)",
            Fig7::run),
        new CollabRecipe(
            "collab-fig7ab",
            "Fig. 7(a)(b) alone: task-aware against time-based MDP (10, 50, 300 ms slots), the"
                + " same runs as collab-fig7's",
            Fig7::panelsAb),
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
