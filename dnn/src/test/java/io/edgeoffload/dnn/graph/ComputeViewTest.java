package io.edgeoffload.dnn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.dnn.models.ModelOptions;
import io.edgeoffload.dnn.models.ModelZoo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComputeViewTest {

  private static List<String> names(List<ComputeNode> nodes) {
    return nodes.stream().map(ComputeNode::name).toList();
  }

  private static List<String> opNames(List<Op> ops) {
    return ops.stream().map(Op::name).toList();
  }

  private static ComputeNode node(ComputeView view, String name) {
    return view.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"resnet50", "googlenet", "mobilenetv2"})
  void viewInvariants(String id) {
    OpGraph g = ModelZoo.build(id);
    ComputeView view = g.computeView();
    Map<Op, Integer> owners = new HashMap<>();
    for (ComputeNode n : view.nodes()) {
      assertThat(n.op().isCompute()).isTrue();
      assertThat(view.nodes().get(n.index())).isSameAs(n);
      for (ComputeNode p : n.parents()) {
        assertThat(p.index()).isLessThan(n.index());
        assertThat(p.children()).contains(n);
      }
      for (ComputeNode c : n.children()) {
        assertThat(c.parents()).contains(n);
      }
      assertThat(owners.put(n.op(), n.index())).isNull();
      for (Op a : n.absorbed()) {
        assertThat(a.isCompute()).isFalse();
        assertThat(a.type()).isNotEqualTo(OpType.CONCAT);
        assertThat(owners.put(a, n.index())).isNull();
      }
      assertThat(n.outputBytes()).isEqualTo(n.outputOp().outputShape().elements() * 4);
      assertThat(n.parents().isEmpty() && !n.readsInput()).isFalse();
    }
    // Every compute operator is a node; absorbed operators are owned by exactly one node.
    assertThat(view.size()).isEqualTo((int) g.ops().stream().filter(Op::isCompute).count());
    for (Op op : g.ops()) {
      assertThat(view.ownerOf(op).map(ComputeNode::index))
          .isEqualTo(java.util.Optional.ofNullable(owners.get(op)));
    }
    // Only the stem reads the raw input.
    assertThat(view.nodes().stream().filter(ComputeNode::readsInput).count()).isEqualTo(1);
  }

  @Test
  void resNetFoldsStemPoolAndPostAddActivation() {
    ComputeView view = ModelZoo.build("resnet50").computeView();
    ComputeNode conv1 = node(view, "conv1");
    assertThat(opNames(conv1.absorbed())).containsExactly("bn1", "relu", "maxpool");
    assertThat(conv1.outputShape()).isEqualTo(TensorShape.of(1, 64, 56, 56));
    assertThat(conv1.outputBytes()).isEqualTo(64L * 56 * 56 * 4);

    ComputeNode first = node(view, "layer1.0.conv3");
    assertThat(opNames(first.absorbed()))
        .containsExactly("layer1.0.bn3", "layer1.0.add", "layer1.0.relu3");
    assertThat(names(first.parents()))
        .containsExactlyInAnyOrder("layer1.0.downsample.0", "layer1.0.conv2");
    // The projection shortcut is operand 1 of the add: it keeps its own (post-BN) tensor.
    assertThat(opNames(node(view, "layer1.0.downsample.0").absorbed()))
        .containsExactly("layer1.0.downsample.1");

    ComputeNode second = node(view, "layer1.1.conv3");
    assertThat(names(second.parents()))
        .containsExactlyInAnyOrder("layer1.1.conv2", "layer1.0.conv3");
    assertThat(names(first.children()))
        .containsExactlyInAnyOrder("layer1.1.conv1", "layer1.1.conv3");
    assertThat(opNames(node(view, "layer4.2.conv3").absorbed()))
        .containsExactly("layer4.2.bn3", "layer4.2.add", "layer4.2.relu3", "avgpool", "flatten");
    assertThat(names(node(view, "fc").parents())).containsExactly("layer4.2.conv3");
  }

  @Test
  void googLeNetConcatIsTransparentAndItsPartsAddUp() {
    OpGraph g = ModelZoo.build("googlenet");
    ComputeView view = g.computeView();
    List<String> ends =
        List.of(
            "inception3a.branch1.conv",
            "inception3a.branch2.1.conv",
            "inception3a.branch3.1.conv",
            "inception3a.branch4.1.conv");
    for (String head :
        List.of(
            "inception3b.branch1.conv",
            "inception3b.branch2.0.conv",
            "inception3b.branch3.0.conv",
            "inception3b.branch4.1.conv")) {
      assertThat(names(node(view, head).parents())).containsExactlyInAnyOrderElementsOf(ends);
    }
    long parts = ends.stream().mapToLong(e -> node(view, e).outputBytes()).sum();
    assertThat(parts).isEqualTo(g.op("inception3a.concat").outputBytes());
    assertThat(view.ownerOf(g.op("inception3a.concat"))).isEmpty();
    assertThat(view.ownerOf(g.op("inception3b.branch4.pool"))).isEmpty();
    // conv3's activation feeds only max-pool 2, which is absorbed; the pooled tensor has four
    // readers, so the chain ends there.
    assertThat(opNames(node(view, "conv3.conv").absorbed()))
        .containsExactly("conv3.bn", "conv3.relu", "maxpool2");
    assertThat(node(view, "conv3.conv").outputBytes()).isEqualTo(192L * 28 * 28 * 4);
    assertThat(opNames(node(view, "conv1.conv").absorbed()))
        .containsExactly("conv1.bn", "conv1.relu", "maxpool1");
  }

  @Test
  void mobileNetResidualFoldsIntoProjection() {
    ComputeView view = ModelZoo.build("mobilenetv2").computeView();
    ComputeNode project = node(view, "block3.project.conv");
    assertThat(opNames(project.absorbed())).containsExactly("block3.project.bn", "block3.add");
    assertThat(names(project.parents()))
        .containsExactlyInAnyOrder("block3.dw.conv", "block2.project.conv");
    assertThat(node(view, "block3.dw.conv").op().convKind()).isEqualTo(Op.ConvKind.DEPTHWISE);
  }

  @Test
  void chainStopsAtSharedTensorsAndSecondaryOperands() {
    OpGraphBuilder b = new OpGraphBuilder("toy", 4);
    Op in = b.input("in", 3, 8, 8);
    Op a = b.conv("a", in, 4, 3, 1, 1, 1);
    Op ar = b.relu("a.relu", a);
    Op c = b.conv("c", ar, 4, 1, 1, 0, 1);
    Op d = b.conv("d", ar, 4, 1, 1, 0, 1); // a.relu has two readers
    Op sum = b.add("sum", c, d); // c is the main operand, d the secondary
    Op pool = b.globalAvgPool("gap", sum);
    Op flat = b.flatten("flat", pool);
    b.fc("fc", flat, 10, true);
    ComputeView view = b.build().computeView();
    assertThat(opNames(node(view, "a").absorbed())).containsExactly("a.relu");
    assertThat(opNames(node(view, "c").absorbed())).containsExactly("sum", "gap", "flat");
    assertThat(node(view, "d").absorbed()).isEmpty();
    assertThat(names(node(view, "c").parents())).containsExactlyInAnyOrder("a", "d");
    assertThat(names(view.nodes())).containsExactly("a", "d", "c", "fc");
    assertThat(node(view, "c").outputShape()).isEqualTo(TensorShape.of(1, 4));
    assertThat(node(view, "a").readsInput()).isTrue();
    assertThat(node(view, "c").readsInput()).isFalse();
  }

  @Test
  void outputThatIsNotAComputeTensorIsRejected() {
    OpGraphBuilder b = new OpGraphBuilder("toy", 4);
    Op in = b.input("in", 3, 8, 8);
    Op a = b.conv("a", in, 4, 3, 1, 1, 1);
    b.relu("r1", a);
    b.relu("r2", a);
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("output 'r1'");
  }

  @Test
  void builderRejectsBadShapes() {
    OpGraphBuilder b = new OpGraphBuilder("toy", 4);
    Op in = b.input("in", 3, 8, 8);
    Op a = b.conv("a", in, 4, 3, 1, 1, 1);
    Op other = b.conv("b", in, 6, 3, 1, 1, 1);
    assertThatThrownBy(() -> b.add("bad", a, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad'");
    assertThatThrownBy(() -> b.conv("g", a, 4, 3, 1, 1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("groups");
    assertThatThrownBy(() -> b.fc("f", a, 10, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rank-2");
    assertThatThrownBy(() -> b.conv("a", in, 4, 3, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate");
  }

  @Test
  void convolutionArithmetic() {
    // Hand-computed: 3x3 conv, 3 -> 8 channels, stride 2, pad 1 on 9x9: output 5x5;
    // MACs = 5*5*8*3*9 = 5400; params = 8*3*9 + 8 (bias) = 224. Depthwise 3x3 on 8 channels:
    // MACs = 5*5*8*9 = 1800, params 72.
    OpGraphBuilder b = new OpGraphBuilder("toy", 4);
    Op in = b.input("in", 3, 9, 9);
    Op c = b.conv("c", in, OpAttributes.Conv.square(8, 3, 2, 1, 1, true));
    Op dw = b.conv("dw", c, 8, 3, 1, 1, 8);
    Op pool = b.maxPool("p", dw, OpAttributes.Pool.square(2, 2, 0, true)); // ceil(3/2)+1 = 3
    assertThat(c.outputShape()).isEqualTo(TensorShape.of(1, 8, 5, 5));
    assertThat(c.macs()).isEqualTo(5400);
    assertThat(c.params()).isEqualTo(224);
    assertThat(dw.macs()).isEqualTo(1800);
    assertThat(dw.params()).isEqualTo(72);
    assertThat(dw.convKind()).isEqualTo(Op.ConvKind.DEPTHWISE);
    assertThat(c.convKind()).isEqualTo(Op.ConvKind.STANDARD);
    assertThat(pool.outputShape()).isEqualTo(TensorShape.of(1, 8, 3, 3));
  }

  @Test
  void ceilModePoolingDropsWindowStartingInPadding() {
    // PyTorch rule: in=4, k=2, s=2, pad=1, ceil: ceil(4/2)+1 = 3, and (3-1)*2 = 4 < 4+1 keeps 3.
    // in=5, k=3, s=3, pad=1: ceil(4/3)+1 = 3, (3-1)*3 = 6 >= 5+1 drops to 2.
    OpGraphBuilder b = new OpGraphBuilder("toy", 4);
    Op in = b.input("in", 1, 4, 5);
    Op p = b.maxPool("p", in, new OpAttributes.Pool(2, 3, 2, 3, 1, 1, true));
    assertThat(p.outputShape()).isEqualTo(TensorShape.of(1, 1, 3, 2));
  }

  @Test
  void elementSizeScalesBytes() {
    OpGraph g = ModelZoo.build("mobilenetv2", ModelOptions.defaults().withElementBytes(1));
    assertThat(g.computeView().inputBytes()).isEqualTo(3L * 224 * 224);
  }
}
