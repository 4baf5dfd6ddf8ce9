package io.edgeoffload.dnn.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Enumerates the ideals (ancestor-closed subsets) of induced subgraphs of a DAG by recursive
 * decomposition, the structural reading of COLLAB Algorithm 1:
 *
 * <ul>
 *   <li><b>Parallel</b>: an induced subgraph with several weakly connected components (parallel
 *       branches) has as ideals the Cartesian product of its components' ideals (COLLAB Alg. 1,
 *       line 11).
 *   <li><b>Series</b>: an ordinal-sum cut splits the nodes (in topological order) into a prefix and
 *       a suffix such that every prefix node is an ancestor of every suffix node: the data that
 *       flows between two blocks of a ResNet, GoogLeNet or MobileNetV2 is a "single tensor" point
 *       (one operator, or the parts of one concat). With components H_1, ..., H_r between such
 *       cuts, every ideal is empty or H_1 + ... + H_(k-1) plus a non-empty ideal of H_k (COLLAB
 *       Alg. 1, lines 3-5: a node whose relatives cover the whole graph is a partition point on its
 *       own). A position is such a cut iff every sink of the prefix has an edge to every source of
 *       the suffix: a path from a prefix sink to a suffix source cannot re-enter the prefix, so it
 *       is one edge; and every prefix node reaches a prefix sink, every suffix node is reached from
 *       a suffix source.
 *   <li><b>Split</b> (fallback for connected graphs without series cut): for a source v, the ideals
 *       without v are those of the graph minus v's descendants, and the ideals with v are v plus
 *       those of the graph minus v.
 * </ul>
 *
 * <p>Each case recurses on strictly smaller node sets; every leaf is exactly one ideal, so the work
 * is polynomial per ideal. Node sets are ascending arrays of node indices (indices are a
 * topological order). Not thread-safe: one instance per search.
 */
final class IdealEnumerator {

  private final int[][] children;
  private final long cap;
  private final int[] mark;
  private final int[] pos;
  private int stamp;

  /** Decomposition of one node set. */
  sealed interface Shape permits Empty, Parallel, Series, Split {}

  record Empty() implements Shape {}

  record Parallel(List<int[]> components) implements Shape {}

  /**
   * Ordinal sum: components {@code [starts[k], starts[k+1])} of {@code nodes}, every node of a
   * component an ancestor of every node of the later ones.
   *
   * @param nodes the node set
   * @param starts start position (in {@code nodes}) of each component, ascending, first 0
   */
  record Series(int[] nodes, int[] starts) implements Shape {
    /** Number of components. */
    int size() {
      return starts.length;
    }

    /** Start position of component k. */
    int start(int k) {
      return starts[k];
    }

    /** Nodes of component k. */
    int[] component(int k) {
      int to = k + 1 == starts.length ? nodes.length : starts[k + 1];
      return Arrays.copyOfRange(nodes, starts[k], to);
    }
  }

  record Split(int v, int[] withoutDescendants, int[] withoutV) implements Shape {}

  IdealEnumerator(int[][] children, long cap) {
    this.children = children;
    this.cap = cap;
    this.mark = new int[children.length];
    this.pos = new int[children.length];
  }

  /** Decomposes a node set (ascending indices). */
  Shape decompose(int[] nodes) {
    int m = nodes.length;
    if (m == 0) {
      return new Empty();
    }
    stamp++;
    for (int i = 0; i < m; i++) {
      mark[nodes[i]] = stamp;
      pos[nodes[i]] = i;
    }
    // Weakly connected components (union-find over induced edges).
    int[] root = new int[m];
    for (int i = 0; i < m; i++) {
      root[i] = i;
    }
    for (int i = 0; i < m; i++) {
      for (int c : children[nodes[i]]) {
        if (mark[c] != stamp) {
          continue;
        }
        union(root, i, pos[c]);
      }
    }
    int components = 0;
    for (int i = 0; i < m; i++) {
      if (find(root, i) == i) {
        components++;
      }
    }
    if (components > 1) {
      List<int[]> parts = new ArrayList<>();
      int[] partOfRoot = new int[m];
      Arrays.fill(partOfRoot, -1);
      int[] sizes = new int[components];
      int[] partOf = new int[m];
      for (int i = 0; i < m; i++) {
        int r = find(root, i);
        if (partOfRoot[r] < 0) {
          partOfRoot[r] = parts.size();
          parts.add(null);
        }
        partOf[i] = partOfRoot[r];
        sizes[partOf[i]]++;
      }
      for (int k = 0; k < components; k++) {
        parts.set(k, new int[sizes[k]]);
        sizes[k] = 0;
      }
      for (int i = 0; i < m; i++) {
        parts.get(partOf[i])[sizes[partOf[i]]++] = nodes[i];
      }
      return new Parallel(parts);
    }
    // Series cuts (ordinal sum): a position p splits the nodes into a prefix [0, p) and a suffix
    // [p, m) with every prefix node an ancestor of every suffix node. As argued in the class
    // comment, that holds iff every sink of the prefix has an edge to every source of the
    // suffix; count, for each p, the sinks, the sources and the edges between them with
    // difference arrays.
    int[] minChild = new int[m];
    int[] maxParent = new int[m];
    Arrays.fill(minChild, m);
    Arrays.fill(maxParent, -1);
    for (int i = 0; i < m; i++) {
      for (int c : children[nodes[i]]) {
        if (mark[c] == stamp) {
          int j = pos[c];
          minChild[i] = Math.min(minChild[i], j);
          maxParent[j] = Math.max(maxParent[j], i);
        }
      }
    }
    long[] sinks = new long[m + 2];
    long[] sources = new long[m + 2];
    long[] between = new long[m + 2];
    for (int i = 0; i < m; i++) {
      // node i is a sink of the prefix [0, p) for p in (i, minChild(i)]
      sinks[i + 1]++;
      sinks[Math.min(minChild[i], m) + 1]--;
      // node i is a source of the suffix [p, m) for p in (maxParent(i), i]
      sources[maxParent[i] + 1]++;
      sources[i + 1]--;
    }
    for (int i = 0; i < m; i++) {
      for (int c : children[nodes[i]]) {
        if (mark[c] == stamp) {
          int j = pos[c];
          int from = Math.max(i, maxParent[j]) + 1;
          int to = Math.min(j, minChild[i]);
          if (from <= to) {
            between[from]++;
            between[to + 1]--;
          }
        }
      }
    }
    int[] starts = new int[m];
    int count = 1;
    long sinkCount = 0;
    long sourceCount = 0;
    long edgeCount = 0;
    for (int p = 0; p < m; p++) {
      sinkCount += sinks[p];
      sourceCount += sources[p];
      edgeCount += between[p];
      if (p > 0 && edgeCount == sinkCount * sourceCount) {
        starts[count++] = p;
      }
    }
    if (count > 1) {
      return new Series(nodes, Arrays.copyOf(starts, count));
    }
    // Split on the first node, a source of the induced subgraph.
    int v = nodes[0];
    boolean[] down = new boolean[m];
    down[0] = true;
    for (int i = 0; i < m; i++) {
      if (!down[i]) {
        continue;
      }
      for (int c : children[nodes[i]]) {
        if (mark[c] == stamp) {
          down[pos[c]] = true;
        }
      }
    }
    int kept = 0;
    for (boolean d : down) {
      kept += d ? 0 : 1;
    }
    int[] without = new int[kept];
    int k = 0;
    for (int i = 0; i < m; i++) {
      if (!down[i]) {
        without[k++] = nodes[i];
      }
    }
    return new Split(v, without, Arrays.copyOfRange(nodes, 1, m));
  }

  /** Number of ideals of a node set, saturated at cap + 1. */
  long count(int[] nodes) {
    Shape shape = decompose(nodes);
    if (shape instanceof Empty) {
      return 1;
    }
    if (shape instanceof Parallel p) {
      long product = 1;
      for (int[] part : p.components()) {
        product = satMul(product, count(part)); // COLLAB Alg. 1, line 11
        if (product > cap) {
          return cap + 1;
        }
      }
      return product;
    }
    if (shape instanceof Series s) {
      long sum = 1; // the empty ideal
      for (int k = 0; k < s.size(); k++) {
        sum = satAdd(sum, count(s.component(k)) - 1); // non-empty ideals of component k
        if (sum > cap) {
          return cap + 1;
        }
      }
      return sum;
    }
    Split split = (Split) shape;
    long without = count(split.withoutDescendants());
    if (without > cap) {
      return cap + 1;
    }
    return satAdd(without, count(split.withoutV()));
  }

  /** The ideals of a node set, each an ascending array of node indices. */
  List<int[]> enumerate(int[] nodes) {
    Shape shape = decompose(nodes);
    List<int[]> out = new ArrayList<>();
    if (shape instanceof Empty) {
      out.add(new int[0]);
    } else if (shape instanceof Parallel p) {
      out.add(new int[0]);
      for (int[] part : p.components()) { // Cartesian product, COLLAB Alg. 1, line 11
        List<int[]> partIdeals = enumerate(part);
        List<int[]> next = new ArrayList<>(out.size() * partIdeals.size());
        for (int[] left : out) {
          for (int[] right : partIdeals) {
            next.add(union(left, right));
          }
        }
        out = next;
      }
    } else if (shape instanceof Series s) {
      out.add(new int[0]);
      for (int k = 0; k < s.size(); k++) {
        int[] prefix = Arrays.copyOf(s.nodes(), s.start(k));
        for (int[] ideal : enumerate(s.component(k))) {
          if (ideal.length > 0) {
            out.add(union(prefix, ideal));
          }
        }
      }
    } else {
      Split split = (Split) shape;
      out.addAll(enumerate(split.withoutDescendants()));
      int[] v = {split.v()};
      for (int[] ideal : enumerate(split.withoutV())) {
        out.add(union(v, ideal));
      }
    }
    return out;
  }

  /** Sorted union of two disjoint ascending arrays. */
  static int[] union(int[] a, int[] b) {
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length && j < b.length) {
      out[k++] = a[i] < b[j] ? a[i++] : b[j++];
    }
    while (i < a.length) {
      out[k++] = a[i++];
    }
    while (j < b.length) {
      out[k++] = b[j++];
    }
    return out;
  }

  private long satAdd(long a, long b) {
    long r = a + b;
    return (r > cap || r < 0) ? cap + 1 : r;
  }

  private long satMul(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    if (a > (cap + 1) / b + 1) {
      return cap + 1;
    }
    long r = a * b;
    return r > cap ? cap + 1 : r;
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) {
      root[i] = root[root[i]];
      i = root[i];
    }
    return i;
  }

  private static void union(int[] root, int a, int b) {
    int ra = find(root, a);
    int rb = find(root, b);
    if (ra != rb) {
      root[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
