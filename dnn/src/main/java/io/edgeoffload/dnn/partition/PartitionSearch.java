package io.edgeoffload.dnn.partition;

import io.edgeoffload.dnn.graph.ComputeView;
import io.edgeoffload.dnn.graph.OpGraph;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The partition-point search of COLLAB Algorithm 1 as MODEL-NOTES COLLAB 2 reads it.
 *
 * <p><b>Definition.</b> The device runs an ancestor-closed set D of operators (every parent of an
 * operator in D is in D); the server runs the rest. The cut of D is the set of operators in D whose
 * output at least one server operator reads, plus the raw input when an operator reading it runs on
 * the server. The bytes sent are the sum of the output bytes of the cut's tensors, each tensor once
 * however many server operators read it (COLLAB I_n). When every operator reaches one output
 * operator (as in every DNN here), distinct sets D have distinct cuts, so enumerating the sets
 * enumerates the distinct cuts; in a graph with several sinks two sets may share a cut and both are
 * listed (they differ in device MACs).
 *
 * <p><b>Enumeration.</b> By recursive series/parallel decomposition (see {@code IdealEnumerator}):
 * "single tensor" points between blocks (every operator before them is an ancestor of every
 * operator after them) cut the graph into segments, each segment's parallel branches combine by
 * Cartesian product (COLLAB Alg. 1, line 11), and a generic split handles any other shape exactly.
 * The number of points is counted first and the search fails with {@link
 * TooManyPartitionPointsException} above {@link Options#maxPoints()}.
 *
 * <p><b>Order.</b> Points are sorted by device MACs ascending, then by the number of device
 * operators, then by bytes sent, then by the device set (the set holding the lowest operator index
 * in which they differ first), and numbered s = 1..S. So s = 1 is the empty device set (the raw
 * input is sent, COLLAB: "s = 1 ... sending the original input") and s = S is the whole graph on
 * the device (nothing sent, "complete local DNN inference"). The order is deterministic.
 */
public final class PartitionSearch {

  /**
   * Search options.
   *
   * @param maxPoints the most partition points the search may return, in [1, {@value #MAX_CAP}]
   */
  public record Options(long maxPoints) {
    /** Default cap on the number of points. */
    public static final long DEFAULT_MAX_POINTS = 1_000_000;

    /** Largest cap accepted. */
    public static final long MAX_CAP = 100_000_000;

    /** Validates the options. */
    public Options {
      if (maxPoints < 1 || maxPoints > MAX_CAP) {
        throw new IllegalArgumentException(
            "maxPoints must be in [1, " + MAX_CAP + "], got " + maxPoints);
      }
    }

    /** The default options. */
    public static Options defaults() {
      return new Options(DEFAULT_MAX_POINTS);
    }
  }

  private PartitionSearch() {}

  /** Partition points of a model's compute view, default options. */
  public static PartitionPoints search(OpGraph graph) {
    return search(PartitionDag.of(graph.computeView()), Options.defaults());
  }

  /** Partition points of a compute view. */
  public static PartitionPoints search(ComputeView view, Options options) {
    return search(PartitionDag.of(view), options);
  }

  /** Partition points with default options. */
  public static PartitionPoints search(PartitionDag dag) {
    return search(dag, Options.defaults());
  }

  /**
   * Number of partition points (ancestor-closed operator sets), saturated at {@code cap + 1}.
   * Cheap: no point is materialised except inside generic (non series-parallel) parts.
   */
  public static long count(PartitionDag dag, long cap) {
    return new IdealEnumerator(dag.childrenArray(), cap).count(allNodes(dag.size()));
  }

  /**
   * All partition points, ordered s = 1..S.
   *
   * @throws TooManyPartitionPointsException when there are more than {@code options.maxPoints()}
   */
  public static PartitionPoints search(PartitionDag dag, Options options) {
    long cap = options.maxPoints();
    IdealEnumerator enumerator = new IdealEnumerator(dag.childrenArray(), cap);
    int n = dag.size();
    int[] all = allNodes(n);
    if (enumerator.count(all) > cap) {
      throw new TooManyPartitionPointsException(dag.name(), cap);
    }
    Evaluator eval = new Evaluator(dag);
    List<Draft> drafts = new ArrayList<>();
    IdealEnumerator.Shape top = enumerator.decompose(all);
    if (top instanceof IdealEnumerator.Series series) {
      // Top-level series cuts: blocks before component k all run on the device.
      drafts.add(eval.draft(eval.frontier(-1), new int[0]));
      for (int k = 0; k < series.size(); k++) {
        Evaluator.Frontier frontier = eval.frontier(series.start(k) - 1);
        for (int[] ideal : enumerator.enumerate(series.component(k))) {
          if (ideal.length > 0) {
            drafts.add(eval.draft(frontier, ideal));
          }
        }
      }
    } else {
      Evaluator.Frontier frontier = eval.frontier(-1);
      for (int[] ideal : enumerator.enumerate(all)) {
        drafts.add(eval.draft(frontier, ideal));
      }
    }
    drafts.sort(ORDER);
    long totalMacs = dag.totalMacs();
    List<PartitionPoint> points = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      List<Integer> crossing = new ArrayList<>(d.crossing().length);
      List<String> names = new ArrayList<>(d.crossing().length + 1);
      if (d.sendsInput()) {
        names.add(dag.inputName());
      }
      for (int op : d.crossing()) {
        crossing.add(op);
        names.add(dag.name(op));
      }
      points.add(
          new PartitionPoint(
              i + 1,
              d.device(),
              d.deviceMacs(),
              totalMacs - d.deviceMacs(),
              d.sendsInput(),
              crossing,
              names,
              d.bytesSent()));
    }
    return new PartitionPoints(dag, points);
  }

  private static int[] allNodes(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  private static final Comparator<Draft> ORDER =
      Comparator.comparingLong(Draft::deviceMacs)
          .thenComparingInt(Draft::deviceCount)
          .thenComparingLong(Draft::bytesSent)
          .thenComparing(Draft::device, PartitionSearch::compareSets);

  // The set holding the lowest index in which two sets differ comes first.
  static int compareSets(BitSet a, BitSet b) {
    BitSet x = (BitSet) a.clone();
    x.xor(b);
    int d = x.nextSetBit(0);
    if (d < 0) {
      return 0;
    }
    return a.get(d) ? -1 : 1;
  }

  private record Draft(
      BitSet device,
      int deviceCount,
      long deviceMacs,
      boolean sendsInput,
      int[] crossing,
      long bytesSent) {}

  /** Computes the cut of a device set given as a prefix 0..prefixEnd plus an ideal after it. */
  private static final class Evaluator {
    private final PartitionDag dag;
    private final long[] prefixMacs;
    private final int[] maxChild;

    /**
     * @param prefixEnd last operator index of the prefix (-1: none)
     * @param candidates prefix operators with a child after the prefix, ascending
     * @param inputReaders operators after the prefix that read the raw input
     */
    record Frontier(int prefixEnd, int[] candidates, int[] inputReaders) {}

    Evaluator(PartitionDag dag) {
      this.dag = dag;
      int n = dag.size();
      this.prefixMacs = new long[n + 1];
      this.maxChild = new int[n];
      long[] macs = dag.macsArray();
      int[][] children = dag.childrenArray();
      for (int i = 0; i < n; i++) {
        prefixMacs[i + 1] = prefixMacs[i] + macs[i];
        int max = -1;
        for (int c : children[i]) {
          max = Math.max(max, c);
        }
        maxChild[i] = max;
      }
    }

    Frontier frontier(int prefixEnd) {
      List<Integer> candidates = new ArrayList<>();
      for (int v = 0; v <= prefixEnd; v++) {
        if (maxChild[v] > prefixEnd) {
          candidates.add(v);
        }
      }
      List<Integer> readers = new ArrayList<>();
      boolean[] reads = dag.readsInputArray();
      for (int v = prefixEnd + 1; v < dag.size(); v++) {
        if (reads[v]) {
          readers.add(v);
        }
      }
      return new Frontier(
          prefixEnd,
          candidates.stream().mapToInt(Integer::intValue).toArray(),
          readers.stream().mapToInt(Integer::intValue).toArray());
    }

    Draft draft(Frontier f, int[] ideal) {
      BitSet device = new BitSet(dag.size());
      if (f.prefixEnd() >= 0) {
        device.set(0, f.prefixEnd() + 1);
      }
      long macs = prefixMacs[f.prefixEnd() + 1];
      long[] opMacs = dag.macsArray();
      for (int v : ideal) {
        device.set(v);
        macs += opMacs[v];
      }
      int[][] children = dag.childrenArray();
      long[] bytes = dag.outputBytesArray();
      int[] crossing = new int[f.candidates().length + ideal.length];
      int count = 0;
      long sent = 0;
      // Cut: device operators read by at least one server operator (COLLAB Sec. III-B); each
      // tensor counted once (COLLAB I_n).
      for (int k = 0; k < crossing.length; k++) {
        int v = k < f.candidates().length ? f.candidates()[k] : ideal[k - f.candidates().length];
        for (int c : children[v]) {
          if (!device.get(c)) {
            crossing[count++] = v;
            sent += bytes[v];
            break;
          }
        }
      }
      boolean sendsInput = false;
      for (int r : f.inputReaders()) {
        if (!device.get(r)) {
          sendsInput = true;
          sent += dag.inputBytes();
          break;
        }
      }
      int deviceCount = f.prefixEnd() + 1 + ideal.length;
      return new Draft(
          device, deviceCount, macs, sendsInput, java.util.Arrays.copyOf(crossing, count), sent);
    }
  }
}
