/**
 * PPO-clip with hybrid action heads (several categorical heads with masks plus a Gaussian), for one
 * agent or many, with GAE and state-independent log σ.
 */
package io.edgeoffload.rl.ppo;
