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

  /** Restores what {@link #save} wrote; the architecture must match this learner's. */
  void load(Path file) throws IOException;
}
