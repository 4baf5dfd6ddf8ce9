package io.edgeoffload.collab.learn;

import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabScheme;
import io.edgeoffload.core.Learner;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.core.util.Interruption;
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
    List<EpisodeMetric> metrics = new CollabScheme().episodeMetrics();
    List<String> keys = env.infoKeys();
    RandomStreams root = new RandomStreams(seed);
    float[][] actions = new float[env.numAgents()][env.actionSpace(0).dim()];
    float[][] obs = copy(env.reset(root.seedOf("episode", 0)));
    double[] sums = new double[keys.size()];
    int episode = 0;
    int episodeSteps = 0;
    long updates = 0;
    for (long s = 0; s < steps; s++) {
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
    }
    return updates;
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
    List<double[]> rows = new ArrayList<>();
    long evalSeed = new RandomStreams(seed).seedOf("eval");
    rows.add(row(0, evaluate(learner, evalEnv, evalEpisodes, evalSeed)));
    long[] next = {evalEvery};
    // One uninterrupted training run; the evaluation environment is a separate object.
    train(
        learner,
        env,
        steps,
        seed,
        null,
        (k, s, v) -> {},
        step -> {
          if (step == next[0] || step == steps) {
            rows.add(row(step, evaluate(learner, evalEnv, evalEpisodes, evalSeed)));
            next[0] += evalEvery;
          }
        });
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
      java.util.Arrays.fill(sums, 0.0);
      int steps = 0;
      StepResult r;
      do {
        policy.act(obs, actions);
        r = env.step(actions);
        for (int k = 0; k < sums.length; k++) {
          sums[k] += r.info()[k];
        }
        obs = r.observations();
        steps++;
      } while (!r.done() && steps < 10_000_000);
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
