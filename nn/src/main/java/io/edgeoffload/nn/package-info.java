/**
 * Small fully connected networks with hand-written backpropagation: {@link
 * io.edgeoffload.nn.MlpSpec} (the architecture), {@link io.edgeoffload.nn.Mlp} (forward and
 * backward over row-major batches, input gradients, target updates), {@link
 * io.edgeoffload.nn.Activation} and {@link io.edgeoffload.nn.Losses}. Matrix products go through
 * {@link io.edgeoffload.nn.linalg.MatOps}; optimisers live in {@code optim}, the file format in
 * {@code io}.
 */
package io.edgeoffload.nn;
