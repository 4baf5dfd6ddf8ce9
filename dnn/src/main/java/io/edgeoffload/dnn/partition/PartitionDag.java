package io.edgeoffload.dnn.partition;

import io.edgeoffload.dnn.graph.ComputeNode;
import io.edgeoffload.dnn.graph.ComputeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The partitioning problem: a DAG of compute operators in topological order, each with its MACs,
 * its output tensor's bytes, its parents and whether it reads the raw input. Immutable.
 *
 * <p>Every operator without a parent must read the raw input (an operator gets its data from
 * somewhere). Built from a {@link ComputeView} by {@link #of(ComputeView)} (node {@code i} is
 * {@code view.nodes().get(i)}) or by hand with {@link #builder(String, String, long)}.
 */
public final class PartitionDag {

  private final String name;
  private final String inputName;
  private final long inputBytes;
  private final List<String> names;
  private final long[] macs;
  private final long[] outputBytes;
  private final int[][] parents;
  private final int[][] children;
  private final boolean[] readsInput;

  private PartitionDag(
      String name,
      String inputName,
      long inputBytes,
      List<String> names,
      long[] macs,
      long[] outputBytes,
      int[][] parents,
      boolean[] readsInput) {
    this.name = name;
    this.inputName = inputName;
    this.inputBytes = inputBytes;
    this.names = List.copyOf(names);
    this.macs = macs;
    this.outputBytes = outputBytes;
    this.parents = parents;
    this.readsInput = readsInput;
    int n = names.size();
    if (n == 0) {
      throw new IllegalArgumentException("graph '" + name + "' has no operator");
    }
    int[] childCount = new int[n];
    for (int[] ps : parents) {
      for (int p : ps) {
        childCount[p]++;
      }
    }
    this.children = new int[n][];
    for (int i = 0; i < n; i++) {
      children[i] = new int[childCount[i]];
      childCount[i] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (int p : parents[i]) {
        children[p][childCount[p]++] = i;
      }
    }
  }

  /** The problem of a compute view: node {@code i} is {@code view.nodes().get(i)}. */
  public static PartitionDag of(ComputeView view) {
    Builder b = builder(view.graph().name(), view.graph().input().name(), view.inputBytes());
    for (ComputeNode node : view.nodes()) {
      int[] ps = node.parents().stream().mapToInt(ComputeNode::index).toArray();
      b.add(node.name(), node.macs(), node.outputBytes(), node.readsInput(), ps);
    }
    return b.build();
  }

  /**
   * A builder.
   *
   * @param name graph name
   * @param inputName name of the raw input tensor (shown in crossing lists)
   * @param inputBytes bytes of the raw input tensor
   */
  public static Builder builder(String name, String inputName, long inputBytes) {
    return new Builder(name, inputName, inputBytes);
  }

  /** Graph name. */
  public String name() {
    return name;
  }

  /** Name of the raw input tensor. */
  public String inputName() {
    return inputName;
  }

  /** Bytes of the raw input tensor. */
  public long inputBytes() {
    return inputBytes;
  }

  /** Number of operators. */
  public int size() {
    return names.size();
  }

  /** Name of operator {@code i}. */
  public String name(int i) {
    return names.get(i);
  }

  /** MACs of operator {@code i}. */
  public long macs(int i) {
    return macs[i];
  }

  /** Bytes of operator {@code i}'s output tensor. */
  public long outputBytes(int i) {
    return outputBytes[i];
  }

  /** Parents of operator {@code i}, ascending. */
  public int[] parents(int i) {
    return parents[i].clone();
  }

  /** Children of operator {@code i}, ascending. */
  public int[] children(int i) {
    return children[i].clone();
  }

  /** Whether operator {@code i} reads the raw input. */
  public boolean readsInput(int i) {
    return readsInput[i];
  }

  /** Total MACs. */
  public long totalMacs() {
    long sum = 0;
    for (long m : macs) {
      sum = Math.addExact(sum, m);
    }
    return sum;
  }

  // Package-private views for the search (not copied; never modified).
  int[][] parentsArray() {
    return parents;
  }

  int[][] childrenArray() {
    return children;
  }

  long[] macsArray() {
    return macs;
  }

  long[] outputBytesArray() {
    return outputBytes;
  }

  boolean[] readsInputArray() {
    return readsInput;
  }

  @Override
  public String toString() {
    return "PartitionDag[" + name + ", " + size() + " operators]";
  }

  /** Adds operators in topological order. */
  public static final class Builder {
    private final String name;
    private final String inputName;
    private final long inputBytes;
    private final List<String> names = new ArrayList<>();
    private final List<Long> macs = new ArrayList<>();
    private final List<Long> bytes = new ArrayList<>();
    private final List<int[]> parents = new ArrayList<>();
    private final List<Boolean> readsInput = new ArrayList<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    private Builder(String name, String inputName, long inputBytes) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      if (inputName == null || inputName.isBlank()) {
        throw new IllegalArgumentException("inputName must not be blank");
      }
      if (inputBytes < 0) {
        throw new IllegalArgumentException("inputBytes must be non-negative, got " + inputBytes);
      }
      this.name = name;
      this.inputName = inputName;
      this.inputBytes = inputBytes;
    }

    /**
     * Adds an operator.
     *
     * @param opName unique name
     * @param opMacs MACs, non-negative
     * @param opOutputBytes bytes of its output tensor, non-negative
     * @param opReadsInput whether it reads the raw input
     * @param opParents indices of its parents, each below the new operator's index
     * @return the new operator's index
     */
    public int add(
        String opName, long opMacs, long opOutputBytes, boolean opReadsInput, int... opParents) {
      int index = names.size();
      if (opName == null || opName.isBlank() || opName.equals(inputName)) {
        throw new IllegalArgumentException(
            "operator " + index + ": name must be non-blank and differ from the input's");
      }
      if (!seen.add(opName)) {
        throw new IllegalArgumentException("duplicate operator name '" + opName + "'");
      }
      if (opMacs < 0 || opOutputBytes < 0) {
        throw new IllegalArgumentException(
            "operator '" + opName + "': MACs and bytes must be non-negative");
      }
      int[] ps = opParents.clone();
      Arrays.sort(ps);
      for (int k = 0; k < ps.length; k++) {
        if (ps[k] < 0 || ps[k] >= index) {
          throw new IllegalArgumentException(
              "operator '"
                  + opName
                  + "': parent "
                  + ps[k]
                  + " must be an earlier operator, in [0, "
                  + (index - 1)
                  + "]");
        }
        if (k > 0 && ps[k] == ps[k - 1]) {
          throw new IllegalArgumentException(
              "operator '" + opName + "': duplicate parent " + ps[k]);
        }
      }
      if (ps.length == 0 && !opReadsInput) {
        throw new IllegalArgumentException(
            "operator '" + opName + "' has no parent and does not read the input");
      }
      names.add(opName);
      macs.add(opMacs);
      bytes.add(opOutputBytes);
      parents.add(ps);
      readsInput.add(opReadsInput);
      return index;
    }

    /** The problem. */
    public PartitionDag build() {
      int n = names.size();
      long[] m = new long[n];
      long[] b = new long[n];
      boolean[] r = new boolean[n];
      for (int i = 0; i < n; i++) {
        m[i] = macs.get(i);
        b[i] = bytes.get(i);
        r[i] = readsInput.get(i);
      }
      return new PartitionDag(
          name, inputName, inputBytes, names, m, b, parents.toArray(new int[0][]), r);
    }
  }
}
