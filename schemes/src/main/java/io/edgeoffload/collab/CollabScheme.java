package io.edgeoffload.collab;

import io.edgeoffload.collab.baseline.GreedyPartitionPolicy;
import io.edgeoffload.collab.baseline.LocalOnlyPolicy;
import io.edgeoffload.collab.baseline.RandomPolicy;
import io.edgeoffload.collab.baseline.RotationPolicy;
import io.edgeoffload.collab.baseline.RoundRobinPolicy;
import io.edgeoffload.collab.learn.CollabLearners;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.registry.Registry;
import java.util.List;

/** COLLAB (seed 002): multi-device collaborative DNN inference with task windows. */
public final class CollabScheme implements Scheme<CollabConfig, CollabEnvBase> {
  private static final Registry<String> PRESETS =
      new Registry<String>("preset")
          .register(
              "collab-paper", "Table III literally (1 MHz channels): offloading rarely pays", "")
          .register(
              "collab-wide",
              "Table III with 100 MHz channels: partitioning, channels and servers matter",
              "");

  private static final Registry<PolicyFactory<CollabConfig, CollabEnvBase>> POLICIES =
      new Registry<PolicyFactory<CollabConfig, CollabEnvBase>>("policy")
          .register(
              "local-only",
              "every MD runs the whole model, W_max tasks per window",
              (c, e) -> new LocalOnlyPolicy(e))
          .register(
              "neurosurgeon",
              "each MD takes the cheapest chain cut for its distance, alone on channel/server",
              (c, e) -> new GreedyPartitionPolicy("neurosurgeon", e, true))
          .register(
              "greedy",
              "as neurosurgeon, over every operator-level partition point",
              (c, e) -> new GreedyPartitionPolicy("greedy", e, false))
          .register(
              "round-robin",
              "not in the paper: the MDs take turns to offload the raw input, one per channel",
              (c, e) -> new RoundRobinPolicy(e))
          .register(
              "rotation",
              "not in the paper: full windows, at each task position C MDs offload the raw input"
                  + " on their own channels while the others compute, in turn",
              (c, e) -> new RotationPolicy(e))
          .register(
              "random",
              "uniform random action for every MD and task",
              (c, e) -> new RandomPolicy(e));

  private static final List<EpisodeMetric> METRICS =
      List.of(
          new EpisodeMetric(
                  "reward", "reward", EpisodeMetric.STEPS, "mean reward per decision (eq. 8)")
              .asHeadline(),
          new EpisodeMetric(
                  "total_latency_s",
                  "latency_s",
                  EpisodeMetric.EPISODE,
                  "total inference latency: Σ_k max_n L_{n,k}, seconds")
              .asHeadline(),
          new EpisodeMetric(
                  "energy_per_task_j", "energy_j", "tasks", "average MD energy per task, joules")
              .asHeadline(),
          new EpisodeMetric(
                  "wait_per_task_s",
                  "wait_s",
                  "tasks",
                  "MD waiting time per task (Fig. 6d), seconds")
              .asHeadline(),
          new EpisodeMetric(
              "offload_share", "offloaded", "tasks", "share of tasks split with the server"),
          new EpisodeMetric("decisions", "windows", EpisodeMetric.EPISODE, "decisions per episode"),
          new EpisodeMetric("tasks", "tasks", EpisodeMetric.EPISODE, "tasks run, all MDs"));

  @Override
  public String id() {
    return "collab";
  }

  @Override
  public String description() {
    return "COLLAB: operator-level DNN partitioning with task windows, multi-device (seed 002)";
  }

  @Override
  public Registry<String> presets() {
    return PRESETS;
  }

  @Override
  public Class<CollabConfig> configType() {
    return CollabConfig.class;
  }

  @Override
  public CollabEnvBase createEnv(CollabConfig config) {
    CollabEnvConfig c = config.env();
    Workload w = Workload.of(c);
    return c.mdp().equals(CollabEnvConfig.MDP_TIME_BASED)
        ? new CollabSlottedEnv(c, w)
        : new CollabEnv(c, w);
  }

  @Override
  public int episodeLength(CollabConfig config) {
    CollabEnvConfig c = config.env();
    // Task-aware: at least one task per window. Time-based: a generous bound; episodes end by
    // termination when every queue is empty.
    return c.mdp().equals(CollabEnvConfig.MDP_TIME_BASED) ? 10_000_000 : c.maxTasks();
  }

  @Override
  public Registry<PolicyFactory<CollabConfig, CollabEnvBase>> policies() {
    return POLICIES;
  }

  @Override
  public List<EpisodeMetric> episodeMetrics() {
    return METRICS;
  }

  /** EMH-PPO and its learned baselines ({@link CollabLearners}), for {@code train --algo}. */
  @Override
  public Registry<LearnerFactory<CollabConfig, CollabEnvBase>> learners() {
    Registry<LearnerFactory<CollabConfig, CollabEnvBase>> r = new Registry<>("learner");
    for (Registry.Entry<CollabLearners.Entry> e : CollabLearners.registry().entries()) {
      String id = e.id();
      r.register(
          id, e.description(), (c, env, seed) -> e.value().create(id, c.learner(), env, seed));
    }
    return r;
  }

  /** Applies the settings a learner needs (e.g. the time-based MDP of emh-ppo-slotted). */
  @Override
  public CollabConfig configFor(String algorithm, CollabConfig config) {
    List<String> sets = CollabLearners.registry().get(algorithm).envSets();
    return sets.isEmpty()
        ? config
        : ConfigLoader.with(config, CollabConfig.class, sets.toArray(new String[0]));
  }
}
