/**
 * MADDPG and DDPG (its one-agent case): deterministic actors, centralised critics on time-aligned
 * joint transitions, target networks, uniform or prioritised replay.
 */
package io.edgeoffload.rl.maddpg;
