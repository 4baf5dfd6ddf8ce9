package io.edgeoffload.lab.recipe;

import java.nio.file.Path;
import java.util.List;

/** One reproduction of a paper figure or table. Recipes write files; nothing else does. */
public interface Recipe {
  /** Registered id, e.g. {@code uara-fig4}. */
  String id();

  /** One line: what the recipe reproduces. */
  String description();

  /**
   * Writes the recipe's CSV, Markdown and figures under {@code out} from the runs it asks {@code
   * runs} for. Called twice by {@link RecipeRunner}: once to plan (placeholders), once to render.
   */
  void run(Budget budget, Path out, RecipeRuns runs);

  /**
   * How much to simulate.
   *
   * @param name {@code quick} or {@code full}, written into the outputs
   * @param seeds root seeds; intervals are over their means (at least 5 for a band)
   * @param slots snapshots simulated per seed and point
   */
  record Budget(String name, List<Long> seeds, int slots) {
    public Budget {
      seeds = List.copyOf(seeds);
      if (seeds.isEmpty() || slots < 1) {
        throw new IllegalArgumentException("a budget needs seeds and at least one slot");
      }
    }

    /** CI's budget: five seeds, one slot each: well under a minute per recipe. */
    public static Budget quick() {
      return new Budget("quick", List.of(1L, 2L, 3L, 4L, 5L), 1);
    }

    /** The documented budget: ten seeds of 100 slots each (about two minutes per recipe). */
    public static Budget full() {
      return new Budget("full", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 100);
    }
  }
}
