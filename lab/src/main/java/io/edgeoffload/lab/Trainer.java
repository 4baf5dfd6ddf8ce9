package io.edgeoffload.lab;

import io.edgeoffload.core.Learner;
import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.env.TimeLimit;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.core.util.Interruption;
import io.edgeoffload.core.util.WorkProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Trains a {@link Learner} on a scheme's environment for a number of episodes, in the phases of the
 * learner's loop (explore → step → observe → update), recording every training episode's metrics
 * and saving a checkpoint every {@code checkpointEvery} episodes.
 *
 * <p>Everything random derives from the root seed and the episode index: episode {@code e} resets
 * the environment with {@code seedOf("episode", e)} and reseeds the learner with {@code
 * seedOf("learner", e)}. A checkpoint holds the learner's whole state (networks, optimisers,
 * replay) and the episode metrics so far; it commits when {@code checkpoint.properties} is written
 * (the learner goes first under a name of its own, which that file names, and takes the common name
 * after), so a crash or an interrupt at any point leaves one consistent checkpoint, and a run
 * resumed from it ends with exactly the weights and metrics of an uninterrupted run. An interrupted
 * thread stops training between two episodes ({@link io.edgeoffload.core.util.Interruption}).
 *
 * <p>Files in the run folder: {@code checkpoint.bin} (the learner), {@code checkpoint.properties}
 * (episodes done, root seed, algorithm) and {@code train_episodes.csv} (metrics per training
 * episode), the last two rewritten with each checkpoint; beside them {@code train_learner.csv} (per
 * training episode, the mean of each scalar the learner reported while it updated, e.g. {@code
 * losses/critic}, {@code losses/actor_q}) and, when {@link Options#probeEvery} is set, {@code
 * train_probe.csv} (the deterministic policy's mean metrics on a fixed set of probe episodes, every
 * {@code probeEvery} training episodes). Probes run the learner's {@code act} on the training
 * environment between episodes; they change neither the learner nor the next episode (every episode
 * resets the environment from its own seed), so a run with probes trains exactly as one without.
 */
public final class Trainer {

  /** File names inside a run folder. */
  public static final String CHECKPOINT = "checkpoint.bin";

  public static final String STATE = "checkpoint.properties";
  public static final String EPISODES = "train_episodes.csv";
  public static final String LEARNER = "train_learner.csv";
  public static final String PROBE = "train_probe.csv";

  /** The learner of the best probe so far, with {@link Options#keepBest}. */
  public static final String BEST = "best.bin";

  /**
   * What acting needs, in place of {@link #CHECKPOINT} once a finished run is {@link #prune
   * pruned}.
   */
  public static final String POLICY = "policy.bin";

  private Trainer() {}

  /**
   * What a training run records beyond its episodes.
   *
   * @param probeEvery evaluate the deterministic policy after every this many training episodes
   *     ({@code 0}: never)
   * @param probeEpisodes episodes per probe, the same seeds every time
   * @param keepBest also save the learner of the best probe so far (highest mean reward; the
   *     earliest among equals) as {@link #BEST}: model selection on the probe episodes, which are
   *     not the evaluation episodes
   */
  public record Options(int probeEvery, int probeEpisodes, boolean keepBest) {
    public static final Options NONE = new Options(0, 0);

    public Options {
      if (probeEvery < 0) {
        throw new io.edgeoffload.core.config.ConfigException(
            "probeEvery", probeEvery, "must be ≥ 0 (0: no probes)");
      }
      if (probeEvery > 0 && probeEpisodes < 1) {
        throw new io.edgeoffload.core.config.ConfigException(
            "probeEpisodes", probeEpisodes, "must be ≥ 1 when probeEvery > 0");
      }
      if (keepBest && probeEvery == 0) {
        throw new io.edgeoffload.core.config.ConfigException(
            "keepBest", true, "needs probes to choose by (probeEvery > 0)");
      }
    }

    /** Probes without keeping the best probed learner. */
    public Options(int probeEvery, int probeEpisodes) {
      this(probeEvery, probeEpisodes, false);
    }
  }

  /**
   * The learner's own scalars per training episode and the probes.
   *
   * @param learnerEpisodes training episodes (0-based) in which the learner updated
   * @param learnerKeys the scalars' keys ({@code losses/critic}, ...)
   * @param learnerValues {@code [row][key]}, the mean of the key's values in that episode
   * @param probeAfter training episodes done at each probe
   * @param probeValues {@code [probe][metric]}, the mean over the probe episodes, metrics as {@link
   *     Result#metrics}
   */
  public record Diagnostics(
      int[] learnerEpisodes,
      List<String> learnerKeys,
      double[][] learnerValues,
      int[] probeAfter,
      double[][] probeValues) {
    static final Diagnostics EMPTY =
        new Diagnostics(new int[0], List.of(), new double[0][], new int[0], new double[0][]);

    /**
     * The index of the probe with the highest value of metric {@code metric} (the earliest among
     * equals), or -1 when there are no probes.
     */
    public int bestProbe(int metric) {
      return firstMax(List.of(probeValues), metric);
    }
  }

  /** What a training run produced. */
  public record Result(
      String environment,
      List<EpisodeMetric> metrics,
      double[][] values,
      Learner learner,
      Diagnostics diagnostics) {
    public Result(
        String environment, List<EpisodeMetric> metrics, double[][] values, Learner learner) {
      this(environment, metrics, values, learner, Diagnostics.EMPTY);
    }

    /**
     * The index of the probe with the highest mean reward (the earliest among equals), the one
     * {@link Options#keepBest} keeps; -1 when there are no probes or no reward metric.
     */
    public int bestProbe() {
      int reward = metrics.stream().map(EpisodeMetric::name).toList().indexOf("reward");
      return reward < 0 ? -1 : diagnostics.bestProbe(reward);
    }

    /** The same result without the learner (to let a large one be collected). */
    public Result withoutLearner() {
      return new Result(environment, metrics, values, null, diagnostics);
    }
  }

  /**
   * Trains {@code algorithm} for {@code episodes} episodes in total, starting from the checkpoint
   * in {@code dir} when {@code resume} is set.
   *
   * @param stopAfter stop (as if interrupted) once this many episodes are done in total; for tests
   *     of resumption. Use {@code Integer.MAX_VALUE} otherwise.
   */
  public static <C, E extends ParallelEnv> Result train(
      Scheme<C, E> scheme,
      C config,
      String algorithm,
      int episodes,
      long seed,
      Path dir,
      int checkpointEvery,
      boolean resume,
      int stopAfter,
      MetricsSink sink,
      Progress progress) {
    return train(
        scheme,
        config,
        algorithm,
        episodes,
        seed,
        dir,
        checkpointEvery,
        resume,
        stopAfter,
        sink,
        progress,
        Options.NONE);
  }

  /** As above, with probes ({@link Options}). */
  public static <C, E extends ParallelEnv> Result train(
      Scheme<C, E> scheme,
      C config,
      String algorithm,
      int episodes,
      long seed,
      Path dir,
      int checkpointEvery,
      boolean resume,
      int stopAfter,
      MetricsSink sink,
      Progress progress,
      Options options) {
    config = scheme.configFor(algorithm, config);
    E env = scheme.createEnv(config);
    RandomStreams root = new RandomStreams(seed);
    Learner learner = learner(scheme, config, env, algorithm, seed);
    TimeLimit limited = new TimeLimit(env, scheme.episodeLength(config));
    List<EpisodeMetric> metrics = scheme.episodeMetrics();
    List<String> keys = env.infoKeys();
    metrics.forEach(m -> m.checkKeys(keys));
    List<double[]> done = new ArrayList<>();
    Recorded rec = new Recorded();
    int start = 0;
    if (resume) {
      start = restore(dir, algorithm, seed, episodes, learner, metrics, done, rec);
    }
    EpisodeScalars scalars = new EpisodeScalars(sink);
    if (progress != null) {
      progress.advance(start);
    }
    int agents = env.numAgents();
    float[][] actions = new float[agents][];
    float[][] obs = new float[agents][];
    for (int i = 0; i < agents; i++) {
      actions[i] = new float[env.actionSpace(i).dim()];
      obs[i] = new float[env.observationSpace(i).dim()];
    }
    double[] sums = new double[keys.size()];
    int rewardIndex = metrics.stream().map(EpisodeMetric::name).toList().indexOf("reward");
    double rewardSum = 0;
    for (double[] v : done) {
      rewardSum += rewardIndex >= 0 ? v[rewardIndex] : 0;
    }
    if (options.keepBest() && rewardIndex < 0) {
      throw new io.edgeoffload.core.config.ConfigException(
          "keepBest", true, "needs a reward metric to choose by; " + env.id() + " has none");
    }
    int end = Math.min(episodes, stopAfter);
    for (int e = start; e < end; e++) {
      // Interrupted: what the last checkpoint holds is what a resumed run starts from.
      Interruption.stopBeforeEpisode(e);
      copy(limited.reset(root.seedOf("episode", e)), obs);
      learner.reset(root.seedOf("learner", e));
      java.util.Arrays.fill(sums, 0.0);
      int steps = 0;
      StepResult r;
      do {
        learner.explore(obs, actions); // collect
        r = limited.step(actions);
        learner.observe(obs, actions, r);
        learner.update(scalars); // train when due
        double[] info = r.info();
        for (int k = 0; k < sums.length; k++) {
          sums[k] += info[k];
        }
        copy(r.observations(), obs);
        steps++;
      } while (!r.done());
      double[] v = new double[metrics.size()];
      for (int k = 0; k < v.length; k++) {
        v[k] = metrics.get(k).value(sums, keys, steps);
        sink.scalar("train/" + metrics.get(k).name(), e, v[k]);
      }
      done.add(v);
      Map<String, Double> learned = scalars.episodeMeans();
      if (!learned.isEmpty()) {
        rec.learner.put(e, learned);
      }
      if (options.probeEvery() > 0 && (e + 1) % options.probeEvery() == 0) {
        double[] p = probe(limited, learner, metrics, keys, options.probeEpisodes(), root, actions);
        rec.probes.put(e + 1, p);
        if (options.keepBest() && dir != null && rec.bestAfter(rewardIndex) == e + 1) {
          // A new best: saved now (atomically). Should a crash lose the checkpoint after it, the
          // resumed run reaches this probe again, with the same learner, and saves it again.
          saveBest(dir, learner);
        }
      }
      WorkProgress.report(e + 1, episodes);
      if (progress != null) {
        if (rewardIndex >= 0) {
          rewardSum += v[rewardIndex];
          progress.note(String.format(Locale.ROOT, "mean reward %.4g", rewardSum / (e + 1)));
        }
        progress.advance(1);
      }
      boolean last = e + 1 == end;
      if (dir != null && ((e + 1) % checkpointEvery == 0 || last)) {
        checkpoint(dir, algorithm, seed, episodes, e + 1, learner, metrics, done, rec);
      }
    }
    return new Result(
        env.id(), metrics, done.toArray(new double[0][]), learner, rec.diagnostics(metrics));
  }

  /**
   * The deterministic policy ({@link Learner#act}) on probe episodes {@code 0..count)}, whose seeds
   * derive from the root seed and do not change between probes: the mean of each metric. The
   * learner is reset with a probe seed, which the next training episode's reset replaces.
   */
  private static double[] probe(
      TimeLimit env,
      Learner learner,
      List<EpisodeMetric> metrics,
      List<String> keys,
      int count,
      RandomStreams root,
      float[][] actions) {
    double[] mean = new double[metrics.size()];
    double[] one = new double[metrics.size()];
    double[] sums = new double[keys.size()];
    for (int j = 0; j < count; j++) {
      Runner.episode(
          env,
          learner,
          root.seedOf("probe", j),
          root.seedOf("probe-policy", j),
          metrics,
          keys,
          actions,
          sums,
          one);
      for (int k = 0; k < mean.length; k++) {
        mean[k] += one[k] / count;
      }
    }
    return mean;
  }

  /** Collects the scalars a learner reports during one episode, passing them on. */
  private static final class EpisodeScalars implements MetricsSink {
    private final MetricsSink next;
    private final Map<String, double[]> acc = new LinkedHashMap<>();

    EpisodeScalars(MetricsSink next) {
      this.next = next;
    }

    @Override
    public void scalar(String key, long step, double value) {
      next.scalar(key, step, value);
      double[] a = acc.computeIfAbsent(key, k -> new double[2]);
      a[0] += value;
      a[1]++;
    }

    /** The means since the last call, in the order the keys were first reported; then clears. */
    Map<String, Double> episodeMeans() {
      Map<String, Double> out = new LinkedHashMap<>();
      acc.forEach((k, a) -> out.put(k, a[0] / a[1]));
      acc.clear();
      return out;
    }
  }

  /** The learner's scalars (by episode) and the probes (by training episodes done) so far. */
  private static final class Recorded {
    final TreeMap<Integer, Map<String, Double>> learner = new TreeMap<>();
    final TreeMap<Integer, double[]> probes = new TreeMap<>();

    /** Training episodes done at the best probe so far by {@code metric}, or -1. */
    int bestAfter(int metric) {
      int r = firstMax(new ArrayList<>(probes.values()), metric);
      return r < 0 ? -1 : new ArrayList<>(probes.keySet()).get(r);
    }

    /** Keys in order of first appearance. */
    List<String> learnerKeys() {
      LinkedHashSet<String> keys = new LinkedHashSet<>();
      learner.values().forEach(m -> keys.addAll(m.keySet()));
      return new ArrayList<>(keys);
    }

    Diagnostics diagnostics(List<EpisodeMetric> metrics) {
      // Keys that every recorded episode has (a learner reports the same keys at each update).
      List<String> keys = new ArrayList<>();
      for (String k : learnerKeys()) {
        if (learner.values().stream().allMatch(m -> m.containsKey(k))) {
          keys.add(k);
        }
      }
      int[] eps = learner.keySet().stream().mapToInt(Integer::intValue).toArray();
      double[][] lv = new double[eps.length][keys.size()];
      for (int r = 0; r < eps.length; r++) {
        Map<String, Double> m = learner.get(eps[r]);
        for (int k = 0; k < keys.size(); k++) {
          lv[r][k] = m.get(keys.get(k));
        }
      }
      int[] after = probes.keySet().stream().mapToInt(Integer::intValue).toArray();
      double[][] pv = probes.values().toArray(new double[0][]);
      return new Diagnostics(eps, keys, lv, after, pv);
    }

    String learnerCsv() {
      List<String> keys = learnerKeys();
      StringBuilder csv = new StringBuilder("episode");
      keys.forEach(k -> csv.append(',').append(k));
      csv.append('\n');
      learner.forEach(
          (e, m) -> {
            csv.append(e);
            for (String k : keys) {
              Double v = m.get(k);
              csv.append(',').append(v == null ? "" : Double.toString(v));
            }
            csv.append('\n');
          });
      return csv.toString();
    }

    String probeCsv(List<EpisodeMetric> metrics) {
      StringBuilder csv = new StringBuilder("after");
      metrics.forEach(m -> csv.append(',').append(m.name()));
      csv.append('\n');
      probes.forEach(
          (after, v) -> {
            csv.append(after);
            for (double x : v) {
              csv.append(',').append(Double.toString(x));
            }
            csv.append('\n');
          });
      return csv.toString();
    }

    /** Reads what a checkpoint wrote, up to {@code done} episodes; absent files are no rows. */
    void read(Path dir, int done, int metricCount) throws IOException {
      Path l = dir.resolve(LEARNER);
      if (Files.isRegularFile(l)) {
        List<String> lines = Files.readAllLines(l, StandardCharsets.UTF_8);
        String[] keys = lines.get(0).split(",", -1);
        for (String line : lines.subList(1, lines.size())) {
          String[] cells = line.split(",", -1);
          int e = Integer.parseInt(cells[0]);
          if (e >= done) {
            continue;
          }
          Map<String, Double> m = new LinkedHashMap<>();
          for (int k = 1; k < keys.length; k++) {
            if (!cells[k].isEmpty()) {
              m.put(keys[k], Double.parseDouble(cells[k]));
            }
          }
          learner.put(e, m);
        }
      }
      Path p = dir.resolve(PROBE);
      if (Files.isRegularFile(p)) {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
          String[] cells = line.split(",", -1);
          int after = Integer.parseInt(cells[0]);
          if (after > done) {
            continue;
          }
          double[] v = new double[metricCount];
          for (int k = 0; k < v.length; k++) {
            v[k] = Double.parseDouble(cells[k + 1]);
          }
          probes.put(after, v);
        }
      }
    }
  }

  private static void copy(float[][] src, float[][] dst) {
    for (int i = 0; i < src.length; i++) {
      System.arraycopy(src[i], 0, dst[i], 0, dst[i].length);
    }
  }

  private static void checkpoint(
      Path dir,
      String algorithm,
      long seed,
      int episodes,
      int done,
      Learner learner,
      List<EpisodeMetric> metrics,
      List<double[]> values,
      Recorded rec) {
    try {
      Files.createDirectories(dir);
      // The learner under a name of its own, then the CSVs, then the state that points at them:
      // the state is the commit. A crash (or an interrupt) before it leaves the previous state,
      // whose learner file is untouched and whose episode count the CSVs still cover (they only
      // grow). Once committed, the learner takes the name everyone reads.
      String learnerFile = "checkpoint-" + done + ".bin";
      learner.save(dir.resolve(learnerFile));
      StringBuilder csv = new StringBuilder("episode");
      for (EpisodeMetric m : metrics) {
        csv.append(',').append(m.name());
      }
      csv.append('\n');
      for (int e = 0; e < values.size(); e++) {
        csv.append(e);
        for (double x : values.get(e)) {
          csv.append(',').append(Double.toString(x)); // round-trips exactly
        }
        csv.append('\n');
      }
      AtomicFiles.write(dir.resolve(EPISODES), csv.toString());
      AtomicFiles.write(dir.resolve(LEARNER), rec.learnerCsv());
      AtomicFiles.write(dir.resolve(PROBE), rec.probeCsv(metrics));
      String state =
          "# EdgeOffload training checkpoint\n"
              + "algorithm="
              + algorithm
              + "\nseed="
              + seed
              + "\nepisodes="
              + episodes
              + "\ndone="
              + done
              + "\nsteps="
              + learner.steps()
              + "\nlearner="
              + learnerFile
              + "\n";
      AtomicFiles.write(dir.resolve(STATE), state);
      promote(dir, learnerFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint to " + dir, e);
    }
  }

  /** The index of the row with the highest {@code metric} (the earliest among equals), or -1. */
  static int firstMax(List<double[]> rows, int metric) {
    int best = -1;
    for (int r = 0; r < rows.size(); r++) {
      if (best < 0 || rows.get(r)[metric] > rows.get(best)[metric]) {
        best = r;
      }
    }
    return best;
  }

  private static void saveBest(Path dir, Learner learner) {
    try {
      Files.createDirectories(dir);
      learner.save(dir.resolve(BEST));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the best probed learner to " + dir, e);
    }
  }

  /** Removes learner files of checkpoints that never committed (a crash before their state). */
  private static void deleteStaleLearners(Path dir) throws IOException {
    try (var files = Files.newDirectoryStream(dir, "checkpoint-*.bin")) {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
    }
  }

  /**
   * Finishes a checkpoint that committed but crashed before its learner took the common name (the
   * state names a file that still exists): moves it to {@link #CHECKPOINT}. States written before
   * they named their learner file have only {@link #CHECKPOINT}.
   */
  private static void rollForward(Path dir, Properties state) throws IOException {
    String named = state.getProperty("learner");
    if (named != null && Files.isRegularFile(dir.resolve(named))) {
      promote(dir, named);
    } else {
      deleteStaleLearners(dir);
    }
  }

  /** Gives the committed learner file the common name and removes uncommitted ones. */
  private static void promote(Path dir, String learnerFile) throws IOException {
    Files.move(
        dir.resolve(learnerFile),
        dir.resolve(CHECKPOINT),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    deleteStaleLearners(dir);
  }

  /**
   * A new learner of {@code algorithm} on {@code env}, drawn as a run with root seed {@code seed}
   * draws it (loading a checkpoint or policy then overwrites what the draw set).
   */
  public static <C, E extends ParallelEnv> Learner learner(
      Scheme<C, E> scheme, C config, E env, String algorithm, long seed) {
    return scheme
        .learners()
        .get(algorithm)
        .create(config, env, new RandomStreams(seed).seedOf("learner-init"));
  }

  /**
   * The file to load the trained learner of the run in {@code dir} from, to act: its checkpoint, or
   * its policy file once the run is {@link #prune pruned}.
   */
  public static Path learnerFile(Path dir) {
    Path checkpoint = dir.resolve(CHECKPOINT);
    Path policy = dir.resolve(POLICY);
    return !Files.isRegularFile(checkpoint) && Files.isRegularFile(policy) ? policy : checkpoint;
  }

  /**
   * Whether a checkpoint's state says its run has done all its episodes (false where either count
   * is missing).
   *
   * @throws NumberFormatException where a count is not a whole number
   */
  static boolean complete(Properties state) {
    return Integer.parseInt(state.getProperty("done", "-1"))
        == Integer.parseInt(state.getProperty("episodes", "-2"));
  }

  /**
   * Whether the run in {@code dir}, whose state is {@code state}, was pruned: its policy file is
   * there and no checkpoint is (neither the common name nor the one its state names).
   */
  static boolean pruned(Path dir, Properties state) {
    return Files.isRegularFile(dir.resolve(POLICY))
        && !Files.isRegularFile(dir.resolve(CHECKPOINT))
        && !Files.isRegularFile(dir.resolve(state.getProperty("learner", CHECKPOINT)));
  }

  /**
   * Replaces the checkpoint of the finished training run in {@code dir} by its policy file ({@link
   * Learner#savePolicy}), and a kept {@link #BEST} learner by its own policy: the run is evaluated
   * as before (readers load {@link #learnerFile}) but cannot train further. A 48-agent UCMS
   * checkpoint holds critics, target networks, optimiser moments and a replay buffer, some 400 MB;
   * its policy, the actors and the servers' critics, a few MB. The policy is written (atomically)
   * before the checkpoint is deleted, so an interrupted prune leaves both and can be repeated.
   *
   * @param config the run's configuration, as it trained (the learner is built from it)
   * @return the bytes freed; 0 when the run was pruned already
   * @throws io.edgeoffload.core.config.ConfigException when {@code dir} holds no finished training
   */
  public static <C, E extends ParallelEnv> long prune(Scheme<C, E> scheme, C config, Path dir) {
    if (!Files.isRegularFile(dir.resolve(STATE))) {
      throw new io.edgeoffload.core.config.ConfigException(
          "run folder", dir.toString(), "holds no " + STATE + " (not a training run folder)");
    }
    try {
      Properties p = state(dir);
      if (!complete(p)) {
        throw new io.edgeoffload.core.config.ConfigException(
            "run folder",
            dir.toString(),
            "has done "
                + p.getProperty("done")
                + " of its "
                + p.getProperty("episodes")
                + " training episodes: only a finished training is pruned (resume it first)");
      }
      if (pruned(dir, p)) {
        return 0;
      }
      rollForward(dir, p);
      Path checkpoint = dir.resolve(CHECKPOINT);
      Path policy = dir.resolve(POLICY);
      Path best = dir.resolve(BEST);
      String algorithm = p.getProperty("algorithm");
      C c = scheme.configFor(algorithm, config);
      Learner learner =
          learner(scheme, c, scheme.createEnv(c), algorithm, Long.parseLong(p.getProperty("seed")));
      long before = Files.size(checkpoint) + (Files.isRegularFile(best) ? Files.size(best) : 0);
      learner.load(checkpoint);
      learner.savePolicy(policy);
      if (Files.isRegularFile(best)) {
        learner.load(best);
        learner.savePolicy(best);
      }
      Files.delete(checkpoint);
      return before - Files.size(policy) - (Files.isRegularFile(best) ? Files.size(best) : 0);
    } catch (NumberFormatException e) {
      throw new io.edgeoffload.core.config.ConfigException(
          STATE,
          dir.resolve(STATE).toString(),
          "holds an unreadable number (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prune " + dir, e);
    }
  }

  /**
   * Whether {@code dir} holds a committed checkpoint of a training run that has done its {@code
   * episodes} episodes (false when there is none, or it cannot be read); a {@link #prune pruned}
   * run's policy file counts as its checkpoint.
   */
  public static boolean finished(Path dir, int episodes) {
    if (!Files.isRegularFile(dir.resolve(STATE))) {
      return false;
    }
    try {
      Properties p = state(dir);
      String named = p.getProperty("learner", CHECKPOINT);
      // The named learner, or the common name it takes once promoted (see rollForward).
      return Integer.parseInt(p.getProperty("done", "-1")) == episodes
          && (Files.isRegularFile(dir.resolve(named))
              || Files.isRegularFile(dir.resolve(CHECKPOINT))
              || Files.isRegularFile(dir.resolve(POLICY)));
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  static Properties state(Path dir) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(dir.resolve(STATE), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  private static int restore(
      Path dir,
      String algorithm,
      long seed,
      int episodes,
      Learner learner,
      List<EpisodeMetric> metrics,
      List<double[]> done,
      Recorded rec) {
    Path state = dir.resolve(STATE);
    if (!Files.isRegularFile(state)) {
      throw new io.edgeoffload.core.config.ConfigException(
          "--resume", dir.toString(), "holds no " + STATE + " (not a training run folder)");
    }
    try {
      Properties p = state(dir);
      if (!algorithm.equals(p.getProperty("algorithm"))) {
        throw new io.edgeoffload.core.config.ConfigException(
            "--algo", algorithm, "the run in " + dir + " trained " + p.getProperty("algorithm"));
      }
      if (seed != Long.parseLong(p.getProperty("seed"))) {
        throw new io.edgeoffload.core.config.ConfigException(
            "--seed", seed, "the run in " + dir + " used seed " + p.getProperty("seed"));
      }
      int n = Integer.parseInt(p.getProperty("done"));
      if (n > episodes) {
        throw new io.edgeoffload.core.config.ConfigException(
            "--episodes", episodes, "the run in " + dir + " has already done " + n);
      }
      if (pruned(dir, p)) {
        if (n < episodes) {
          throw new io.edgeoffload.core.config.ConfigException(
              "--episodes",
              episodes,
              "the run in "
                  + dir
                  + " was pruned to its policy after "
                  + n
                  + " episodes (edgeoffload prune): it can be evaluated, not trained further");
        }
        learner.load(dir.resolve(POLICY));
      } else {
        rollForward(dir, p);
        learner.load(dir.resolve(CHECKPOINT));
      }
      List<String> lines = Files.readAllLines(dir.resolve(EPISODES), StandardCharsets.UTF_8);
      for (int e = 0; e < n; e++) {
        String[] cells = lines.get(e + 1).split(",");
        double[] v = new double[metrics.size()];
        for (int k = 0; k < v.length; k++) {
          v[k] = Double.parseDouble(cells[k + 1]);
        }
        done.add(v);
      }
      rec.read(dir, n, metrics.size());
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume from " + dir, e);
    }
  }
}
