package io.edgeoffload.dnn.partition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdealEnumeratorTest {

  private static IdealEnumerator enumerator(PartitionDag dag) {
    return new IdealEnumerator(dag.childrenArray(), 1_000_000);
  }

  private static int[] all(PartitionDag dag) {
    int[] nodes = new int[dag.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = i;
    }
    return nodes;
  }

  @Test
  void nShapedPosetNeedsTheGenericSplit() {
    // a -> c, b -> c, b -> d: connected, and no prefix lies wholly below its suffix.
    PartitionDag.Builder b = PartitionDag.builder("n", "input", 1);
    int a = b.add("a", 1, 1, true);
    int bb = b.add("b", 1, 1, true);
    b.add("c", 1, 1, false, a, bb);
    b.add("d", 1, 1, false, bb);
    PartitionDag dag = b.build();
    IdealEnumerator e = enumerator(dag);
    assertThat(e.decompose(all(dag))).isInstanceOf(IdealEnumerator.Split.class);
    // Ideals: {}, a, b, ab, bd, abc, abd, abcd.
    assertThat(e.count(all(dag))).isEqualTo(8);
    assertThat(e.enumerate(all(dag))).hasSize(8);
  }

  @Test
  void blockBoundariesAreSeriesCutsAndBranchesAreParallel() {
    PartitionDag dag = SyntheticDags.branchy(2, 3, 2, SyntheticDags.Join.CONCAT, 1);
    IdealEnumerator e = enumerator(dag);
    IdealEnumerator.Shape top = e.decompose(all(dag));
    assertThat(top).isInstanceOf(IdealEnumerator.Series.class);
    IdealEnumerator.Series series = (IdealEnumerator.Series) top;
    // stem | block 0 branches | block 1 branches | head
    assertThat(series.size()).isEqualTo(4);
    assertThat(e.decompose(series.component(1))).isInstanceOf(IdealEnumerator.Parallel.class);
    assertThat(((IdealEnumerator.Parallel) e.decompose(series.component(1))).components())
        .hasSize(3);
  }
}
