package io.edgeoffload.collab.experiment;

import io.edgeoffload.collab.CollabConfig;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabScheme;
import io.edgeoffload.collab.learn.CollabTraining;
import io.edgeoffload.collab.learn.CollabTraining.Checkpointer;
import io.edgeoffload.collab.learn.CollabTraining.Resume;
import io.edgeoffload.collab.learn.EmhPpo;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.recipe.RecipeRuns;
import io.edgeoffload.lab.sweep.RunExecutor;
import io.edgeoffload.lab.sweep.RunIds;
import io.edgeoffload.lab.sweep.RunKind;
import io.edgeoffload.lab.sweep.RunKinds;
import io.edgeoffload.lab.sweep.RunResult;
import io.edgeoffload.lab.sweep.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The run kinds of the COLLAB experiments (Sec. V), so that every figure and table is a sweep of
 * independent runs. A run is fully described by its {@link RunSpec}: scheme {@code collab}, the
 * preset, {@code overrides} (the environment sets of the run), {@code policy} (a learner or policy
 * id), the root seed, {@code episodes} (evaluation episodes per evaluation point) and the params
 * below; it depends on nothing else, so the same spec gives the same values on any thread or JVM.
 *
 * <ul>
 *   <li>{@value #CURVE}: a learner trained on {@code overrides} for {@code steps} environment steps
 *       (params {@code steps}, {@code every}, {@code quick}), its deterministic policy evaluated on
 *       the evaluation setting ({@link CollabSetup#evalSets}) before training and every {@code
 *       every} steps: phase {@code curve}, one row per evaluation, metrics {@code step} followed by
 *       {@link CollabTraining#metricNames()}. It saves a checkpoint in the run's folder at the
 *       first episode end after each evaluation ({@link CollabCheckpoints}) and resumes from it, so
 *       a stopped sweep loses at most one evaluation interval of such a run, and the resumed run's
 *       rows equal an uninterrupted one's;
 *   <li>{@value #EVAL}: a non-learning policy evaluated on exactly {@code overrides} (the recipe
 *       gives the evaluation setting): phase {@code eval}, one row of metric means;
 *   <li>{@value #VARIANTS}: a learner trained once on {@code overrides} (params {@code steps},
 *       {@code quick}), then evaluated on the evaluation setting extended by each variant of param
 *       {@code variants} ({@code ;}-separated variants of {@code ,}-separated sets; an empty
 *       variant is the evaluation setting itself): phase {@code eval:<variant>} per variant, one
 *       row of metric means each. Its training checkpoints as a curve run's, at the first episode
 *       end after every tenth of the steps. Where the runs folder holds its finished {@value
 *       #CURVE} twin (same training, evaluated every tenth of the steps: Table IV's learners are
 *       Fig. 6's, Table V's operator-grained ResNet-50 ones Fig. 8's), it loads that run's trained
 *       learner instead of training again ({@link Variants#adoptCurveTraining}).
 * </ul>
 */
public final class CollabRunKinds {
  /**
   * The param naming the version of the learner kinds' results, part of a run's id so that a
   * reproduction does not reuse runs whose values a fix has changed.
   */
  static final String VERSION = "version";

  /**
   * 2: a learner evaluated on an environment other than the one it was built with masks its window
   * sizes by the evaluated environment's queues (read from the observation). Version 1 (no param)
   * masked them by the training environment's queues at the moment of the evaluation.
   */
  static final String RESULTS_VERSION = "2";

  /** Id of the learning-curve kind. */
  public static final String CURVE = "collab-curve";

  /** Id of the policy-evaluation kind. */
  public static final String EVAL = "collab-eval";

  /** Id of the train-then-evaluate-on-variants kind. */
  public static final String VARIANTS = "collab-variants";

  /** In a {@value #VARIANTS} run that adopted its curve twin's training: the twin's id. */
  static final String ADOPTED = "adopted-from.txt";

  private CollabRunKinds() {}

  /** The three kinds, for {@code RunKinds}' registry. */
  public static List<RunKind> all() {
    return List.of(new Curve(), new Eval(), new Variants());
  }

  /** A {@value #CURVE} run: {@code learner} trained on {@code sets} from {@code seed}. */
  static RunSpec curve(
      RecipeRuns runs, ExperimentOptions opt, String learner, List<String> sets, long seed) {
    return runs.custom(
        CURVE,
        "collab",
        opt.preset(),
        sets,
        learner,
        seed,
        opt.evalEpisodes(),
        0,
        Map.of(
            "steps",
            Long.toString(opt.trainingSteps()),
            "every",
            Long.toString(opt.evaluateEvery()),
            "quick",
            Boolean.toString(opt.quick()),
            VERSION,
            RESULTS_VERSION));
  }

  /** A {@value #EVAL} run: {@code policy} on exactly {@code evalSets} from {@code seed}. */
  static RunSpec eval(
      RecipeRuns runs, ExperimentOptions opt, String policy, List<String> evalSets, long seed) {
    return runs.custom(
        EVAL, "collab", opt.preset(), evalSets, policy, seed, opt.evalEpisodes(), 0, Map.of());
  }

  /**
   * A {@value #VARIANTS} run: {@code learner} trained on {@code sets}, evaluated on each variant (a
   * list of extra evaluation sets; see {@link #variantPhase}).
   */
  static RunSpec variants(
      RecipeRuns runs,
      ExperimentOptions opt,
      String learner,
      List<String> sets,
      List<List<String>> variants,
      long seed) {
    String v =
        variants.stream()
            .map(x -> String.join(",", x))
            .collect(java.util.stream.Collectors.joining(";"));
    return runs.custom(
        VARIANTS,
        "collab",
        opt.preset(),
        sets,
        learner,
        seed,
        opt.evalEpisodes(),
        0,
        Map.of(
            "steps",
            Long.toString(opt.trainingSteps()),
            "quick",
            Boolean.toString(opt.quick()),
            "variants",
            v,
            VERSION,
            RESULTS_VERSION));
  }

  /** The phase of {@code variant} in a {@value #VARIANTS} run. */
  static String variantPhase(List<String> variant) {
    return variantPhase(String.join(",", variant));
  }

  /** The phase of variant {@code v} of a {@value #VARIANTS} run. */
  public static String variantPhase(String variant) {
    return "eval:" + variant;
  }

  /** The variants of param {@code variants}, each a list of sets (possibly empty). */
  static List<List<String>> variants(RunSpec spec) {
    String raw = spec.param("variants", null);
    if (raw == null) {
      throw new ConfigException("params.variants", "(missing)", "give ';'-separated variants");
    }
    return variants(raw);
  }

  /** The variants of {@code raw}: ';'-separated, each ','-separated sets (possibly none). */
  static List<List<String>> variants(String raw) {
    List<List<String>> out = new ArrayList<>();
    for (String v : raw.split(";", -1)) {
      out.add(v.isEmpty() ? List.of() : Arrays.asList(v.split(",")));
    }
    return out;
  }

  private static long longParam(RunSpec spec, String key, long min) {
    String raw = spec.param(key, null);
    if (raw == null) {
      throw new ConfigException("params." + key, "(missing)", "must be an integer ≥ " + min);
    }
    long v;
    try {
      v = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new ConfigException("params." + key, raw, "must be an integer ≥ " + min);
    }
    if (v < min) {
      throw new ConfigException("params." + key, raw, "must be an integer ≥ " + min);
    }
    return v;
  }

  private static boolean quick(RunSpec spec) {
    String raw = spec.param("quick", "false");
    if (!raw.equals("true") && !raw.equals("false")) {
      throw new ConfigException("params.quick", raw, "must be true or false");
    }
    return raw.equals("true");
  }

  private static void checkCommon(RunSpec spec, boolean learner) {
    if (!spec.scheme().equals("collab")) {
      throw new ConfigException("scheme", spec.scheme(), "COLLAB run kinds need scheme collab");
    }
    if (learner) {
      if (!CollabSetup.isLearner(spec.policy())) {
        throw new ConfigException(
            "policy",
            spec.policy(),
            "must be a COLLAB learner: "
                + io.edgeoffload.collab.learn.CollabLearners.registry().ids());
      }
      // The recipes put a learner's own settings (AgileNN's feature split, the time-based MDP of
      // emh-ppo-slotted) into the overrides, so that the run id holds them; a sweep must too.
      for (String set : CollabSetup.learnerSets(spec.policy(), List.of())) {
        if (!spec.overrides().contains(set)) {
          throw new ConfigException(
              "overrides",
              spec.overrides(),
              spec.policy() + " trains with " + set + ": add it (a sweep's train.set)");
        }
      }
    } else {
      new CollabScheme().policies().get(spec.policy()); // unknown → the list of policies
    }
    if (spec.episodes() < 1) {
      throw new ConfigException("episodes", spec.episodes(), "must be at least 1");
    }
  }

  /** A series of the COLLAB metrics (preceded by {@code step} when {@code withStep}). */
  static RunResult.Series series(String phase, boolean withStep, long seed, List<double[]> rows) {
    List<String> names = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    List<Boolean> headline = new ArrayList<>();
    if (withStep) {
      names.add("step");
      descriptions.add("training steps before this evaluation");
      headline.add(false);
    }
    for (EpisodeMetric m : new CollabScheme().episodeMetrics()) {
      names.add(m.name());
      descriptions.add(m.description());
      headline.add(m.headline());
    }
    long[] seeds = new long[rows.size()];
    Arrays.fill(seeds, seed);
    return new RunResult.Series(
        phase, names, descriptions, headline, seeds, rows.toArray(new double[0][]));
  }

  private static List<double[]> ones(int rows, int columns) {
    List<double[]> out = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      double[] row = new double[columns];
      Arrays.fill(row, 1.0);
      out.add(row);
    }
    return out;
  }

  private static String environment(CollabEnvBase env) {
    return env.id();
  }

  /** {@value #CURVE}: see the class comment. */
  static final class Curve implements RunKind {
    /** Wraps the run's checkpointer: the identity, except in tests that cut a run short. */
    private final UnaryOperator<Checkpointer> around;

    Curve() {
      this(UnaryOperator.identity());
    }

    Curve(UnaryOperator<Checkpointer> around) {
      this.around = around;
    }

    @Override
    public String id() {
      return CURVE;
    }

    @Override
    public String description() {
      return "train a COLLAB learner for `steps`, evaluating it every `every` steps";
    }

    @Override
    public void validate(RunSpec spec) {
      checkCommon(spec, true);
      longParam(spec, "steps", 1);
      longParam(spec, "every", 1);
      quick(spec);
    }

    /** Evaluation points of {@link CollabTraining#trainWithEvaluation}: 0, every k·every, steps. */
    static int points(long steps, long every) {
      return (int) (1 + steps / every + (steps % every != 0 ? 1 : 0));
    }

    @Override
    public Outcome execute(RunSpec spec, Path dir) {
      long steps = longParam(spec, "steps", 1);
      long every = longParam(spec, "every", 1);
      CollabConfig cfg = CollabSetup.config(spec.preset(), spec.overrides());
      CollabEnvBase env = CollabSetup.env(cfg);
      CollabEnvBase eval = CollabSetup.env(spec.preset(), CollabSetup.evalSets(spec.overrides()));
      EmhPpo learner = CollabSetup.learner(spec.policy(), cfg, env, quick(spec), spec.seed());
      // Saved at the first episode end after each evaluation; a stopped run resumes exactly.
      CollabCheckpoints checkpoints = new CollabCheckpoints(dir, learner);
      List<double[]> rows =
          CollabTraining.trainWithEvaluation(
              learner,
              env,
              eval,
              steps,
              every,
              spec.episodes(),
              spec.seed(),
              checkpoints.restore(),
              around.apply(checkpoints));
      checkpoints.finish();
      return new Outcome(environment(env), List.of(series("curve", true, spec.seed(), rows)));
    }

    @Override
    public Outcome placeholder(RunSpec spec) {
      int rows = points(longParam(spec, "steps", 1), longParam(spec, "every", 1));
      int columns = 1 + CollabTraining.metricNames().size();
      return new Outcome(
          "planning", List.of(series("curve", true, spec.seed(), ones(rows, columns))));
    }
  }

  /** {@value #EVAL}: see the class comment. */
  static final class Eval implements RunKind {
    @Override
    public String id() {
      return EVAL;
    }

    @Override
    public String description() {
      return "evaluate a non-learning COLLAB policy for `episodes` episodes (metric means)";
    }

    @Override
    public void validate(RunSpec spec) {
      checkCommon(spec, false);
    }

    @Override
    public Outcome execute(RunSpec spec, Path dir) {
      CollabConfig cfg = CollabSetup.config(spec.preset(), spec.overrides());
      CollabEnvBase eval = CollabSetup.env(cfg);
      double[] m =
          CollabTraining.evaluate(
              CollabSetup.policy(spec.policy(), cfg, eval), eval, spec.episodes(), spec.seed());
      return new Outcome(
          environment(eval), List.of(series("eval", false, spec.seed(), List.of(m))));
    }

    @Override
    public Outcome placeholder(RunSpec spec) {
      return new Outcome(
          "planning",
          List.of(
              series("eval", false, spec.seed(), ones(1, CollabTraining.metricNames().size()))));
    }
  }

  /** {@value #VARIANTS}: see the class comment. */
  static final class Variants implements RunKind {
    /** Wraps the run's checkpointer: the identity, except in tests that cut a run short. */
    private final UnaryOperator<Checkpointer> around;

    Variants() {
      this(UnaryOperator.identity());
    }

    Variants(UnaryOperator<Checkpointer> around) {
      this.around = around;
    }

    @Override
    public String id() {
      return VARIANTS;
    }

    @Override
    public String description() {
      return "train a COLLAB learner for `steps`, then evaluate it on each of `variants`";
    }

    @Override
    public void validate(RunSpec spec) {
      checkCommon(spec, true);
      longParam(spec, "steps", 1);
      quick(spec);
      variants(spec);
    }

    @Override
    public Outcome execute(RunSpec spec, Path dir) {
      long steps = longParam(spec, "steps", 1);
      CollabConfig cfg = CollabSetup.config(spec.preset(), spec.overrides());
      CollabEnvBase env = CollabSetup.env(cfg);
      EmhPpo learner = CollabSetup.learner(spec.policy(), cfg, env, quick(spec), spec.seed());
      // Saved at the first episode end after every tenth of the steps, as a curve run's.
      CollabCheckpoints checkpoints = new CollabCheckpoints(dir, learner);
      Resume resume = checkpoints.restore();
      if (resume != null || !adoptCurveTraining(spec, dir, learner)) {
        CollabTraining.trainResumable(
            learner,
            env,
            steps,
            spec.seed(),
            resume,
            around.apply(checkpoints),
            Math.max(1, steps / 10));
      }
      List<RunResult.Series> out = new ArrayList<>();
      String raw = spec.param("variants", "");
      String[] labels = raw.split(";", -1);
      List<List<String>> variants = variants(spec);
      for (int i = 0; i < variants.size(); i++) {
        List<String> ev = CollabSetup.evalSets(spec.overrides());
        ev.addAll(variants.get(i));
        double[] m =
            CollabTraining.evaluate(
                learner, CollabSetup.env(spec.preset(), ev), spec.episodes(), spec.seed());
        out.add(series(variantPhase(labels[i]), false, spec.seed(), List.of(m)));
      }
      checkpoints.finish();
      return new Outcome(environment(env), out);
    }

    /**
     * Lets a run start from the finished training of its {@value #CURVE} twin in the same runs
     * folder: the curve run of the same resolved configuration, learner, seed, steps, evaluation
     * episodes and version whose evaluations fall on every tenth of the steps (as every recipe asks
     * for them). Its training is this run's: the curve run's evaluations act deterministically on
     * an environment of their own and draw nothing from the learner's or the training environment's
     * streams (tested). The twin's {@value CollabCheckpoints#FINAL} is loaded and {@value #ADOPTED}
     * names the twin; the twin's files are only read.
     *
     * @return whether the training was adopted (then {@code learner} holds it)
     */
    static boolean adoptCurveTraining(RunSpec spec, Path dir, EmhPpo learner) {
      Path root = dir.toAbsolutePath().getParent();
      String twin = finishedTwin(spec, root);
      if (twin == null) {
        return false;
      }
      Path trained = root.resolve(twin).resolve(CollabCheckpoints.FINAL);
      try {
        learner.load(trained);
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve(ADOPTED), twin + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(
            new IOException(
                "cannot adopt the trained learner " + trained + ": " + e.getMessage(), e));
      }
      return true;
    }

    /**
     * The {@link #curveTwin} of {@code spec} when it is finished under {@code runsRoot}, or null.
     */
    private static String finishedTwin(RunSpec spec, Path runsRoot) {
      String twin = curveTwin(spec);
      if (twin.equals(spec.id()) || runsRoot == null) {
        return null;
      }
      RunResult done = RunExecutor.read(runsRoot, twin);
      boolean kept = Files.isRegularFile(runsRoot.resolve(twin).resolve(CollabCheckpoints.FINAL));
      return done != null && done.done() && kept ? twin : null;
    }

    @Override
    public String adoptableFrom(RunSpec spec, Path runsRoot) {
      if (Files.isRegularFile(
          runsRoot.resolve(spec.id()).resolve("checkpoint").resolve(CollabCheckpoints.STATE))) {
        return null; // it has a training of its own to resume
      }
      return finishedTwin(spec, runsRoot);
    }

    /**
     * The id of the {@value #CURVE} run whose training equals that of variants run {@code spec}.
     */
    static String curveTwin(RunSpec spec) {
      long steps = longParam(spec, "steps", 1);
      Map<String, String> params = new TreeMap<>();
      params.put("steps", Long.toString(steps));
      params.put("every", Long.toString(Math.max(1, steps / 10)));
      params.put("quick", Boolean.toString(quick(spec)));
      String version = spec.param(VERSION, null);
      if (version != null) {
        params.put(VERSION, version);
      }
      Object config = RunKinds.resolve(spec).config();
      return RunIds.of(
          RunIds.canonical(
              CURVE,
              spec.scheme(),
              config,
              spec.policy(),
              spec.seed(),
              spec.episodes(),
              spec.trainEpisodes(),
              params));
    }

    @Override
    public Outcome placeholder(RunSpec spec) {
      List<RunResult.Series> out = new ArrayList<>();
      for (String label : spec.param("variants", "").split(";", -1)) {
        out.add(
            series(
                variantPhase(label),
                false,
                spec.seed(),
                ones(1, CollabTraining.metricNames().size())));
      }
      return new Outcome("planning", out);
    }
  }
}
