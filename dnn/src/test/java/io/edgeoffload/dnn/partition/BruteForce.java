package io.edgeoffload.dnn.partition;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/** Reference implementations for tests: random DAGs and exhaustive enumeration. */
final class BruteForce {

  private BruteForce() {}

  /** What a device set implies, computed from the definition alone. */
  record Cut(
      BitSet device, long deviceMacs, boolean sendsInput, List<Integer> crossing, long bytesSent) {}

  /**
   * A random DAG: each pair (i, j), i &lt; j, is an edge with probability {@code edgeProb};
   * operators without parent read the input, others with probability 0.2. With {@code singleSink},
   * every sink but the last gets an edge to the last operator.
   */
  static PartitionDag randomDag(SplittableRandom rng, int n, double edgeProb, boolean singleSink) {
    PartitionDag.Builder b = PartitionDag.builder("random", "input", rng.nextLong(1, 1000));
    boolean[] hasChild = new boolean[n];
    List<List<Integer>> parents = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      List<Integer> ps = new ArrayList<>();
      for (int i = 0; i < j; i++) {
        if (rng.nextDouble() < edgeProb) {
          ps.add(i);
        }
      }
      parents.add(ps);
    }
    if (singleSink) {
      for (int j = 0; j < n; j++) {
        for (int p : parents.get(j)) {
          hasChild[p] = true;
        }
      }
      for (int i = 0; i < n - 1; i++) {
        if (!hasChild[i]) {
          parents.get(n - 1).add(i);
        }
      }
    }
    for (int j = 0; j < n; j++) {
      int[] ps = parents.get(j).stream().mapToInt(Integer::intValue).toArray();
      boolean reads = ps.length == 0 || rng.nextDouble() < 0.2;
      // MACs may be zero to exercise the tie-breaks of the order.
      long macs = rng.nextInt(4) == 0 ? 0 : rng.nextLong(1, 50);
      b.add("op" + j, macs, rng.nextLong(0, 1000), reads, ps);
    }
    return b.build();
  }

  /** Every ancestor-closed set, by trying all 2^n subsets. */
  static List<Cut> allCuts(PartitionDag dag) {
    int n = dag.size();
    if (n > 20) {
      throw new IllegalArgumentException("too large for brute force: " + n);
    }
    List<Cut> cuts = new ArrayList<>();
    for (int mask = 0; mask < (1 << n); mask++) {
      if (closed(dag, mask)) {
        cuts.add(cutOf(dag, mask));
      }
    }
    return cuts;
  }

  static boolean closed(PartitionDag dag, int mask) {
    for (int v = 0; v < dag.size(); v++) {
      if ((mask >> v & 1) == 1) {
        for (int p : dag.parents(v)) {
          if ((mask >> p & 1) == 0) {
            return false;
          }
        }
      }
    }
    return true;
  }

  static Cut cutOf(PartitionDag dag, int mask) {
    BitSet device = new BitSet();
    long macs = 0;
    List<Integer> crossing = new ArrayList<>();
    long bytes = 0;
    boolean sendsInput = false;
    for (int v = 0; v < dag.size(); v++) {
      boolean on = (mask >> v & 1) == 1;
      if (on) {
        device.set(v);
        macs += dag.macs(v);
        boolean crosses = false;
        for (int c : dag.children(v)) {
          crosses |= (mask >> c & 1) == 0;
        }
        if (crosses) {
          crossing.add(v);
          bytes += dag.outputBytes(v);
        }
      } else if (dag.readsInput(v)) {
        sendsInput = true;
      }
    }
    if (sendsInput) {
      bytes += dag.inputBytes();
    }
    return new Cut(device, macs, sendsInput, crossing, bytes);
  }

  static Cut cutOf(PartitionPoint p) {
    return new Cut(p.deviceOps(), p.deviceMacs(), p.sendsInput(), p.crossingOps(), p.bytesSent());
  }
}
