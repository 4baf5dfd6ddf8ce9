package io.edgeoffload.rl.replay;

import io.edgeoffload.core.config.ConfigException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Time-aligned joint transitions for centralised critics (MADDPG; openai/maddpg samples one index
 * set for all agents): one {@link ReplayBuffer} per agent, each with its own fields and widths,
 * written together through one shared write cursor. Slot {@code s} of every agent holds the same
 * time step, so one index set from {@link #sample} (or from a {@link PrioritizedReplay} fed with
 * the slots {@link #add} returns) gathers the same joint transitions from every agent.
 */
public final class JointReplay {
  private final ReplayBuffer[] agents;

  /**
   * @param capacity transitions kept per agent
   * @param fieldsPerAgent one field list per agent (agents may differ in fields and widths)
   */
  public JointReplay(int capacity, List<List<ReplayBuffer.Field>> fieldsPerAgent) {
    if (fieldsPerAgent == null || fieldsPerAgent.isEmpty()) {
      throw new ConfigException("agents", fieldsPerAgent, "a joint replay needs at least 1 agent");
    }
    agents = new ReplayBuffer[fieldsPerAgent.size()];
    for (int k = 0; k < agents.length; k++) {
      agents[k] = new ReplayBuffer(capacity, fieldsPerAgent.get(k));
    }
  }

  /** The number of agents. */
  public int numAgents() {
    return agents.length;
  }

  /** Agent {@code k}'s buffer, for {@link ReplayBuffer#field} and {@link ReplayBuffer#gather}. */
  public ReplayBuffer agent(int k) {
    return agents[k];
  }

  public int capacity() {
    return agents[0].capacity();
  }

  /** Written joint slots, the same for every agent. */
  public int size() {
    return agents[0].size();
  }

  /**
   * Appends one joint transition: {@code rows[k]} is agent {@code k}'s row set as for {@link
   * ReplayBuffer#add}. Every agent writes the same slot.
   *
   * @return the slot written
   */
  public int add(double[][][] rows) {
    if (rows.length != agents.length) {
      throw new IllegalArgumentException(
          "add: rows for " + rows.length + " agents, the joint replay has " + agents.length);
    }
    int slot = agents[0].cursor();
    for (int k = 0; k < agents.length; k++) {
      int s = agents[k].add(rows[k]);
      if (s != slot) {
        // Only reachable if an agent buffer was written behind the joint replay's back.
        throw new IllegalStateException(
            "agent " + k + " wrote slot " + s + ", agent 0 slot " + slot + ": cursors diverged");
      }
    }
    return slot;
  }

  /** One uniform index set, with replacement, for all agents. */
  public void sample(int n, SplittableRandom rng, int[] idxOut) {
    ReplayBuffer.sampleUniform(size(), n, rng, idxOut);
  }

  /** Forgets every transition of every agent. */
  public void clear() {
    for (ReplayBuffer b : agents) {
      b.clear();
    }
  }
}
