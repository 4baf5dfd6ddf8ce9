package io.edgeoffload.lab;

import io.edgeoffload.core.Learner;
import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.env.TimeLimit;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.core.random.RandomStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Trains a {@link Learner} on a scheme's environment for a number of episodes, in the phases of the
 * learner's loop (explore → step → observe → update), recording every training episode's metrics
 * and saving a checkpoint every {@code checkpointEvery} episodes.
 *
 * <p>Everything random derives from the root seed and the episode index: episode {@code e} resets
 * the environment with {@code seedOf("episode", e)} and reseeds the learner with {@code
 * seedOf("learner", e)}. A checkpoint holds the learner's whole state (networks, optimisers,
 * replay) and the episode metrics so far, written atomically; a run resumed from it therefore ends
 * with exactly the weights and metrics of an uninterrupted run.
 *
 * <p>Files in the run folder: {@code checkpoint.bin} (the learner), {@code checkpoint.properties}
 * (episodes done, root seed, algorithm) and {@code train_episodes.csv} (metrics per training
 * episode), the last two rewritten with each checkpoint.
 */
public final class Trainer {

  /** File names inside a run folder. */
  public static final String CHECKPOINT = "checkpoint.bin";

  public static final String STATE = "checkpoint.properties";
  public static final String EPISODES = "train_episodes.csv";

  private Trainer() {}

  /** What a training run produced. */
  public record Result(
      String environment, List<EpisodeMetric> metrics, double[][] values, Learner learner) {}

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
    config = scheme.configFor(algorithm, config);
    E env = scheme.createEnv(config);
    RandomStreams root = new RandomStreams(seed);
    Learner learner =
        scheme.learners().get(algorithm).create(config, env, root.seedOf("learner-init"));
    TimeLimit limited = new TimeLimit(env, scheme.episodeLength(config));
    List<EpisodeMetric> metrics = scheme.episodeMetrics();
    List<String> keys = env.infoKeys();
    metrics.forEach(m -> m.checkKeys(keys));
    List<double[]> done = new ArrayList<>();
    int start = 0;
    if (resume) {
      start = restore(dir, algorithm, seed, episodes, learner, metrics, done);
    }
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
    int end = Math.min(episodes, stopAfter);
    for (int e = start; e < end; e++) {
      copy(limited.reset(root.seedOf("episode", e)), obs);
      learner.reset(root.seedOf("learner", e));
      java.util.Arrays.fill(sums, 0.0);
      int steps = 0;
      StepResult r;
      do {
        learner.explore(obs, actions); // collect
        r = limited.step(actions);
        learner.observe(obs, actions, r);
        learner.update(sink); // train when due
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
      if (progress != null) {
        if (rewardIndex >= 0) {
          rewardSum += v[rewardIndex];
          progress.note(String.format(Locale.ROOT, "mean reward %.4g", rewardSum / (e + 1)));
        }
        progress.advance(1);
      }
      boolean last = e + 1 == end;
      if (dir != null && ((e + 1) % checkpointEvery == 0 || last)) {
        checkpoint(dir, algorithm, seed, episodes, e + 1, learner, metrics, done);
      }
    }
    return new Result(env.id(), metrics, done.toArray(new double[0][]), learner);
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
      List<double[]> values) {
    try {
      Files.createDirectories(dir);
      // Learner first, then the CSV, then the state that points at both: a crash in between
      // leaves the previous state, whose episode count the other two files still cover.
      learner.save(dir.resolve(CHECKPOINT));
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
              + "\n";
      AtomicFiles.write(dir.resolve(STATE), state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint to " + dir, e);
    }
  }

  private static int restore(
      Path dir,
      String algorithm,
      long seed,
      int episodes,
      Learner learner,
      List<EpisodeMetric> metrics,
      List<double[]> done) {
    Path state = dir.resolve(STATE);
    if (!Files.isRegularFile(state)) {
      throw new io.edgeoffload.core.config.ConfigException(
          "--resume", dir.toString(), "holds no " + STATE + " (not a training run folder)");
    }
    try {
      Properties p = new Properties();
      p.load(Files.newBufferedReader(state, StandardCharsets.UTF_8));
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
      learner.load(dir.resolve(CHECKPOINT));
      List<String> lines = Files.readAllLines(dir.resolve(EPISODES), StandardCharsets.UTF_8);
      for (int e = 0; e < n; e++) {
        String[] cells = lines.get(e + 1).split(",");
        double[] v = new double[metrics.size()];
        for (int k = 0; k < v.length; k++) {
          v[k] = Double.parseDouble(cells[k + 1]);
        }
        done.add(v);
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume from " + dir, e);
    }
  }
}
