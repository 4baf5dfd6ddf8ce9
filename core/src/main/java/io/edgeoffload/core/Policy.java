package io.edgeoffload.core;

/**
 * Something that acts: a baseline, an optimiser or a trained learner. One evaluator compares them
 * all. A policy fills one action row per agent; randomness comes only from the seed given to {@link
 * #reset(long)}.
 */
public interface Policy {
  /** Registered id, e.g. {@code greedy}. */
  String id();

  /** Called at the start of every episode with a seed derived from the run's root seed. */
  default void reset(long seed) {}

  /** Writes {@code actions[i]} for every agent {@code i} from {@code observations[i]}. */
  void act(float[][] observations, float[][] actions);
}
