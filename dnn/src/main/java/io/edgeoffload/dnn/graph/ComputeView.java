package io.edgeoffload.dnn.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The compute view of an {@link OpGraph}: a DAG whose nodes are the compute operators
 * (convolutions, including grouped and depthwise, and fully connected layers) only. Pooling,
 * batch-norm, activations, add, concat and flatten are folded into their neighbours: they change
 * the tensor that flows but carry no MACs (COLLAB footnote 1).
 *
 * <h2>Folding rule</h2>
 *
 * <ol>
 *   <li><b>Forward absorption.</b> Start from the output tensor {@code t} of a compute operator
 *       {@code C}. While {@code t} is read by exactly one operator {@code u} (counting operands),
 *       {@code u} is neither a compute operator nor a {@code CONCAT}, and {@code t} is operand 0 of
 *       {@code u}, absorb {@code u} into {@code C} and continue from {@code u}'s output. So
 *       batch-norm, activations, pooling, flatten and the <i>main operand</i> of {@code ADD} fold
 *       into the compute operator before them. The last tensor of the chain is the node's <b>output
 *       tensor</b>: the tensor that actually flows on, e.g. post-BN-ReLU, post-add-ReLU (ResNet
 *       block end), post-pool (ResNet stem), and the one sent when the node's output crosses a cut.
 *       Its bytes are {@link ComputeNode#outputBytes()}.
 *   <li><b>Transparent operators.</b> Every other non-compute operator (a {@code CONCAT}, an
 *       operator that reads a tensor several operators read, such as the max-pool after an
 *       Inception concat or the pool branch of an Inception block) is folded into the compute nodes
 *       that consume it: it is recomputed by whichever side runs those consumers. So a concat is
 *       never sent whole; its parts, the output tensors of the branch ends, are sent (the same
 *       bytes).
 *   <li><b>Edges.</b> A compute node {@code C} has parent {@code D} when an operand of {@code C}'s
 *       operator, or a secondary operand (operand &ge; 1) of an {@code ADD} absorbed into {@code
 *       C}, is {@code D}'s output tensor, directly or through transparent operators. If such a path
 *       reaches the graph input instead, {@code C} {@linkplain ComputeNode#readsInput() reads the
 *       raw input}.
 * </ol>
 *
 * <p>Every model output must be the output tensor of a compute node. Nodes are numbered in the
 * order of their output tensors in the operator graph, which is a topological order.
 */
public final class ComputeView {

  private final OpGraph graph;
  private final List<ComputeNode> nodes;
  private final Map<Op, ComputeNode> ownerOf;

  ComputeView(OpGraph graph) {
    this.graph = graph;
    List<Op> ops = graph.ops();
    int n = ops.size();
    // 1. Forward absorption chains (rule 1).
    List<Op> computeOps = new ArrayList<>();
    List<List<Op>> chains = new ArrayList<>();
    int[] ownerChain = new int[n];
    Arrays.fill(ownerChain, -1);
    int[] chainOfEndTensor = new int[n];
    Arrays.fill(chainOfEndTensor, -1);
    for (Op op : ops) {
      if (!op.isCompute()) {
        continue;
      }
      int chainId = computeOps.size();
      List<Op> chain = new ArrayList<>();
      Op t = op;
      ownerChain[op.index()] = chainId;
      while (t.children().size() == 1) {
        Op u = t.children().get(0);
        if (u.isCompute() || u.type() == OpType.CONCAT || u.parents().get(0) != t) {
          break;
        }
        chain.add(u);
        ownerChain[u.index()] = chainId;
        t = u;
      }
      chainOfEndTensor[t.index()] = chainId;
      computeOps.add(op);
      chains.add(chain);
    }
    if (computeOps.isEmpty()) {
      throw new IllegalArgumentException("model '" + graph.name() + "' has no compute operator");
    }
    for (Op out : graph.outputs()) {
      if (chainOfEndTensor[out.index()] < 0) {
        throw new IllegalArgumentException(
            "model '"
                + graph.name()
                + "': output '"
                + out.name()
                + "' is not the output tensor of a compute operator; the compute view cannot"
                + " represent it");
      }
    }
    // 2. Resolve each chain's sources through transparent operators (rules 2 and 3).
    List<TreeSet<Integer>> memo = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      memo.add(null);
    }
    List<TreeSet<Integer>> sources = new ArrayList<>();
    for (int c = 0; c < computeOps.size(); c++) {
      TreeSet<Integer> s = new TreeSet<>();
      for (Op p : computeOps.get(c).parents()) {
        s.addAll(resolve(p, chainOfEndTensor, ownerChain, memo));
      }
      for (Op a : chains.get(c)) {
        for (int k = 1; k < a.parents().size(); k++) {
          s.addAll(resolve(a.parents().get(k), chainOfEndTensor, ownerChain, memo));
        }
      }
      sources.add(s);
    }
    // 3. Number the nodes by the position of their output tensor (a topological order).
    Integer[] order = new Integer[computeOps.size()];
    int[] endIndex = new int[computeOps.size()];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
      List<Op> chain = chains.get(c);
      endIndex[c] = (chain.isEmpty() ? computeOps.get(c) : chain.get(chain.size() - 1)).index();
    }
    Arrays.sort(order, Comparator.comparingInt(c -> endIndex[c]));
    ComputeNode[] byChain = new ComputeNode[order.length];
    List<ComputeNode> list = new ArrayList<>();
    HashMap<Op, ComputeNode> owners = new HashMap<>();
    for (int pos = 0; pos < order.length; pos++) {
      int c = order[pos];
      ComputeNode node =
          new ComputeNode(pos, computeOps.get(c), chains.get(c), sources.get(c).contains(-1));
      byChain[c] = node;
      list.add(node);
      owners.put(computeOps.get(c), node);
      for (Op a : chains.get(c)) {
        owners.put(a, node);
      }
    }
    for (int pos = 0; pos < order.length; pos++) {
      int c = order[pos];
      List<ComputeNode> parents = new ArrayList<>();
      for (int src : sources.get(c)) {
        if (src >= 0) {
          parents.add(byChain[src]);
        }
      }
      parents.sort(Comparator.comparingInt(ComputeNode::index));
      for (ComputeNode p : parents) {
        if (p.index() >= pos) {
          throw new IllegalStateException("compute view is not topologically ordered at " + p);
        }
        byChain[c].link(p);
      }
    }
    this.nodes = List.copyOf(list);
    this.ownerOf = Map.copyOf(owners);
  }

  // The compute chains (or -1 for the raw input) whose output tensors reach tensor `op` through
  // transparent operators.
  private static TreeSet<Integer> resolve(
      Op op, int[] chainOfEndTensor, int[] ownerChain, List<TreeSet<Integer>> memo) {
    TreeSet<Integer> cached = memo.get(op.index());
    if (cached != null) {
      return cached;
    }
    TreeSet<Integer> result = new TreeSet<>();
    if (op.type() == OpType.INPUT) {
      result.add(-1);
    } else if (chainOfEndTensor[op.index()] >= 0) {
      result.add(chainOfEndTensor[op.index()]);
    } else if (ownerChain[op.index()] >= 0) {
      throw new IllegalStateException(
          "operator '" + op.name() + "' is inside a folded chain but its output is read outside");
    } else {
      for (Op p : op.parents()) {
        result.addAll(resolve(p, chainOfEndTensor, ownerChain, memo));
      }
    }
    memo.set(op.index(), result);
    return result;
  }

  /** The operator graph this view folds. */
  public OpGraph graph() {
    return graph;
  }

  /** Compute nodes in topological order. */
  public List<ComputeNode> nodes() {
    return nodes;
  }

  /** Number of compute nodes. */
  public int size() {
    return nodes.size();
  }

  /** Bytes of the raw input tensor. */
  public long inputBytes() {
    return graph.input().outputBytes();
  }

  /**
   * The compute node that owns an operator: the node of a compute operator or of an absorbed one;
   * empty for the input and for transparent operators.
   */
  public Optional<ComputeNode> ownerOf(Op op) {
    return Optional.ofNullable(ownerOf.get(op));
  }

  /** Total MACs of the compute nodes (equals the operator graph's total). */
  public long totalMacs() {
    long sum = 0;
    for (ComputeNode node : nodes) {
      sum = Math.addExact(sum, node.macs());
    }
    return sum;
  }
}
