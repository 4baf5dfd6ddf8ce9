package io.edgeoffload.dnn.partition;

import java.util.ArrayList;
import java.util.List;

/** The ordered partition points s = 1..S of one graph, and its chain cuts. Immutable. */
public final class PartitionPoints {

  private final PartitionDag dag;
  private final List<PartitionPoint> points;
  private final List<PartitionPoint> chainCuts;

  PartitionPoints(PartitionDag dag, List<PartitionPoint> points) {
    this.dag = dag;
    this.points = List.copyOf(points);
    List<PartitionPoint> chain = new ArrayList<>();
    for (int i = 0; i < this.points.size(); i++) {
      PartitionPoint p = this.points.get(i);
      if (p.s() != i + 1) {
        throw new IllegalArgumentException("point " + i + " has s = " + p.s());
      }
      if (p.isChainCut()) {
        chain.add(p);
      }
    }
    this.chainCuts = List.copyOf(chain);
  }

  /** The graph. */
  public PartitionDag dag() {
    return dag;
  }

  /** S, the number of partition points. */
  public int size() {
    return points.size();
  }

  /** All points in order; element {@code s - 1} is point s. */
  public List<PartitionPoint> all() {
    return points;
  }

  /**
   * Point s.
   *
   * @throws IllegalArgumentException when s is not in [1, S]
   */
  public PartitionPoint get(int s) {
    if (s < 1 || s > points.size()) {
      throw new IllegalArgumentException(
          "partition point s must be in [1, "
              + points.size()
              + "] for '"
              + dag.name()
              + "', got "
              + s);
    }
    return points.get(s - 1);
  }

  /**
   * The chain cuts (Neurosurgeon style): the points at which at most one tensor crosses, in the
   * same order and with the same s as in {@link #all()}. They include s = 1 (the raw input) and s =
   * S (nothing sent).
   */
  public List<PartitionPoint> chainCuts() {
    return chainCuts;
  }
}
