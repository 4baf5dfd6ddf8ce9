package io.edgeoffload.core;

import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.registry.Registry;
import java.util.List;

/**
 * One paper's system: its configuration type, its presets (the paper's parameter tables), its
 * environment, its episode length, its policies and the episode metrics a reader needs.
 *
 * @param <C> the configuration record
 * @param <E> the environment type the scheme's policies may rely on
 */
public interface Scheme<C, E extends ParallelEnv> {
  /** Short id used on the command line, e.g. {@code ucms}. */
  String id();

  String description();

  /** Preset name → one-line description, in display order. */
  Registry<String> presets();

  /** Class-path resource holding the preset's YAML. */
  default String presetResource(String preset) {
    presets().get(preset); // fails with the list of presets for an unknown name
    return "presets/" + id() + "/" + preset + ".yaml";
  }

  Class<C> configType();

  /** A new environment for the configuration (no time limit; see {@link #episodeLength}). */
  E createEnv(C config);

  /** Steps per episode under the configuration. */
  int episodeLength(C config);

  /** The policies this scheme offers, by id. */
  Registry<PolicyFactory<C, E>> policies();

  /** Episode metrics, computed from the environment's per-step info. */
  List<EpisodeMetric> episodeMetrics();

  /**
   * The learning algorithms this scheme offers, by id (none by default). A learner acts like any
   * policy once trained; {@code train} builds one from here.
   */
  default Registry<LearnerFactory<C, E>> learners() {
    return new Registry<>("learner");
  }

  /**
   * The configuration {@code algorithm} trains and runs under: a scheme may fix settings the
   * algorithm needs (COLLAB's time-based EMH-PPO runs on the time-based MDP). It must be
   * idempotent; the default changes nothing.
   */
  default C configFor(String algorithm, C config) {
    return config;
  }

  /** Creates a learner for an environment; all its randomness derives from {@code seed}. */
  @FunctionalInterface
  interface LearnerFactory<C, E> {
    Learner create(C config, E env, long seed);
  }

  /** Creates a policy for an environment. */
  @FunctionalInterface
  interface PolicyFactory<C, E> {
    Policy create(C config, E env);
  }
}
