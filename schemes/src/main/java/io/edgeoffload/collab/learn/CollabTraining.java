package io.edgeoffload.collab.learn;

import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabScheme;
import io.edgeoffload.core.Learner;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.env.EpisodeLoop;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.core.util.Interruption;
import io.edgeoffload.core.util.WorkProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop of {@link io.edgeoffload.core.Learner} on a COLLAB environment, read top to
 * bottom: explore → step → observe → update, episodes reset with seeds derived from the run's seed;
 * and the evaluation of any policy. Metrics are the scheme's episode metrics.
 */
public final class CollabTraining {
  private CollabTraining() {}

  /** The metric names, in order. */
  public static List<String> metricNames() {
    List<String> out = new ArrayList<>();
    for (EpisodeMetric m : new CollabScheme().episodeMetrics()) {
      out.add(m.name());
    }
    return out;
  }

  /** Called after each finished training episode with the step count and the episode's metrics. */
  @FunctionalInterface
  public interface EpisodeListener {
    void onEpisode(long step, double[] metrics);
  }

  /** Trains {@code learner} for {@code steps} environment steps; returns the updates made. */
  public static long train(
      Learner learner,
      CollabEnvBase env,
      long steps,
      long seed,
      EpisodeListener listener,
      MetricsSink sink) {
    return train(learner, env, steps, seed, listener, sink, step -> {});
  }

  /** As {@link #train}, calling {@code afterStep} with the step count after every step. */
  public static long train(
      Learner learner,
      CollabEnvBase env,
      long steps,
      long seed,
      EpisodeListener listener,
      MetricsSink sink,
      java.util.function.LongConsumer afterStep) {
    return train(learner, env, Position.START, steps, seed, listener, sink, afterStep, null);
  }

  /**
   * Where a training loop stands after an episode: with the learner's saved state (which includes
   * its random stream), enough to continue the loop exactly. {@code step} steps are done, the next
   * episode is {@code episode}, and the learner has made {@code updates} updates.
   */
  public record Position(long step, int episode, long updates) {
    /** A loop that has not started. */
    public static final Position START = new Position(0, 0, 0);

    public Position {
      if (step < 0 || episode < 0 || updates < 0) {
        throw new IllegalArgumentException(
            "position " + step + "/" + episode + "/" + updates + ": every part must be ≥ 0");
      }
    }
  }

  /** Told where the loop stands at the end of every step that ended an episode. */
  @FunctionalInterface
  public interface BoundaryListener {
    void atBoundary(Position position);
  }

  /** Steps between two {@link WorkProgress} reports, less one (a power of two less one). */
  private static final long PROGRESS_MASK = 1023;

  /**
   * The loop itself, started at {@code from} ({@link Position#START}, or a position saved with the
   * learner's state that {@code learner} was loaded from). Episode {@code e} resets the environment
   * with the seed {@code seedOf("episode", e)}, so a position at an episode boundary fixes the
   * environment; the learner's stream runs on across episodes. {@code afterStep} is called after
   * every step, then {@code boundary} (which may be null) after a step that ended an episode. The
   * loop reports its position ({@link WorkProgress}) every 1024 steps and at its end.
   */
  public static long train(
      Learner learner,
      CollabEnvBase env,
      Position from,
      long steps,
      long seed,
      EpisodeListener listener,
      MetricsSink sink,
      java.util.function.LongConsumer afterStep,
      BoundaryListener boundary) {
    if (from.step() > steps) {
      throw new IllegalArgumentException(
          "resume position " + from.step() + " is past the run's " + steps + " steps");
    }
    List<EpisodeMetric> metrics = new CollabScheme().episodeMetrics();
    List<String> keys = env.infoKeys();
    RandomStreams root = new RandomStreams(seed);
    float[][] actions = new float[env.numAgents()][env.actionSpace(0).dim()];
    int episode = from.episode();
    float[][] obs = copy(env.reset(root.seedOf("episode", episode)));
    double[] sums = new double[keys.size()];
    int episodeSteps = 0;
    long updates = from.updates();
    for (long s = from.step(); s < steps; s++) {
      // Collect.
      learner.explore(obs, actions);
      StepResult r = env.step(actions);
      learner.observe(obs, actions, r);
      double[] info = r.info();
      for (int k = 0; k < sums.length; k++) {
        sums[k] += info[k];
      }
      episodeSteps++;
      // Update when the learner's schedule says so.
      updates += learner.update(sink);
      if (r.done()) {
        if (listener != null) {
          double[] values = new double[metrics.size()];
          for (int k = 0; k < values.length; k++) {
            values[k] = metrics.get(k).value(sums, keys, episodeSteps);
          }
          listener.onEpisode(s + 1, values);
        }
        java.util.Arrays.fill(sums, 0.0);
        episodeSteps = 0;
        episode++;
        Interruption.stopBeforeEpisode(episode);
        obs = copy(env.reset(root.seedOf("episode", episode)));
      } else {
        obs = copy(r.observations());
      }
      afterStep.accept(s + 1);
      if (((s + 1) & PROGRESS_MASK) == 0 || s + 1 == steps) {
        WorkProgress.report(s + 1, steps);
      }
      if (r.done() && boundary != null) {
        boundary.atBoundary(new Position(s + 1, episode, updates));
      }
    }
    return updates;
  }

  /** Saves a run of {@link #trainWithEvaluation}: the learner's state, the position, the rows. */
  @FunctionalInterface
  public interface Checkpointer {
    void save(Position position, List<double[]> rows);
  }

  /** A run of {@link #trainWithEvaluation} to continue: its saved position and rows. */
  public record Resume(Position position, List<double[]> rows) {}

  /**
   * Trains for {@code steps} steps, resumably: {@code resume} (null to start afresh) continues a
   * run whose learner was loaded from the state saved with it, and {@code checkpointer} (null for
   * none) is called, with no rows, at the first episode boundary after every {@code saveEvery}
   * steps.
   *
   * @return the updates made since the start of the run
   */
  public static long trainResumable(
      Learner learner,
      CollabEnvBase env,
      long steps,
      long seed,
      Resume resume,
      Checkpointer checkpointer,
      long saveEvery) {
    if (saveEvery < 1) {
      throw new IllegalArgumentException("saveEvery " + saveEvery + " must be ≥ 1");
    }
    Position from = resume == null ? Position.START : resume.position();
    return train(
        learner,
        env,
        from,
        steps,
        seed,
        null,
        (k, s, v) -> {},
        step -> {},
        savingAfterEach(saveEvery, from, steps, checkpointer, List::of));
  }

  /**
   * Saves at the first episode boundary after each multiple of {@code every} steps past {@code
   * from}, except at the run's end; null without a checkpointer.
   */
  private static BoundaryListener savingAfterEach(
      long every,
      Position from,
      long steps,
      Checkpointer checkpointer,
      java.util.function.Supplier<List<double[]>> rows) {
    if (checkpointer == null) {
      return null;
    }
    long[] next = {(from.step() / every + 1) * every};
    return at -> {
      if (at.step() >= next[0] && at.step() < steps) {
        checkpointer.save(at, rows.get());
        next[0] = (at.step() / every + 1) * every;
      }
    };
  }

  /**
   * Trains for {@code steps} steps and evaluates the learner's deterministic policy on {@code
   * evalEnv} before training and after every {@code evalEvery} steps.
   *
   * @return one row per evaluation: the step, then the metric means
   */
  public static List<double[]> trainWithEvaluation(
      Learner learner,
      CollabEnvBase env,
      CollabEnvBase evalEnv,
      long steps,
      long evalEvery,
      int evalEpisodes,
      long seed) {
    return trainWithEvaluation(
        learner, env, evalEnv, steps, evalEvery, evalEpisodes, seed, null, null);
  }

  /**
   * As above, resumable: {@code resume} (null to start afresh) continues a run whose learner was
   * loaded from the state saved with it; {@code checkpointer} (null for none) is called at the
   * first episode boundary after each evaluation, with the rows so far, so that at most one
   * evaluation interval is lost to a stop. A resumed run gives exactly the rows of an uninterrupted
   * one.
   */
  public static List<double[]> trainWithEvaluation(
      Learner learner,
      CollabEnvBase env,
      CollabEnvBase evalEnv,
      long steps,
      long evalEvery,
      int evalEpisodes,
      long seed,
      Resume resume,
      Checkpointer checkpointer) {
    List<double[]> rows = new ArrayList<>();
    long evalSeed = new RandomStreams(seed).seedOf("eval");
    Position from = Position.START;
    if (resume == null) {
      rows.add(row(0, evaluate(learner, evalEnv, evalEpisodes, evalSeed)));
    } else {
      from = resume.position();
      rows.addAll(resume.rows());
    }
    // The next evaluation point after the start; evaluations happen before the boundary's save.
    long[] next = {(from.step() / evalEvery + 1) * evalEvery};
    // One uninterrupted training run; the evaluation environment is a separate object.
    train(
        learner,
        env,
        from,
        steps,
        seed,
        null,
        (k, s, v) -> {},
        step -> {
          if (step == next[0] || step == steps) {
            rows.add(row(step, evaluate(learner, evalEnv, evalEpisodes, evalSeed)));
            next[0] += evalEvery;
          }
        },
        // Evaluations fall on the multiples of evalEvery, so this saves after each of them.
        savingAfterEach(evalEvery, from, steps, checkpointer, () -> List.copyOf(rows)));
    return rows;
  }

  private static double[] row(long step, double[] metrics) {
    double[] r = new double[metrics.length + 1];
    r[0] = step;
    System.arraycopy(metrics, 0, r, 1, metrics.length);
    return r;
  }

  /** Means of the episode metrics of {@code policy} over {@code episodes} evaluation episodes. */
  public static double[] evaluate(Policy policy, CollabEnvBase env, int episodes, long seed) {
    List<EpisodeMetric> metrics = new CollabScheme().episodeMetrics();
    List<String> keys = env.infoKeys();
    RandomStreams root = new RandomStreams(seed);
    float[][] actions = new float[env.numAgents()][env.actionSpace(0).dim()];
    double[] mean = new double[metrics.size()];
    double[] sums = new double[keys.size()];
    for (int e = 0; e < episodes; e++) {
      Interruption.stopBeforeEpisode(e);
      float[][] obs = env.reset(root.seedOf("episode", e));
      if (!(policy instanceof io.edgeoffload.core.Learner)) {
        // A learner acts deterministically here; its reset would reseed the training stream of
        // a run that evaluates as it trains (trainWithEvaluation).
        policy.reset(root.seedOf("policy", e));
      }
      int steps = EpisodeLoop.run(env, policy, obs, actions, sums, 10_000_000);
      for (int k = 0; k < mean.length; k++) {
        mean[k] += metrics.get(k).value(sums, keys, steps) / episodes;
      }
    }
    return mean;
  }

  private static float[][] copy(float[][] a) {
    float[][] out = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
