package io.edgeoffload.cli;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.RunOutput;
import io.edgeoffload.lab.Seeds;
import io.edgeoffload.lab.recipe.Recipe;
import io.edgeoffload.lab.recipe.RecipeRunner;
import io.edgeoffload.lab.recipe.Recipes;
import io.edgeoffload.lab.sweep.ResultsDb;
import io.edgeoffload.lab.sweep.SweepEngine;
import io.edgeoffload.lab.sweep.Sweeper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code edgeoffload reproduce ID[,ID…]}: run registered recipes (paper figures and tables), one
 * after another, into one folder.
 */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    // One string per paragraph: picocli wraps each to the terminal's width itself.
    description = {
      "Reproduce a paper figure or table: CSV data, a Markdown table and PNG/SVG figures in DIR.",
      "Recipes: see `edgeoffload list`. --quick runs CI's small budget on five seeds, a smoke"
          + " test rather than the paper's scenario (UARA: one slot a seed; UCMS: 12 UDs, small"
          + " networks, 8 training episodes; COLLAB: 4,000 training steps, the non-learning"
          + " columns in full).",
      "A reproduction is a sweep: its runs go to DIR/runs/<id>/ and DIR/results.duckdb, run on"
          + " --engine threads or spark; running it again into the same DIR resumes it"
          + " (completed runs are read, not repeated), and recipes sharing a DIR share their"
          + " common runs.",
      "--dry-run counts what a reproduction into DIR would still run, and runs nothing;"
          + " --render draws the figures from DIR's finished runs, also while another one runs"
          + " there.",
      "--set KEY=VALUE reproduces under another setting (e.g. a COLLAB learner hyper-parameter).",
      "Several recipes, comma-separated or with * (collab-fig8,collab-fig9 or 'ucms-*'), run in"
          + " that order into DIR, sharing their common runs; one whose runs fail does not stop"
          + " the rest.",
      "Example: edgeoffload reproduce uara-fig4 --quick --out runs/fig4"
    })
final class ReproduceCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "ID",
      description =
          "Recipe id, e.g. uara-fig4; or several, comma-separated, where * matches any text"
              + " (collab-fig8,collab-fig9 or 'ucms-fig*'), reproduced in that order.")
  String id;

  @Option(
      names = "--quick",
      description = "CI's small budget: five seeds, short trainings (see above).")
  boolean quick;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--force",
      description = "Write into an existing, non-empty DIR that is not a reproduction's.")
  boolean force;

  @Option(
      names = "--seeds",
      paramLabel = "LIST",
      description =
          "Root seeds instead of the budget's (e.g. 1-3 or 1,2,5): a subset of the full budget"
              + " where its seeds do not fit the time at hand; the outputs name the seeds used.")
  String seeds;

  @Option(
      names = "--dry-run",
      description =
          "Plan only: count the runs by kind and policy and say which are done in DIR, which"
              + " resume, which adopt a finished training, and which run from scratch. Writes"
              + " nothing; safe while a reproduction runs in DIR.")
  boolean dryRun;

  @Option(
      names = "--render",
      description =
          "Render only, from the finished runs in DIR, into DIR/recipes/<id>/: runs nothing and"
              + " does not open the results database, so it is safe while another reproduction"
              + " runs in DIR. Exits 1 when runs are not finished (--dry-run counts them).")
  boolean render;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Configuration override put before each run's own (repeatable), e.g."
              + " learner.entropyCoef=0.05: the recipe under another setting. Its runs are other"
              + " runs (other ids); a value equal to the preset's is the same run. The rendered"
              + " Markdown names the overrides.")
  List<String> sets = new java.util.ArrayList<>();

  @Option(
      names = "--prune",
      description =
          "After each recipe, prune DIR's finished trainings to their policies (as `edgeoffload"
              + " prune DIR`): they are evaluated as before and need a small part of the disk.")
  boolean prune;

  @CommandLine.Mixin EngineOptions engine = new EngineOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    List<Recipe> recipes = resolve(id);
    if (dryRun && render) {
      throw new ConfigException("--render and --dry-run exclude each other: give one of them");
    }
    if (render) {
      PrintWriter w = spec.commandLine().getOut();
      for (Recipe r : recipes) {
        Path own = RecipeRunner.render(r, budget(), sets, out);
        w.printf(Locale.ROOT, "%s: wrote %s%n", r.id(), own.toAbsolutePath().normalize());
        w.flush();
      }
      return 0;
    }
    if (dryRun) {
      List<List<Sweeper.Planned>> all = new ArrayList<>();
      for (Recipe r : recipes) {
        all.add(printStatus(r, budget()));
      }
      if (recipes.size() > 1) {
        printDistinct(all);
      }
      return 0;
    }
    // A folder holding a reproduction's database is resumed; any other non-empty one is refused.
    if (!Files.isRegularFile(out.resolve(ResultsDb.FILE))) {
      RunOutput.checkWritable(out, force);
    }
    Recipe.Budget budget = budget();
    PrintWriter w = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> failed = new ArrayList<>();
    for (Recipe recipe : recipes) {
      long t0 = System.nanoTime();
      RecipeRunner.Outcome o;
      try (SweepEngine e = engine.create()) {
        o = RecipeRunner.reproduce(recipe, budget, sets, out, e, true, engine.stopAfter);
      } catch (IllegalStateException ex) {
        if (recipes.size() == 1) {
          throw ex;
        }
        // Its runs are recorded; the next recipes may still have all they need.
        err.println("error: " + recipe.id() + ": " + ex.getMessage());
        err.flush();
        failed.add(recipe.id());
        continue;
      }
      w.printf(
          Locale.ROOT,
          "%s (%s budget) in %.1f s: %s%nwrote %s (this recipe's own copy: %s)%n",
          recipe.id(),
          budget.name(),
          (System.nanoTime() - t0) / 1e9,
          o.sweep().line(),
          out.toAbsolutePath().normalize(),
          out.resolve(RecipeRunner.RENDERED).resolve(recipe.id()).toAbsolutePath().normalize());
      w.flush();
      if (prune) {
        io.edgeoffload.lab.Prune.run(List.of(out), false, w);
      }
    }
    if (!failed.isEmpty()) {
      err.printf(
          Locale.ROOT,
          "error: %d of %d recipes not rendered: %s%n",
          failed.size(),
          recipes.size(),
          String.join(", ", failed));
      err.flush();
      return Main.EXIT_FAILURE;
    }
    return 0;
  }

  /**
   * The recipes {@code ids} names: comma-separated ids or patterns ({@code *} for any text), in the
   * order given (a pattern's matches in the registry's order), each once.
   *
   * @throws ConfigException naming the entry that is no recipe and matches none
   */
  static List<Recipe> resolve(String ids) {
    Set<String> chosen = new LinkedHashSet<>();
    for (String raw : ids.split(",", -1)) {
      String one = raw.trim();
      if (one.isEmpty()) {
        throw new ConfigException(
            "ID", ids, "must be recipe ids separated by commas, without empty entries");
      }
      if (!one.contains("*")) {
        chosen.add(Recipes.get(one).id());
        continue;
      }
      Pattern p = Pattern.compile(Pattern.quote(one).replace("*", "\\E.*\\Q"));
      List<String> matched =
          Recipes.registry().ids().stream().filter(r -> p.matcher(r).matches()).toList();
      if (matched.isEmpty()) {
        throw new ConfigException(
            "ID", one, "matches no recipe; recipes: " + Recipes.registry().ids());
      }
      chosen.addAll(matched);
    }
    return chosen.stream().map(Recipes::get).toList();
  }

  private Recipe.Budget budget() {
    return budget(quick, seeds);
  }

  /** The budget of {@code --quick} (else the full one), on {@code --seeds} when given (or null). */
  static Recipe.Budget budget(boolean quick, String seeds) {
    Recipe.Budget budget = quick ? Recipe.Budget.quick() : Recipe.Budget.full();
    if (seeds != null) {
      budget = new Recipe.Budget(budget.name(), Seeds.parse("--seeds", seeds), budget.slots());
    }
    return budget;
  }

  /**
   * One row per kind and policy: the runs, then how many stand in each state.
   *
   * @return the planned runs and their states
   */
  private List<Sweeper.Planned> printStatus(Recipe recipe, Recipe.Budget budget) {
    List<Sweeper.Planned> planned = RecipeRunner.status(recipe, budget, sets, out);
    Map<String, int[]> rows = new TreeMap<>();
    int[] total = new int[Sweeper.State.values().length];
    for (Sweeper.Planned p : planned) {
      String key = p.spec().kind() + " | " + p.spec().policy();
      rows.computeIfAbsent(key, k -> new int[total.length])[p.state().ordinal()]++;
      total[p.state().ordinal()]++;
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        Locale.ROOT,
        "%s (%s budget, seeds %s): %d runs in %s%n%n",
        recipe.id(),
        budget.name(),
        budget.seeds(),
        planned.size(),
        out.toAbsolutePath().normalize());
    w.println("| kind | policy | runs | done | resume | adopt a finished training | to run |");
    w.println("|---|---|---:|---:|---:|---:|---:|");
    rows.forEach((k, c) -> w.println(row(k, c)));
    w.println(row("all | ", total));
    w.println();
    w.flush();
    return planned;
  }

  /** Runs that several recipes share count once: the distinct runs of all, by kind and state. */
  private void printDistinct(List<List<Sweeper.Planned>> all) {
    Map<String, Sweeper.Planned> byId = new LinkedHashMap<>();
    for (List<Sweeper.Planned> planned : all) {
      for (Sweeper.Planned p : planned) {
        byId.putIfAbsent(p.spec().id(), p);
      }
    }
    Map<String, int[]> rows = new TreeMap<>();
    int[] total = new int[Sweeper.State.values().length];
    for (Sweeper.Planned p : byId.values()) {
      rows.computeIfAbsent(p.spec().kind() + " | ", k -> new int[total.length])[
          p.state().ordinal()]++;
      total[p.state().ordinal()]++;
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "%d recipes, their runs counted once:%n%n", all.size());
    w.println("| kind | | distinct runs | done | resume | adopt a finished training | to run |");
    w.println("|---|---|---:|---:|---:|---:|---:|");
    rows.forEach((k, c) -> w.println(row(k, c)));
    w.println(row("all recipes | ", total));
    w.flush();
  }

  private static String row(String label, int[] c) {
    int runs = java.util.Arrays.stream(c).sum();
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d | %d |",
        label,
        runs,
        c[Sweeper.State.DONE.ordinal()],
        c[Sweeper.State.RESUMES.ordinal()],
        c[Sweeper.State.ADOPTS.ordinal()],
        c[Sweeper.State.TO_RUN.ordinal()]);
  }
}
