/**
 * On-policy rollouts: {@link io.edgeoffload.rl.rollout.RolloutBuffer} (T steps × E environments or
 * agents over flat arrays) and {@link io.edgeoffload.rl.rollout.Gae} (generalised advantage
 * estimation and λ-returns, which bootstraps a truncated step from its own final observation and a
 * terminated step from nothing).
 */
package io.edgeoffload.rl.rollout;
