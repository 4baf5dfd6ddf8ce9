/**
 * COLLAB learners: EMH-PPO (Sec. IV-C/D, Algorithm 2) and the learned baselines H-PPO, MAHPPO,
 * AgileNN and time-based EMH-PPO as configurations of it ({@code CollabLearners}), and the
 * training/evaluation loop.
 */
package io.edgeoffload.collab.learn;
