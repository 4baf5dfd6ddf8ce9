package io.edgeoffload.dnn.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable operator DAG (COLLAB Sec. III-B), operators in topological order, operator 0 the
 * input. Built by {@link OpGraphBuilder}.
 */
public final class OpGraph {

  /** Largest supported bytes per element. */
  public static final int MAX_ELEMENT_BYTES = 8;

  private final String name;
  private final int elementBytes;
  private final List<Op> ops;
  private final Map<String, Op> byName;
  private final List<Op> outputs;
  private final ComputeView computeView;

  OpGraph(String name, int elementBytes, List<Op> ops) {
    this.name = name;
    this.elementBytes = elementBytes;
    this.ops = List.copyOf(ops);
    Map<String, Op> map = new HashMap<>();
    List<Op> sinks = new ArrayList<>();
    for (Op op : this.ops) {
      map.put(op.name(), op);
      if (op.children().isEmpty()) {
        sinks.add(op);
      }
    }
    this.byName = Map.copyOf(map);
    this.outputs = List.copyOf(sinks);
    this.computeView = new ComputeView(this);
  }

  static void requireElementBytes(int elementBytes) {
    if (elementBytes < 1 || elementBytes > MAX_ELEMENT_BYTES) {
      throw new IllegalArgumentException(
          "elementBytes must be in [1, "
              + MAX_ELEMENT_BYTES
              + "] (4 for float32), got "
              + elementBytes);
    }
  }

  /** Model name. */
  public String name() {
    return name;
  }

  /** Bytes per tensor element. */
  public int elementBytes() {
    return elementBytes;
  }

  /** All operators in topological order. */
  public List<Op> ops() {
    return ops;
  }

  /** The input operator. */
  public Op input() {
    return ops.get(0);
  }

  /** Operators whose output no operator reads (the model outputs). */
  public List<Op> outputs() {
    return outputs;
  }

  /** The operator of this name. */
  public Op op(String opName) {
    Op op = byName.get(opName);
    if (op == null) {
      throw new IllegalArgumentException("no operator '" + opName + "' in model '" + name + "'");
    }
    return op;
  }

  /** Total MACs of one inference (convolutions and fully connected layers). */
  public long totalMacs() {
    long sum = 0;
    for (Op op : ops) {
      sum = Math.addExact(sum, op.macs());
    }
    return sum;
  }

  /** Total trainable parameters. */
  public long totalParams() {
    long sum = 0;
    for (Op op : ops) {
      sum = Math.addExact(sum, op.params());
    }
    return sum;
  }

  /** The folded view whose nodes are the compute operators (COLLAB footnote 1). */
  public ComputeView computeView() {
    return computeView;
  }

  @Override
  public String toString() {
    return "OpGraph[" + name + ", " + ops.size() + " operators]";
  }
}
