/**
 * Experience replay over flat {@code double[]} rows: {@link io.edgeoffload.rl.replay.ReplayBuffer}
 * (ring buffer of named fixed-width fields, uniform sampling), {@link
 * io.edgeoffload.rl.replay.JointReplay} (one buffer per agent with a shared write cursor, one index
 * set for all agents, for centralised critics), {@link io.edgeoffload.rl.replay.PrioritizedReplay}
 * (proportional prioritised replay on a {@link io.edgeoffload.rl.replay.SumTree} and a {@link
 * io.edgeoffload.rl.replay.MinTree}) and the priority functions, among them the UCMS
 * reward/TD-error trade-off of eqs. (27)–(29). Nothing here allocates in add, sample or gather
 * calls, and all randomness comes from the caller's {@link java.util.SplittableRandom}.
 */
package io.edgeoffload.rl.replay;
