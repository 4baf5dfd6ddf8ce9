/**
 * Operator-level DNN graphs: {@link io.edgeoffload.dnn.graph.Op} nodes with references to their
 * parents and children, built by {@link io.edgeoffload.dnn.graph.OpGraphBuilder} into an immutable
 * {@link io.edgeoffload.dnn.graph.OpGraph}, and the folded {@link
 * io.edgeoffload.dnn.graph.ComputeView} whose nodes are the compute operators only (COLLAB footnote
 * 1).
 *
 * <p>Tensors are NCHW with batch 1. MACs count multiply-accumulates of convolutions and fully
 * connected layers only; parameters follow the usual framework count (weights, biases and the two
 * affine parameters of batch-norm; running statistics are buffers, not parameters).
 */
package io.edgeoffload.dnn.graph;
