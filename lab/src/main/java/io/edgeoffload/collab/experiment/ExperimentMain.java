package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.recipe.CollabRecipes;
import io.edgeoffload.lab.recipe.Recipe;
import io.edgeoffload.lab.recipe.RecipeRunner;
import io.edgeoffload.lab.sweep.ThreadPoolEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-run entry point for COLLAB budgets that {@code reproduce} does not offer (another number of
 * seeds or of training steps): {@code java -cp cli/target/edgeoffload.jar
 * io.edgeoffload.collab.experiment.ExperimentMain ID OUT [quick|full] [SEEDS] [STEPS] [THREADS]}
 * with ID one of fig6 … fig12, table4, table5 reproduces recipe {@code collab-ID} through {@link
 * RecipeRunner} on a {@link ThreadPoolEngine} (runs in {@code OUT/runs/<id>/}, recorded in {@code
 * OUT/results.duckdb}, resumed when run again); {@code replot OUT} re-draws a convergence figure
 * from its {@code curves.csv}; {@code window-search [PRESET] RESTARTS N… [env.KEY=VALUE…]} prints
 * {@link WindowSearch#report}, the best full windows that hill climbing finds for each N.
 */
public final class ExperimentMain {
  private ExperimentMain() {}

  private static void replot(Path dir) {
    try {
      String name = dir.getFileName().toString();
      Convergence.replot(dir, "COLLAB " + name.replace("fig", "Fig. "));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 2) {
      System.err.println(
          "usage: ExperimentMain fig6|fig7|fig8|fig9|fig10|fig11|fig12|table4|table5|replot OUT"
              + " [quick|full] [SEEDS] [STEPS] [THREADS]; ExperimentMain window-search"
              + " [PRESET] RESTARTS N… [env.KEY=VALUE…]");
      System.exit(2);
    }
    if (args[0].equals("replot")) {
      replot(Path.of(args[1]));
      return;
    }
    if (args[0].equals("window-search")) {
      // window-search [PRESET] RESTARTS N… [env.KEY=VALUE…]: the best windows hill climbing
      // finds (WindowSearch)
      int first = args[1].matches("\\d+") ? 1 : 2;
      String preset = first == 1 ? "collab-wide" : args[1];
      List<Integer> devices = new ArrayList<>();
      List<String> extra = new ArrayList<>();
      for (int k = first + 1; k < args.length; k++) {
        if (args[k].contains("=")) {
          extra.add(args[k]);
        } else {
          devices.add(Integer.parseInt(args[k]));
        }
      }
      List<Integer> ns = devices.isEmpty() ? List.of(3) : devices;
      int restarts = Integer.parseInt(args[first]);
      System.out.println(
          "Preset "
              + preset
              + (extra.isEmpty() ? "" : " with " + extra)
              + ". Full windows"
              + " (W_max tasks per MD):\n");
      System.out.print(WindowSearch.report(preset, extra, ns, restarts, 1));
      System.out.println("\nWindows of any size (latency per task):\n");
      System.out.print(
          WindowSearch.anySizeReport(preset, extra, ns, Math.max(1, restarts / 30), 1));
      return;
    }
    boolean quick = args.length < 3 || args[2].equals("quick");
    int seeds = args.length > 3 ? Integer.parseInt(args[3]) : quick ? 3 : 5;
    long steps = args.length > 4 ? Long.parseLong(args[4]) : quick ? 12_000 : 1_500_000;
    int threads = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    List<Long> seedList = new ArrayList<>();
    for (long s = 1; s <= seeds; s++) {
      seedList.add(s);
    }
    Recipe recipe = CollabRecipes.withSteps("collab-" + args[0], steps);
    RecipeRunner.reproduce(
        recipe,
        new Recipe.Budget(quick ? "quick" : "full", seedList, 1),
        Path.of(args[1]),
        new ThreadPoolEngine(threads),
        true,
        Integer.MAX_VALUE);
  }
}
