package io.edgeoffload.core;

import io.edgeoffload.core.space.Box;
import java.util.List;

/**
 * A multi-agent environment in which every agent acts at every step (PettingZoo's parallel API, in
 * Java). Agents are indexed 0…n−1; hot paths use arrays, not maps.
 *
 * <p>The seed enters only through {@link #reset(long)}. Returned arrays belong to the environment
 * and are valid until the next call of {@code reset} or {@code step}: copy what you keep.
 * Environment ids carry a version ({@code ucms-v1}); a change to reward or dynamics bumps it.
 */
public interface ParallelEnv {
  /** Versioned id, e.g. {@code ucms-v1}. */
  String id();

  int numAgents();

  Box observationSpace(int agent);

  Box actionSpace(int agent);

  /** Names of the per-step info values that {@link StepResult#info()} carries, in order. */
  List<String> infoKeys();

  /** Starts a new episode and returns the first observations, one row per agent. */
  float[][] reset(long seed);

  /** Applies one action row per agent and advances one step. */
  StepResult step(float[][] actions);

  /** The global state for centralised critics (by default, all observations concatenated). */
  float[] globalState();
}
