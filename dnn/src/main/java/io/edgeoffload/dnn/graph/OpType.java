package io.edgeoffload.dnn.graph;

/** Operator kinds of the operator graph. Only {@link #CONV} and {@link #FC} carry MACs. */
public enum OpType {
  /** The graph input (the raw input tensor). */
  INPUT,
  /** 2-D convolution, standard, grouped or depthwise (see {@link Op#convKind()}). */
  CONV,
  /** Fully connected layer (ONNX Gemm). */
  FC,
  /** Max pooling. */
  MAX_POOL,
  /** Average pooling over a window. */
  AVG_POOL,
  /** Global average pooling (output spatial size 1x1). */
  GLOBAL_AVG_POOL,
  /** Batch normalisation (inference form: per-channel affine). */
  BATCH_NORM,
  /** Element-wise activation (see {@link OpAttributes.Activation}). */
  ACTIVATION,
  /** Element-wise sum of two tensors of the same shape. */
  ADD,
  /** Concatenation along the channel axis. */
  CONCAT,
  /** Flattening of NCHW to NF. */
  FLATTEN;

  /**
   * Whether this is a compute operator, a node of the compute view (COLLAB footnote 1: the other
   * operators are folded into their neighbours).
   */
  public boolean isCompute() {
    return this == CONV || this == FC;
  }
}
