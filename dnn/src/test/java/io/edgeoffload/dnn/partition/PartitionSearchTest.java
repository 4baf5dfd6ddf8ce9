package io.edgeoffload.dnn.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.dnn.graph.ComputeNode;
import io.edgeoffload.dnn.graph.ComputeView;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.ModelZoo;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionSearchTest {

  /** Checks a search result against brute force and the documented order. */
  private static void assertMatchesBruteForce(PartitionDag dag) {
    PartitionPoints points = PartitionSearch.search(dag);
    List<BruteForce.Cut> expected = BruteForce.allCuts(dag);
    List<BruteForce.Cut> actual = points.all().stream().map(BruteForce::cutOf).toList();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(PartitionSearch.count(dag, 1_000_000)).isEqualTo(expected.size());
    assertOrdered(points, dag);
    List<BruteForce.Cut> chain =
        expected.stream().filter(c -> c.crossing().size() + (c.sendsInput() ? 1 : 0) <= 1).toList();
    assertThat(points.chainCuts().stream().map(BruteForce::cutOf).toList())
        .containsExactlyInAnyOrderElementsOf(chain);
  }

  private static void assertOrdered(PartitionPoints points, PartitionDag dag) {
    List<PartitionPoint> all = points.all();
    long total = dag.totalMacs();
    for (int i = 0; i < all.size(); i++) {
      PartitionPoint p = all.get(i);
      assertThat(p.s()).isEqualTo(i + 1);
      assertThat(p.deviceMacs() + p.serverMacs()).isEqualTo(total);
      if (i > 0) {
        PartitionPoint q = all.get(i - 1);
        assertThat(p.deviceMacs()).isGreaterThanOrEqualTo(q.deviceMacs());
        if (p.deviceMacs() == q.deviceMacs()) {
          assertThat(p.deviceOpCount()).isGreaterThanOrEqualTo(q.deviceOpCount());
          if (p.deviceOpCount() == q.deviceOpCount()) {
            assertThat(p.bytesSent()).isGreaterThanOrEqualTo(q.bytesSent());
          }
        }
      }
    }
    PartitionPoint first = points.get(1);
    assertThat(first.deviceOpCount()).isZero();
    assertThat(first.sendsInput()).isTrue();
    assertThat(first.crossingOps()).isEmpty();
    assertThat(first.bytesSent()).isEqualTo(dag.inputBytes());
    assertThat(first.crossingNames()).containsExactly(dag.inputName());
    PartitionPoint last = points.get(points.size());
    assertThat(last.deviceOpCount()).isEqualTo(dag.size());
    assertThat(last.bytesSent()).isZero();
    assertThat(last.crossingTensorCount()).isZero();
    assertThat(last.serverMacs()).isZero();
  }

  @Test
  void randomDagsMatchBruteForce() {
    // Property over 600 seeded random DAGs of 1..13 operators, sparse to dense.
    SplittableRandom rng = new SplittableRandom(20_261_122L);
    for (int trial = 0; trial < 600; trial++) {
      int n = 1 + rng.nextInt(13);
      double p = 0.05 + 0.6 * rng.nextDouble();
      PartitionDag dag = BruteForce.randomDag(rng, n, p, rng.nextBoolean());
      try {
        assertMatchesBruteForce(dag);
      } catch (AssertionError e) {
        throw new AssertionError("trial " + trial + " (n = " + n + ", p = " + p + ")", e);
      }
    }
  }

  @Test
  void singleSinkDagsHaveDistinctCuts() {
    SplittableRandom rng = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      PartitionDag dag = BruteForce.randomDag(rng, 2 + rng.nextInt(11), 0.3, true);
      PartitionPoints points = PartitionSearch.search(dag);
      Set<List<Integer>> cuts = new HashSet<>();
      for (PartitionPoint p : points.all()) {
        List<Integer> key = new ArrayList<>(p.crossingOps());
        key.add(p.sendsInput() ? -1 : -2);
        assertThat(cuts.add(key)).as("distinct cut %s", key).isTrue();
      }
    }
  }

  /** stem, then branches of the given lengths, then a join operator. */
  private static PartitionDag inceptionBlock(int... lengths) {
    PartitionDag.Builder b = PartitionDag.builder("inception", "input", 100);
    int stem = b.add("stem", 10, 50, true);
    int[] ends = new int[lengths.length];
    for (int br = 0; br < lengths.length; br++) {
      int prev = stem;
      for (int k = 0; k < lengths[br]; k++) {
        prev = b.add("br" + br + "." + k, 3 + br + k, 7 + 3 * br + k, false, prev);
      }
      ends[br] = prev;
    }
    b.add("join", 5, 9, false, ends);
    return b.build();
  }

  @Test
  void inceptionBlockIsCartesianProductOverBranches() {
    // GoogLeNet's branch lengths 1, 2, 2, 1: with the stem on the device, (1+1)(2+1)(2+1)(1+1) =
    // 36 states of the branches (the stem alone among them); plus nothing, plus everything.
    PartitionDag dag = inceptionBlock(1, 2, 2, 1);
    assertMatchesBruteForce(dag);
    PartitionPoints points = PartitionSearch.search(dag);
    assertThat(points.size()).isEqualTo(36 + 2);
    // Stem on the device, all branches on the server: the stem's tensor is read by four server
    // operators and sent once.
    PartitionPoint stemOnly = points.get(2);
    assertThat(stemOnly.crossingNames()).containsExactly("stem");
    assertThat(stemOnly.bytesSent()).isEqualTo(50);
  }

  @Test
  void residualBlockSendsTheSkipTensorWithTheBranch() {
    // x -> a -> b -> c, x -> c (the add folded into c), c -> out.
    PartitionDag.Builder b = PartitionDag.builder("residual", "input", 1000);
    int x = b.add("x", 10, 100, true);
    int a = b.add("a", 20, 40, false, x);
    int bb = b.add("b", 30, 40, false, a);
    int c = b.add("c", 40, 100, false, bb, x);
    b.add("out", 5, 4, false, c);
    PartitionDag dag = b.build();
    assertMatchesBruteForce(dag);
    PartitionPoints points = PartitionSearch.search(dag);
    assertThat(points.size()).isEqualTo(6); // the block is a chain of ideals: {}, x, xa, xab, ...
    PartitionPoint inside = points.get(3); // x and a on the device
    assertThat(inside.crossingOps()).containsExactly(x, a);
    assertThat(inside.bytesSent()).isEqualTo(140);
    assertThat(inside.isChainCut()).isFalse();
    assertThat(points.get(5).crossingOps()).containsExactly(c);
    assertThat(points.chainCuts().stream().map(PartitionPoint::s).toList())
        .containsExactly(1, 2, 5, 6);
  }

  @Test
  void syntheticGraphsMatchBruteForceAndTheirCountFormulas() {
    for (SyntheticDags.Join join : SyntheticDags.Join.values()) {
      assertMatchesBruteForce(SyntheticDags.branchy(2, 3, 2, join, 5));
    }
    PartitionDag big = SyntheticDags.branchy(48, 4, 5, 1);
    assertThat(big.size()).isEqualTo(1 + 48 * 21);
    PartitionPoints points = PartitionSearch.search(big);
    assertThat(points.size()).isEqualTo(2 + 48 * 6 * 6 * 6 * 6);
    assertOrdered(points, big);
    PartitionDag concat = SyntheticDags.branchy(48, 4, 5, SyntheticDags.Join.CONCAT, 1);
    assertThat(concat.size()).isEqualTo(2 + 48 * 20);
    assertThat(PartitionSearch.count(concat, 10_000_000)).isEqualTo(3 + 48 * (6 * 6 * 6 * 6 - 1));
  }

  // S derived by hand from each model's block structure (ideals of a series composition:
  // 1 + sum over blocks of (ideals of the block - 1); parallel branches multiply):
  // ResNet-50: stem 1, 12 identity blocks (chain of 3) 3 each, 4 projection blocks
  // ((1+1)(2+1) - 1 + 1 =) 6 each, fc 1: 1 + 1 + 36 + 24 + 1 = 63.
  // GoogLeNet: 3 stem convs, 9 Inception blocks (2*3*3*2 - 1 =) 35 each, fc: 1 + 3 + 315 + 1 = 320.
  // MobileNetV2: the residual adds keep the compute poset a chain of 53 operators: 54.
  // Chain cuts: ResNet-50: nothing, stem, 16 block ends, everything = 19; GoogLeNet: the concat
  // splits into four tensors, so only nothing and the three stem convs and everything = 5;
  // MobileNetV2: 54 minus the 2 inner points of each of its 10 residual blocks = 34.
  @ParameterizedTest
  @CsvSource({"resnet50, 63, 19", "googlenet, 320, 5", "mobilenetv2, 54, 34"})
  void modelPointCounts(String id, int expectedPoints, int expectedChainCuts) {
    PartitionPoints points = PartitionSearch.search(ModelZoo.build(id));
    assertThat(points.size()).isEqualTo(expectedPoints);
    assertThat(points.chainCuts()).hasSize(expectedChainCuts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"resnet50", "googlenet", "mobilenetv2"})
  void modelPointsObeyTheDefinition(String id) {
    OpGraph graph = ModelZoo.build(id);
    ComputeView view = graph.computeView();
    PartitionPoints points = PartitionSearch.search(graph);
    assertOrdered(points, points.dag());
    Set<BitSet> seen = new HashSet<>();
    for (PartitionPoint p : points.all()) {
      assertThat(seen.add(p.deviceOps())).isTrue();
      long macs = 0;
      long bytes = 0;
      boolean sendsInput = false;
      List<Integer> crossing = new ArrayList<>();
      for (ComputeNode node : view.nodes()) {
        boolean onDevice = p.runsOnDevice(node.index());
        if (onDevice) {
          for (ComputeNode parent : node.parents()) {
            assertThat(p.runsOnDevice(parent.index())).as("ancestor-closed").isTrue();
          }
          macs += node.macs();
          if (node.children().stream().anyMatch(c -> !p.runsOnDevice(c.index()))) {
            crossing.add(node.index());
            bytes += node.outputBytes();
          }
        } else if (node.readsInput()) {
          sendsInput = true;
        }
      }
      if (sendsInput) {
        bytes += view.inputBytes();
      }
      assertThat(p.deviceMacs()).isEqualTo(macs);
      assertThat(p.serverMacs()).isEqualTo(graph.totalMacs() - macs);
      assertThat(p.crossingOps()).isEqualTo(crossing);
      assertThat(p.sendsInput()).isEqualTo(sendsInput);
      assertThat(p.bytesSent()).isEqualTo(bytes);
    }
    assertThat(points.get(1).bytesSent()).isEqualTo(3L * 224 * 224 * 4);
    assertThat(points.chainCuts()).isSubsetOf(points.all());
  }

  @Test
  void capFailsClearlyAndCountSaturates() {
    PartitionDag dag = SyntheticDags.branchy(3, 4, 5, 1);
    long s = 2 + 3 * 1296;
    assertThat(PartitionSearch.count(dag, 100)).isEqualTo(101);
    assertThat(PartitionSearch.count(dag, s)).isEqualTo(s);
    assertThat(PartitionSearch.search(dag, new PartitionSearch.Options(s)).size()).isEqualTo(s);
    assertThatThrownBy(() -> PartitionSearch.search(dag, new PartitionSearch.Options(s - 1)))
        .isInstanceOf(TooManyPartitionPointsException.class)
        .hasMessageContaining("more than " + (s - 1))
        .hasMessageContaining("maxPoints");
    assertThatThrownBy(() -> new PartitionSearch.Options(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPoints");
  }

  @Test
  void pointIndexOutOfRange() {
    PartitionPoints points = PartitionSearch.search(ModelZoo.build("mobilenetv2"));
    assertThatThrownBy(() -> points.get(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 54]")
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> points.get(55)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dagBuilderValidates() {
    PartitionDag.Builder b = PartitionDag.builder("bad", "input", 10);
    assertThatThrownBy(() -> b.add("orphan", 1, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no parent");
    b.add("a", 1, 1, true);
    assertThatThrownBy(() -> b.add("b", 1, 1, false, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("earlier operator");
    assertThatThrownBy(() -> b.add("a", 1, 1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate");
  }
}
