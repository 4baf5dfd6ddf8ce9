package io.edgeoffload.lab.recipe;

import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.Schemes;
import io.edgeoffload.lab.sweep.RunExecutor;
import io.edgeoffload.lab.sweep.RunKinds;
import io.edgeoffload.lab.sweep.RunResult;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.Sweeps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs a recipe reads. A recipe asks for each run it needs with {@link #get}; it never runs
 * anything itself. {@link RecipeRunner} calls the recipe twice: first on {@link Planning}, which
 * records every run asked for and answers with placeholders of the right shape, then (once a sweep
 * engine has executed the recorded runs, on threads or on Spark) on {@link Stored}, which answers
 * from the run folders. So every reproduction is a sweep: resumable, in the results database, and
 * runnable on any engine.
 *
 * <p>A recipe must therefore ask for the same runs whatever their values are (plan from the budget,
 * not from results), which every registered recipe does.
 */
public abstract class RecipeRuns {
  private final String recipe;

  /** Assignments put before every run's own overrides ({@code reproduce --set}). */
  private final List<String> sets;

  RecipeRuns(String recipe, List<String> sets) {
    this.recipe = recipe;
    this.sets = List.copyOf(sets);
  }

  /** The result of {@code spec} (a placeholder while planning). */
  public abstract RunResult get(RunSpec spec);

  /** An evaluation run: {@code policy} on {@code preset} + {@code overrides}. */
  public RunSpec eval(
      String scheme,
      String preset,
      List<String> overrides,
      String policy,
      int episodes,
      long seed) {
    return custom("eval", scheme, preset, overrides, policy, seed, episodes, 0, Map.of());
  }

  /** A training run ({@code trainEpisodes}), then {@code evalEpisodes} evaluation episodes. */
  public RunSpec train(
      String scheme,
      String preset,
      List<String> overrides,
      String algo,
      int trainEpisodes,
      int evalEpisodes,
      long seed) {
    return custom(
        "train", scheme, preset, overrides, algo, seed, evalEpisodes, trainEpisodes, Map.of());
  }

  /**
   * A run of any registered kind, identified by its resolved configuration. The reproduction's
   * {@code --set} assignments come first, so that what the recipe sets for its points (β of Fig.
   * 12, N of Fig. 10) wins.
   */
  public RunSpec custom(
      String kind,
      String scheme,
      String preset,
      List<String> overrides,
      String policy,
      long seed,
      int episodes,
      int trainEpisodes,
      Map<String, String> params) {
    List<String> all = new ArrayList<>(sets);
    all.addAll(overrides);
    Object config = ResolvedConfig.resolve(Schemes.get(scheme), preset, null, all).config();
    return Sweeps.identified(
        recipe,
        kind,
        scheme,
        preset,
        all,
        config,
        policy,
        seed,
        episodes,
        trainEpisodes,
        params,
        Map.of());
  }

  /** The first pass: records the runs asked for, answers with placeholders. */
  static final class Planning extends RecipeRuns {
    private final Map<String, RunSpec> specs = new LinkedHashMap<>();

    Planning(String recipe, List<String> sets) {
      super(recipe, sets);
    }

    @Override
    public RunResult get(RunSpec spec) {
      RunKinds.get(spec.kind()).validate(spec);
      specs.putIfAbsent(spec.id(), spec);
      return new RunResult(
          spec.id(),
          RunResult.DONE,
          null,
          "planning",
          RunKinds.get(spec.kind()).placeholder(spec).series(),
          0,
          0,
          "",
          "planning");
    }

    /** The runs asked for, each once, in the order first asked. */
    List<RunSpec> specs() {
      return new ArrayList<>(specs.values());
    }
  }

  /** The second pass: answers from the finished runs' folders. */
  static final class Stored extends RecipeRuns {
    private final Path runsRoot;

    Stored(String recipe, Path runsRoot, List<String> sets) {
      super(recipe, sets);
      this.runsRoot = runsRoot;
    }

    @Override
    public RunResult get(RunSpec spec) {
      RunResult r = RunExecutor.read(runsRoot, spec.id());
      if (r == null || !r.done()) {
        throw new IllegalStateException(
            "run "
                + spec.id()
                + " ("
                + spec.kind()
                + " "
                + spec.policy()
                + ", seed "
                + spec.seed()
                + ") has no finished result"
                + (r == null ? "" : ": " + r.error()));
      }
      return r;
    }
  }
}
