package io.edgeoffload.rl.ppo;

/**
 * Supplies the action mask of an agent for its current observation (the environment knows which
 * partition points or servers are valid): {@code true} = allowed, laid out as the hybrid
 * distribution's mask row.
 */
@FunctionalInterface
public interface MaskSource {
  void mask(int agent, boolean[] out, int offset);
}
