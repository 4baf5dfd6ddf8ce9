package io.edgeoffload.dnn.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A node of the {@link ComputeView}: one compute operator (convolution or fully connected) with the
 * operators folded into it (COLLAB footnote 1). See {@link ComputeView} for the folding rule.
 */
public final class ComputeNode {

  private final int index;
  private final Op op;
  private final List<Op> absorbed;
  private final boolean readsInput;
  private final List<ComputeNode> parents = new ArrayList<>();
  private final List<ComputeNode> children = new ArrayList<>();
  private final List<ComputeNode> parentsView = Collections.unmodifiableList(parents);
  private final List<ComputeNode> childrenView = Collections.unmodifiableList(children);

  ComputeNode(int index, Op op, List<Op> absorbed, boolean readsInput) {
    this.index = index;
    this.op = op;
    this.absorbed = List.copyOf(absorbed);
    this.readsInput = readsInput;
  }

  void link(ComputeNode parent) {
    parents.add(parent);
    parent.children.add(this);
  }

  /** Position in the compute view's topological order (0-based). */
  public int index() {
    return index;
  }

  /** Name (that of the compute operator). */
  public String name() {
    return op.name();
  }

  /** The compute operator. */
  public Op op() {
    return op;
  }

  /** Operators absorbed forward into this node, in data-flow order (possibly empty). */
  public List<Op> absorbed() {
    return absorbed;
  }

  /** The operator whose output is this node's output tensor (the last absorbed one, or op). */
  public Op outputOp() {
    return absorbed.isEmpty() ? op : absorbed.get(absorbed.size() - 1);
  }

  /** Shape of the output tensor, the tensor that flows after the absorbed operators. */
  public TensorShape outputShape() {
    return outputOp().outputShape();
  }

  /** Bytes of the output tensor, the data sent when this node's output crosses a cut. */
  public long outputBytes() {
    return outputOp().outputBytes();
  }

  /** MACs of the compute operator (folded operators carry none, COLLAB footnote 1). */
  public long macs() {
    return op.macs();
  }

  /** Parameters of the compute operator and of the operators absorbed into it. */
  public long params() {
    long sum = op.params();
    for (Op a : absorbed) {
      sum += a.params();
    }
    return sum;
  }

  /** Whether this node reads the raw input tensor (directly or through folded operators). */
  public boolean readsInput() {
    return readsInput;
  }

  /** Compute nodes whose output tensors this node reads, in increasing index order. */
  public List<ComputeNode> parents() {
    return parentsView;
  }

  /** Compute nodes that read this node's output tensor, in increasing index order. */
  public List<ComputeNode> children() {
    return childrenView;
  }

  @Override
  public String toString() {
    return name() + "(" + op.type() + ", " + macs() + " MACs -> " + outputShape() + ")";
  }
}
