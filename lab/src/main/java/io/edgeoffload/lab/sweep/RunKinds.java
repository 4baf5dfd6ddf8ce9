package io.edgeoffload.lab.sweep;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.core.registry.Registry;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.Runner;
import io.edgeoffload.lab.Schemes;
import io.edgeoffload.lab.Trainer;
import io.edgeoffload.lab.recipe.Trained;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of run kinds. Built in: {@code eval} (a registered policy evaluated for {@code
 * episodes} episodes) and {@code train} (a learner trained for {@code trainEpisodes} episodes with
 * checkpoints in the run folder, then evaluated greedily for {@code episodes} episodes). Recipes
 * add their own kinds here, in code, so that every JVM sees the same registry.
 */
public final class RunKinds {
  private static final Registry<RunKind> REGISTRY = new Registry<>("run kind");

  static {
    register(new Eval());
    register(new Train());
    // The COLLAB experiments' kinds (Figs. 6-12, Tables IV and V).
    for (RunKind k : io.edgeoffload.collab.experiment.CollabRunKinds.all()) {
      register(k);
    }
  }

  private RunKinds() {}

  /** Adds a kind; ids are unique. */
  public static synchronized void register(RunKind kind) {
    if (!REGISTRY.contains(kind.id())) {
      REGISTRY.register(kind.id(), kind.description(), kind);
    }
  }

  public static Registry<RunKind> registry() {
    return REGISTRY;
  }

  /** The kind with this id, or a configuration error listing the valid ids. */
  public static RunKind get(String id) {
    return REGISTRY.get(id);
  }

  /** The configuration a spec resolves to: its preset with its overrides, bound and validated. */
  public static ResolvedConfig<?> resolve(RunSpec spec) {
    return ResolvedConfig.resolve(
        Schemes.get(spec.scheme()), spec.preset(), null, spec.overrides());
  }

  /** One phase's series from per-episode values of a scheme's metrics. */
  public static RunResult.Series series(
      String phase, List<EpisodeMetric> metrics, long[] seeds, double[][] values) {
    List<String> names = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    List<Boolean> headline = new ArrayList<>();
    for (EpisodeMetric m : metrics) {
      names.add(m.name());
      descriptions.add(m.description());
      headline.add(m.headline());
    }
    return new RunResult.Series(phase, names, descriptions, headline, seeds, values);
  }

  /** A series of the scheme's metrics with {@code rows} rows of 1.0, for planning. */
  public static RunResult.Series placeholderSeries(String phase, String scheme, int rows) {
    List<EpisodeMetric> metrics = Schemes.get(scheme).episodeMetrics();
    double[][] v = new double[rows][metrics.size()];
    for (double[] row : v) {
      java.util.Arrays.fill(row, 1.0);
    }
    return series(phase, metrics, new long[rows], v);
  }

  /** {@code eval}: the policy {@code spec.policy()} for {@code spec.episodes()} episodes. */
  static final class Eval implements RunKind {
    @Override
    public String id() {
      return "eval";
    }

    @Override
    public String description() {
      return "evaluate a registered policy for `episodes` episodes";
    }

    @Override
    public void validate(RunSpec spec) {
      Schemes.get(spec.scheme()).policies().get(spec.policy());
      if (spec.episodes() < 1) {
        throw new ConfigException("episodes", spec.episodes(), "must be at least 1");
      }
    }

    @Override
    public Outcome execute(RunSpec spec, Path dir) {
      return run(resolve(spec), spec);
    }

    @Override
    public Outcome placeholder(RunSpec spec) {
      return new Outcome(
          "planning", List.of(placeholderSeries("eval", spec.scheme(), spec.episodes())));
    }

    private static <C> Outcome run(ResolvedConfig<C> resolved, RunSpec spec) {
      Runner.Result r =
          Runner.run(
              resolved.scheme(),
              resolved.config(),
              spec.policy(),
              spec.episodes(),
              spec.seed(),
              null);
      return new Outcome(
          r.environment(), List.of(series("eval", r.metrics(), r.episodeSeeds(), r.values())));
    }
  }

  /**
   * {@code train}: the learner {@code spec.policy()} trained for {@code spec.trainEpisodes()}
   * episodes (checkpoints every tenth of the budget under {@code dir/train}, resumed when present),
   * then, if {@code spec.episodes() > 0}, evaluated from its final checkpoint on the evaluation
   * seed derived from the root seed. Phases: {@code train}, {@code eval}, {@code learner} (the
   * learner's own scalars per training episode in which it updated, with the episode in the column
   * {@code train_episode}) and, with the parameters {@code probeEvery} and {@code probeEpisodes},
   * {@code probe} (the deterministic policy's mean metrics every {@code probeEvery} training
   * episodes, with {@code trained_episodes}). A run with evaluation episodes adopts the finished
   * training of the same run without them, where there is one ({@link #adoptTraining}).
   */
  static final class Train implements RunKind {
    /** Parameters of the kind (part of a run's identity when set). */
    static final String PROBE_EVERY = "probeEvery";

    static final String PROBE_EPISODES = "probeEpisodes";

    /** {@code best}: evaluate the learner of the best probe ({@link Trainer#BEST}). */
    static final String SELECT = "select";

    @Override
    public String id() {
      return "train";
    }

    @Override
    public String description() {
      return "train a learner for `trainEpisodes` episodes, then evaluate it for `episodes`";
    }

    @Override
    public void validate(RunSpec spec) {
      Schemes.get(spec.scheme()).learners().get(spec.policy());
      if (spec.trainEpisodes() < 1) {
        throw new ConfigException("train.episodes", spec.trainEpisodes(), "must be at least 1");
      }
      if (spec.episodes() < 0) {
        throw new ConfigException("episodes", spec.episodes(), "must be at least 0");
      }
      options(spec);
    }

    static Trainer.Options options(RunSpec spec) {
      int every = intParam(spec, PROBE_EVERY, "train.probe.every");
      int episodes = intParam(spec, PROBE_EPISODES, "train.probe.episodes");
      boolean best = spec.param(SELECT, "last").equals("best");
      return every == 0 && !best
          ? Trainer.Options.NONE
          : new Trainer.Options(every, episodes, best);
    }

    private static int intParam(RunSpec spec, String key, String field) {
      String v = spec.param(key, "0");
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new ConfigException(field, v, "must be a whole number");
      }
    }

    @Override
    public Outcome execute(RunSpec spec, Path dir) {
      ResolvedConfig<?> resolved = resolve(spec);
      adoptTraining(spec, resolved.config(), dir);
      return run(resolved, spec, dir.resolve("train"));
    }

    /** Names the run whose training a run adopted, in the adopting run's {@code train/}. */
    static final String ADOPTED = "adopted-from.txt";

    /**
     * Lets a run that evaluates after training start from a finished training of the same spec: the
     * run identified as this one with {@code episodes = 0} (Fig. 5's curves and Fig. 6's point at N
     * = 48 train exactly the same learner). Training does not depend on the evaluation episodes, so
     * this run then resumes at its last episode, as a resume would, and only evaluates: its values
     * are those of a run trained here. The donor's files are hard-linked (copied where the file
     * system cannot link) into a new folder that takes the name {@code train} only when complete;
     * they are never written in place, so the two runs cannot disturb each other.
     *
     * @return whether the training was adopted
     */
    static boolean adoptTraining(RunSpec spec, Object config, Path dir) {
      Path train = dir.resolve("train");
      String donorId = donorOf(spec, config, dir);
      if (donorId == null) {
        return false;
      }
      Path donor = dir.toAbsolutePath().getParent().resolve(donorId).resolve("train");
      try {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, ".train-adopted");
        try (var files = Files.list(donor)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            if (!Files.isRegularFile(f) || f.getFileName().toString().startsWith(".")) {
              continue;
            }
            Path to = tmp.resolve(f.getFileName().toString());
            try {
              Files.createLink(to, f);
            } catch (UnsupportedOperationException | java.io.IOException e) {
              Files.copy(f, to);
            }
          }
        }
        Files.writeString(tmp.resolve(ADOPTED), donorId + "\n");
        // A train/ without a committed state holds nothing a resume would read.
        if (Files.exists(train)) {
          try (var old = Files.list(train)) {
            for (Path f : (Iterable<Path>) old::iterator) {
              Files.deleteIfExists(f);
            }
          }
          Files.delete(train);
        }
        Files.move(tmp, train, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot adopt the training of run " + donorId + " into " + dir, e);
      }
    }

    /**
     * The id of the run without evaluation episodes whose finished training {@code spec} would
     * adopt under {@code runsRoot}, or null where there is none (or {@code spec} is that run).
     */
    private static String finishedDonor(RunSpec spec, Object config, Path runsRoot) {
      if (spec.episodes() == 0 || runsRoot == null) {
        return null;
      }
      String donorId =
          RunIds.of(
              RunIds.canonical(
                  "train",
                  spec.scheme(),
                  config,
                  spec.policy(),
                  spec.seed(),
                  0,
                  spec.trainEpisodes(),
                  spec.params()));
      boolean finished =
          Trainer.finished(runsRoot.resolve(donorId).resolve("train"), spec.trainEpisodes());
      return donorId.equals(spec.id()) || !finished ? null : donorId;
    }

    /**
     * The donor run {@code spec}, in folder {@code dir}, would adopt: none where it has a training
     * of its own to resume, else {@link #finishedDonor} beside it.
     */
    private static String donorOf(RunSpec spec, Object config, Path dir) {
      if (Files.isRegularFile(dir.resolve("train").resolve(Trainer.STATE))) {
        return null;
      }
      return finishedDonor(spec, config, dir.toAbsolutePath().getParent());
    }

    @Override
    public String adoptableFrom(RunSpec spec, Path runsRoot) {
      return donorOf(spec, resolve(spec).config(), runsRoot.resolve(spec.id()));
    }

    @Override
    public Outcome placeholder(RunSpec spec) {
      List<RunResult.Series> s = new ArrayList<>();
      s.add(placeholderSeries("train", spec.scheme(), spec.trainEpisodes()));
      if (spec.episodes() > 0) {
        s.add(placeholderSeries("eval", spec.scheme(), spec.episodes()));
      }
      return new Outcome("planning", s);
    }

    private static <C, E extends ParallelEnv> Trainer.Result train(
        Scheme<C, E> scheme, C config, RunSpec spec, Path trainDir) {
      int every = Math.max(1, spec.trainEpisodes() / 10);
      boolean resume = Files.isRegularFile(trainDir.resolve(Trainer.STATE));
      return Trainer.train(
          scheme,
          config,
          spec.policy(),
          spec.trainEpisodes(),
          spec.seed(),
          trainDir,
          every,
          resume,
          Integer.MAX_VALUE,
          MetricsSink.NONE,
          null,
          options(spec));
    }

    private static <C, E extends ParallelEnv> Outcome run(
        ResolvedConfig<C> resolved, RunSpec spec, Path trainDir) {
      @SuppressWarnings("unchecked")
      Scheme<C, E> scheme = (Scheme<C, E>) resolved.scheme();
      // The trained learner is not kept: evaluation loads it from its checkpoint, so the training
      // copy (replay buffer included: about 1 GB for 48 UCMS agents) can be collected first.
      Trainer.Result t = train(scheme, resolved.config(), spec, trainDir).withoutLearner();
      List<RunResult.Series> out = new ArrayList<>();
      long[] trainSeeds = new long[t.values().length];
      RandomStreams root = new RandomStreams(spec.seed());
      for (int e = 0; e < trainSeeds.length; e++) {
        trainSeeds[e] = root.seedOf("episode", e);
      }
      out.add(series("train", t.metrics(), trainSeeds, t.values()));
      out.addAll(diagnostics(t));
      String environment = t.environment();
      boolean best = options(spec).keepBest();
      if (best) {
        out.add(selected(t));
      }
      if (spec.episodes() > 0) {
        C config = scheme.configFor(spec.policy(), resolved.config());
        Runner.Result r =
            Runner.run(
                scheme,
                config,
                Trained.factory(
                    scheme,
                    spec.policy(),
                    spec.seed(),
                    best ? trainDir.resolve(Trainer.BEST) : Trainer.learnerFile(trainDir)),
                spec.episodes(),
                // Evaluation episodes are not the training episodes (as `edgeoffload eval`).
                RandomStreams.derive(spec.seed(), "evaluation"),
                null);
        out.add(series("eval", r.metrics(), r.episodeSeeds(), r.values()));
        environment = r.environment();
      }
      return new Outcome(environment, out);
    }

    /**
     * The {@code selected} phase of a run that evaluates its best probed learner: one row, the
     * training episodes done at that probe and its metrics.
     */
    static RunResult.Series selected(Trainer.Result t) {
      Trainer.Diagnostics d = t.diagnostics();
      int r = t.bestProbe();
      List<String> names = new ArrayList<>(List.of("trained_episodes"));
      t.metrics().forEach(m -> names.add(m.name()));
      double[][] v = new double[1][names.size()];
      v[0][0] = d.probeAfter()[r];
      System.arraycopy(d.probeValues()[r], 0, v[0], 1, t.metrics().size());
      return plain(
          "selected", names, v, "the best probe (highest mean reward), which is evaluated");
    }

    /** The {@code learner} and {@code probe} phases, where the run has them. */
    static List<RunResult.Series> diagnostics(Trainer.Result t) {
      List<RunResult.Series> out = new ArrayList<>();
      Trainer.Diagnostics d = t.diagnostics();
      if (d.learnerEpisodes().length > 0 && !d.learnerKeys().isEmpty()) {
        List<String> names = new ArrayList<>(List.of("train_episode"));
        names.addAll(d.learnerKeys());
        double[][] v = new double[d.learnerEpisodes().length][names.size()];
        for (int r = 0; r < v.length; r++) {
          v[r][0] = d.learnerEpisodes()[r];
          System.arraycopy(d.learnerValues()[r], 0, v[r], 1, d.learnerKeys().size());
        }
        out.add(
            plain("learner", names, v, "the learner's scalar, mean over the episode's updates"));
      }
      if (d.probeAfter().length > 0) {
        List<String> names = new ArrayList<>(List.of("trained_episodes"));
        List<String> descriptions = new ArrayList<>(List.of("training episodes done"));
        List<Boolean> headline = new ArrayList<>(List.of(false));
        for (var m : t.metrics()) {
          names.add(m.name());
          descriptions.add(m.description() + " (deterministic policy, mean over probe episodes)");
          headline.add(false);
        }
        double[][] v = new double[d.probeAfter().length][names.size()];
        for (int r = 0; r < v.length; r++) {
          v[r][0] = d.probeAfter()[r];
          System.arraycopy(d.probeValues()[r], 0, v[r], 1, t.metrics().size());
        }
        out.add(
            new RunResult.Series("probe", names, descriptions, headline, new long[v.length], v));
      }
      return out;
    }

    private static RunResult.Series plain(
        String phase, List<String> names, double[][] v, String description) {
      List<String> descriptions = new ArrayList<>();
      List<Boolean> headline = new ArrayList<>();
      for (int k = 0; k < names.size(); k++) {
        descriptions.add(k == 0 ? "training episode" : description);
        headline.add(false);
      }
      return new RunResult.Series(phase, names, descriptions, headline, new long[v.length], v);
    }
  }
}
