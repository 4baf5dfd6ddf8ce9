/**
 * Action distributions over flat parameter rows, with log-probability, entropy, sampling, mode and
 * the gradients of log-probability and entropy with respect to the parameters: {@link
 * io.edgeoffload.rl.dist.Categorical} (masked, stable log-softmax), {@link
 * io.edgeoffload.rl.dist.DiagGaussian} (mean and log σ; log σ from the network or shared) and
 * {@link io.edgeoffload.rl.dist.HybridDistribution} (several categorical heads plus one Gaussian,
 * laid out by a {@link io.edgeoffload.rl.dist.HybridLayout}).
 */
package io.edgeoffload.rl.dist;
