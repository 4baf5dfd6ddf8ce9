package io.edgeoffload.core;

import io.edgeoffload.core.metrics.MetricsSink;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A policy that trains. The training loop reads top to bottom:
 *
 * <pre>
 * obs = env.reset(seed)
 * loop:
 *   learner.explore(obs, actions)          // act with exploration (noise, sampling)
 *   result = env.step(actions)
 *   learner.observe(obs, actions, result)  // store the transition
 *   learner.update(sink)                   // train when the learner's schedule says so
 *   obs = result.done() ? env.reset(next seed) : result.observations()
 * </pre>
 *
 * {@link #act} is the evaluation policy (deterministic where the algorithm has one). Learners own
 * their randomness, seeded at construction; the same seed, environment and schedule give
 * bit-identical weights.
 */
public interface Learner extends Policy {

  /** Writes training actions for every agent: the evaluation action plus exploration. */
  void explore(float[][] observations, float[][] actions);

  /**
   * Feeds the step that followed {@code explore(observations, actions)}: {@code result} holds the
   * rewards, the next observations and the terminated/truncated flags. A terminated step is not
   * bootstrapped; a truncated one is, from {@code result.observations()}.
   */
  void observe(float[][] observations, float[][] actions, StepResult result);

  /**
   * Trains if the schedule calls for it (after warm-up, every k steps, when a rollout is full) and
   * reports losses to {@code sink} under namespaced keys ({@code losses/critic}, …).
   *
   * @return the number of gradient updates made by this call (0 when none was due)
   */
  int update(MetricsSink sink);

  /** Environment steps observed so far. */
  long steps();

  /** Writes everything needed to act and to resume training (networks, optimisers, counters). */
  void save(Path file) throws IOException;

  /**
   * Restores what {@link #save} or {@link #savePolicy} wrote; the architecture must match this
   * learner's. After a policy file the learner acts (and explores) as the saved one did; a learner
   * whose policy file holds less than its checkpoint then refuses to train or to {@link #save}.
   */
  void load(Path file) throws IOException;

  /**
   * Writes what acting needs, for a finished run that will only be evaluated: a learner whose
   * checkpoint also holds critics, target networks, optimiser moments and a replay buffer writes
   * its actors alone (for 48 UCMS agents, megabytes instead of hundreds). The default writes the
   * whole {@link #save checkpoint}.
   */
  default void savePolicy(Path file) throws IOException {
    save(file);
  }
}
