package io.edgeoffload.lab.recipe;

import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.SweepEngine;
import io.edgeoffload.lab.sweep.Sweeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reproduces a recipe as a sweep: plan (the recipe on {@link RecipeRuns.Planning}, its outputs
 * discarded), execute the planned runs under {@code out} with a {@link SweepEngine} (skipping those
 * already done, recording every one in {@code out/results.duckdb}), then render (the recipe on
 * {@link RecipeRuns.Stored}, writing its CSV, Markdown and figures into {@code out}).
 */
public final class RecipeRunner {
  private RecipeRunner() {}

  /** What a reproduction did. */
  public record Outcome(Sweeper.Outcome sweep, List<RunSpec> runs) {}

  /** The runs {@code recipe} needs under {@code budget}, each once. */
  public static List<RunSpec> plan(Recipe recipe, Recipe.Budget budget) {
    return plan(recipe, budget, List.of());
  }

  /**
   * The runs {@code recipe} needs under {@code budget} with {@code sets} ({@code key=value}, as
   * {@code --set}) before each run's own overrides, each once.
   */
  public static List<RunSpec> plan(Recipe recipe, Recipe.Budget budget, List<String> sets) {
    RecipeRuns.Planning planning = new RecipeRuns.Planning(recipe.id(), sets);
    Path scratch;
    try {
      scratch = Files.createTempDirectory("edgeoffload-plan-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder for planning", e);
    }
    try {
      recipe.run(budget, scratch, planning);
    } finally {
      delete(scratch);
    }
    return planning.specs();
  }

  /**
   * What reproducing {@code recipe} under {@code budget} into {@code out} would do with each of its
   * runs ({@link Sweeper#status}; writes nothing).
   */
  public static List<Sweeper.Planned> status(
      Recipe recipe, Recipe.Budget budget, List<String> sets, Path out) {
    return Sweeper.status(plan(recipe, budget, sets), out);
  }

  /**
   * Plans, executes and renders {@code recipe} into {@code out}.
   *
   * @throws IllegalStateException when runs failed (they are recorded; the figure is not drawn)
   */
  public static Outcome reproduce(
      Recipe recipe,
      Recipe.Budget budget,
      Path out,
      SweepEngine engine,
      boolean progress,
      int stopAfter)
      throws InterruptedException {
    return reproduce(recipe, budget, List.of(), out, engine, progress, stopAfter);
  }

  /**
   * Plans, executes and renders {@code recipe} into {@code out} with {@code sets} before each run's
   * own overrides; the rendered Markdown says so.
   *
   * @throws IllegalStateException when runs failed (they are recorded; the figure is not drawn)
   */
  public static Outcome reproduce(
      Recipe recipe,
      Recipe.Budget budget,
      List<String> sets,
      Path out,
      SweepEngine engine,
      boolean progress,
      int stopAfter)
      throws InterruptedException {
    List<RunSpec> runs = plan(recipe, budget, sets);
    String text =
        "# edgeoffload reproduce "
            + recipe.id()
            + (budget.name().equals("quick") ? " --quick" : "")
            + sets.stream().map(a -> " --set " + a).collect(Collectors.joining())
            + "\nrecipe: "
            + recipe.id()
            + "\ndescription: \""
            + recipe.description().replace("\"", "'")
            + "\"\nbudget: "
            + budget.name()
            + "\nseeds: "
            + budget.seeds()
            + "\nslots: "
            + budget.slots()
            + (sets.isEmpty() ? "" : "\nset: " + sets)
            + "\nruns: "
            + runs.size()
            + "\n";
    Sweeper.Outcome o = Sweeper.run(recipe.id(), text, runs, out, engine, progress, stopAfter);
    if (o.failed() > 0) {
      throw new IllegalStateException(
          o.failed()
              + " run(s) of "
              + recipe.id()
              + " failed; their errors are in "
              + out.resolve("results.duckdb")
              + " (edgeoffload query "
              + out
              + " \"SELECT run_id, policy, seed, error FROM runs WHERE status = 'failed'\")");
    }
    // Each recipe renders into a folder of its own, so that recipes sharing DIR (and its runs) do
    // not overwrite each other's data.csv and summary.md; the top of DIR shows the latest one.
    copyTree(renderInto(recipe, budget, sets, out), out);
    return new Outcome(o, runs);
  }

  /**
   * Renders {@code recipe} from its finished runs under {@code out} into {@code out/recipes/<id>/}
   * alone: runs nothing and reads only the run folders, not the results database, so it is safe
   * while another reproduction runs in {@code out} (DuckDB lets one process hold the database).
   *
   * @return the folder written
   * @throws IllegalStateException when some of the recipe's runs are not finished (nothing is
   *     written)
   */
  public static Path render(Recipe recipe, Recipe.Budget budget, List<String> sets, Path out) {
    List<Sweeper.Planned> planned = status(recipe, budget, sets, out);
    long notDone = planned.stream().filter(p -> p.state() != Sweeper.State.DONE).count();
    if (notDone > 0) {
      throw new IllegalStateException(
          notDone
              + " of the "
              + planned.size()
              + " runs of "
              + recipe.id()
              + " are not finished in "
              + out
              + "; `reproduce "
              + recipe.id()
              + " --dry-run` counts them, `reproduce` without --render runs them");
    }
    return renderInto(recipe, budget, sets, out);
  }

  /** Renders {@code recipe} from the finished runs under {@code out} into its own folder. */
  private static Path renderInto(Recipe recipe, Recipe.Budget budget, List<String> sets, Path out) {
    Path own = out.resolve(RENDERED).resolve(recipe.id());
    recipe.run(budget, own, new RecipeRuns.Stored(recipe.id(), Sweeper.runsRoot(out), sets));
    if (!sets.isEmpty()) {
      noteSets(own, sets);
    }
    return own;
  }

  /**
   * Appends to every rendered Markdown file (panels' sub-folders included) the settings it was
   * reproduced with beyond the recipe's, so that a table is never taken for the paper's setting.
   */
  private static void noteSets(Path own, List<String> sets) {
    String note =
        "\nReproduced with "
            + sets.stream().map(a -> "`--set " + a + "`").collect(Collectors.joining(", "))
            + " before each run's own settings.\n";
    try (Stream<Path> s = Files.walk(own)) {
      for (Path md : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".md"))::iterator) {
        AtomicFiles.write(md, Files.readString(md) + note);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot note the settings in " + own, e);
    }
  }

  /** The folder of {@code DIR} holding each rendered recipe's outputs, {@code <id>/}. */
  public static final String RENDERED = "recipes";

  /**
   * Copies every file under {@code from} to the same relative path under {@code to}, atomically.
   */
  private static void copyTree(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        io.edgeoffload.lab.AtomicFiles.write(
            to.resolve(from.relativize(f).toString()), Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a scratch folder left in the temporary directory is harmless
    }
  }
}
