package io.edgeoffload.cli;

import io.edgeoffload.collab.experiment.PolicyProfile;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.recipe.Recipe;
import io.edgeoffload.lab.recipe.RecipeRunner;
import io.edgeoffload.lab.recipe.Recipes;
import io.edgeoffload.lab.sweep.RunExecutor;
import io.edgeoffload.lab.sweep.Sweeper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgeoffload policy-profile RUN_DIR...}: what COLLAB policies decide, task by task. */
@Command(
    name = "policy-profile",
    mixinStandardHelpOptions = true,
    description = {
      "What a COLLAB policy decides, task by task, in finished reproduction runs: a trained"
          + " learner (a collab-curve run's learner.bin, on its run's evaluation setting, episodes and"
          + " seed; a collab-variants run's, once per evaluation variant) or a non-learning policy (a"
          + " collab-eval run), in the task-aware or the time-based MDP. Each evaluates as its run"
          + " did, so latency and energy equal the run's recorded ones. One Markdown row per RUN_DIR"
          + " (per variant): latency, energy, offloaded share (in all and per MD),"
          + " raw-input cuts, shared channels, power, transmission, offloaded and local task latency,"
          + " server load, the slowest task, and the offloaded tasks slower than a local one.",
      "With --recipe, the one argument is a reproduction folder (reproduce's --out DIR) and"
          + " every finished run of the recipe there is profiled, in the recipe's order; the"
          + " unfinished ones are counted on stderr. It reads only the run folders, so it is safe"
          + " while the reproduction runs.",
      "Example: edgeoffload policy-profile runs/c6/runs/<id> runs/c6/runs/<id2>",
      "Example: edgeoffload policy-profile --recipe collab-table5 --seeds 1-3 runs/collab-v3"
    })
final class PolicyProfileCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "RUN_DIR",
      description = "Finished run folders; with --recipe, one reproduction folder.")
  List<Path> runs;

  @Option(
      names = "--recipe",
      paramLabel = "ID",
      description = "Profile the finished runs of this COLLAB recipe in the folder given.")
  String recipe;

  @Option(
      names = "--seeds",
      paramLabel = "SEEDS",
      description = "With --recipe: the root seeds it was reproduced with (as reproduce --seeds).")
  String seeds;

  @Option(
      names = "--quick",
      description = "With --recipe: it was reproduced with reproduce --quick.")
  boolean quick;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    if (recipe == null) {
      if (seeds != null || quick) {
        throw new ConfigException("--seeds and --quick go with --recipe: give --recipe ID too");
      }
      w.print(PolicyProfile.table(runs));
      w.flush();
      return 0;
    }
    if (runs.size() != 1) {
      throw new ConfigException(
          "RUN_DIR", runs, "with --recipe, give one reproduction folder (reproduce's --out DIR)");
    }
    Path out = runs.get(0);
    Recipe r = Recipes.get(recipe);
    if (!r.id().startsWith("collab-")) {
      throw new ConfigException(
          "--recipe",
          recipe,
          "must be a COLLAB recipe (collab-*): policy-profile reads COLLAB runs");
    }
    // The recipe's runs, each once (RecipeRunner.plan).
    List<Sweeper.Planned> planned =
        RecipeRunner.status(r, ReproduceCommand.budget(quick, seeds), List.of(), out);
    List<Path> done =
        planned.stream()
            .filter(p -> p.state() == Sweeper.State.DONE)
            .map(p -> RunExecutor.dir(Sweeper.runsRoot(out), p.spec().id()))
            .toList();
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "%s: %d of its %d runs finished in %s, profiled in the recipe's order%n",
        r.id(),
        done.size(),
        planned.size(),
        out);
    err.flush();
    if (!done.isEmpty()) {
      w.print(PolicyProfile.table(done));
      w.flush();
    }
    return 0;
  }
}
