package io.edgeoffload.dnn.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One operator of an {@link OpGraph}: a node of COLLAB's "bidirectional graph linked list" (Sec.
 * III-B), with references to its parents (operands, in order) and its children (consumers).
 *
 * <p>Instances are created by {@link OpGraphBuilder} only; after {@link OpGraphBuilder#build()}
 * they are immutable.
 */
public final class Op {

  /** Kind of a convolution. */
  public enum ConvKind {
    /** One group. */
    STANDARD,
    /** One group per input channel, as many output channels as input channels. */
    DEPTHWISE,
    /** Several groups, not depthwise. */
    GROUPED
  }

  private final int index;
  private final String name;
  private final OpType type;
  private final OpAttributes attributes;
  private final List<Op> parents;
  private final List<Op> children = new ArrayList<>();
  private final List<Op> childrenView = Collections.unmodifiableList(children);
  private final TensorShape outputShape;
  private final long macs;
  private final long params;
  private final int elementBytes;

  Op(
      int index,
      String name,
      OpType type,
      OpAttributes attributes,
      List<Op> parents,
      TensorShape outputShape,
      long macs,
      long params,
      int elementBytes) {
    this.index = index;
    this.name = name;
    this.type = type;
    this.attributes = attributes;
    this.parents = List.copyOf(parents);
    this.outputShape = outputShape;
    this.macs = macs;
    this.params = params;
    this.elementBytes = elementBytes;
  }

  void addChild(Op child) {
    children.add(child);
  }

  /** Position in the graph's topological order (0 is the input). */
  public int index() {
    return index;
  }

  /** Unique name within the graph. */
  public String name() {
    return name;
  }

  /** Operator kind. */
  public OpType type() {
    return type;
  }

  /** Attributes; the record type depends on {@link #type()}. */
  public OpAttributes attributes() {
    return attributes;
  }

  /** Operands in order (for {@link OpType#ADD}, operand 0 is the main branch). */
  public List<Op> parents() {
    return parents;
  }

  /**
   * Consumers of this operator's output, in graph order. An operator that reads the tensor twice
   * appears twice.
   */
  public List<Op> children() {
    return childrenView;
  }

  /** Shape of the output tensor (batch 1). */
  public TensorShape outputShape() {
    return outputShape;
  }

  /** Size of the output tensor in bytes. */
  public long outputBytes() {
    return Math.multiplyExact(outputShape.elements(), (long) elementBytes);
  }

  /** Multiply-accumulate operations of one inference (zero for non-compute operators). */
  public long macs() {
    return macs;
  }

  /** Trainable parameters (weights, biases, batch-norm scale and shift). */
  public long params() {
    return params;
  }

  /** Whether this is a compute operator (convolution or fully connected). */
  public boolean isCompute() {
    return type.isCompute();
  }

  /** Kind of convolution; only for {@link OpType#CONV}. */
  public ConvKind convKind() {
    if (!(attributes instanceof OpAttributes.Conv conv)) {
      throw new IllegalStateException("operator '" + name + "' is " + type + ", not CONV");
    }
    int inChannels = parents.get(0).outputShape().channels();
    if (conv.groups() == 1) {
      return ConvKind.STANDARD;
    }
    if (conv.groups() == inChannels && conv.outChannels() == inChannels) {
      return ConvKind.DEPTHWISE;
    }
    return ConvKind.GROUPED;
  }

  @Override
  public String toString() {
    return name + "(" + type + " -> " + outputShape + ")";
  }
}
