package io.edgeoffload.lab;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.env.EpisodeLoop;
import io.edgeoffload.core.env.TimeLimit;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.core.util.Interruption;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates one policy on one scheme's scenario for a number of episodes: reads top to bottom as
 * reset → act/step until the time limit → episode metrics. Episode {@code e} uses the environment
 * seed {@code seedOf("episode", e)} and the policy seed {@code seedOf("policy", e)} of the run's
 * root seed, so a run is reproducible bit for bit and any single episode can be replayed alone.
 */
public final class Runner {
  private Runner() {}

  /**
   * Per-episode metric values of a run.
   *
   * @param environment the versioned id of the environment that produced them
   */
  public record Result(
      String environment, List<EpisodeMetric> metrics, long[] episodeSeeds, double[][] values) {
    /** The column of metric {@code name} over episodes. */
    public double[] column(String name) {
      for (int k = 0; k < metrics.size(); k++) {
        if (metrics.get(k).name().equals(name)) {
          double[] out = new double[values.length];
          for (int e = 0; e < values.length; e++) {
            out[e] = values[e][k];
          }
          return out;
        }
      }
      throw new IllegalArgumentException("no metric " + name);
    }

    public int episodes() {
      return values.length;
    }
  }

  /**
   * Runs {@code policyId} for {@code episodes} episodes.
   *
   * @param progress advanced by one per episode; may be null
   */
  public static <C, E extends ParallelEnv> Result run(
      Scheme<C, E> scheme, C config, String policyId, int episodes, long seed, Progress progress) {
    return run(scheme, config, scheme.policies().get(policyId), episodes, seed, progress);
  }

  /**
   * Runs the policy {@code factory} makes (e.g. a trained learner loaded from its checkpoint) for
   * {@code episodes} episodes.
   */
  public static <C, E extends ParallelEnv> Result run(
      Scheme<C, E> scheme,
      C config,
      Scheme.PolicyFactory<C, E> factory,
      int episodes,
      long seed,
      Progress progress) {
    E env = scheme.createEnv(config);
    Policy policy = factory.create(config, env);
    TimeLimit limited = new TimeLimit(env, scheme.episodeLength(config));
    List<EpisodeMetric> metrics = scheme.episodeMetrics();
    List<String> keys = env.infoKeys();
    metrics.forEach(m -> m.checkKeys(keys));

    RandomStreams root = new RandomStreams(seed);
    float[][] actions = new float[env.numAgents()][];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = new float[env.actionSpace(i).dim()];
    }
    double[][] values = new double[episodes][metrics.size()];
    long[] seeds = new long[episodes];
    double[] sums = new double[keys.size()];
    double rewardSum = 0;
    int rewardIndex = indexOf(metrics, "reward");
    for (int e = 0; e < episodes; e++) {
      Interruption.stopBeforeEpisode(e);
      seeds[e] = root.seedOf("episode", e);
      episode(
          limited,
          policy,
          seeds[e],
          root.seedOf("policy", e),
          metrics,
          keys,
          actions,
          sums,
          values[e]);
      if (progress != null) {
        if (rewardIndex >= 0) {
          rewardSum += values[e][rewardIndex];
          progress.note(String.format(Locale.ROOT, "mean reward %.4g", rewardSum / (e + 1)));
        }
        progress.advance(1);
      }
    }
    return new Result(env.id(), metrics, seeds, values);
  }

  /**
   * One episode of {@code policy} under the time limit: the environment reset with {@code envSeed},
   * the policy with {@code policySeed}; the episode's metrics (from the info summed over its steps)
   * go to {@code out}.
   *
   * @param actions work space, one row per agent
   * @param sums work space, one cell per info key
   */
  static void episode(
      TimeLimit env,
      Policy policy,
      long envSeed,
      long policySeed,
      List<EpisodeMetric> metrics,
      List<String> keys,
      float[][] actions,
      double[] sums,
      double[] out) {
    float[][] obs = env.reset(envSeed);
    policy.reset(policySeed);
    int steps = EpisodeLoop.run(env, policy, obs, actions, sums, Integer.MAX_VALUE);
    for (int k = 0; k < metrics.size(); k++) {
      out[k] = metrics.get(k).value(sums, keys, steps);
    }
  }

  private static int indexOf(List<EpisodeMetric> metrics, String name) {
    for (int k = 0; k < metrics.size(); k++) {
      if (metrics.get(k).name().equals(name)) {
        return k;
      }
    }
    return -1;
  }
}
