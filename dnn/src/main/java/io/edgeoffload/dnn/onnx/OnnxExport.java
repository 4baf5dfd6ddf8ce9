package io.edgeoffload.dnn.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import io.edgeoffload.dnn.graph.ComputeNode;
import io.edgeoffload.dnn.graph.ComputeView;
import io.edgeoffload.dnn.graph.Op;
import io.edgeoffload.dnn.graph.OpAttributes;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.graph.TensorShape;
import io.edgeoffload.dnn.partition.PartitionPoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Exports an {@link OpGraph} as ONNX models (IR version {@value #IR_VERSION}, opset {@value
 * #OPSET}, float32) with seeded random weights: the full model, and the head and tail of a
 * partition point.
 *
 * <p>Tensor names are operator names: the output of operator {@code x} is the tensor {@code x}, its
 * weights {@code x.weight}, {@code x.bias}, and so on. The weights of an operator depend only on
 * the seed and the operator's index, so the full model, a head and a tail exported with the same
 * seed share them, and head then tail computes the full model.
 *
 * <p>Head of point s: the operators needed to compute the crossing tensors (the output tensors of
 * the crossing compute nodes, and the raw input when it crosses); its outputs are exactly those
 * tensors, in the order of {@link #crossingTensorNames}. Tail: the operators needed to compute the
 * model output from those tensors, which are its inputs in the same order. Operators folded into
 * their consumers (a concat, a pool after a concat) may appear in both. At s = S nothing crosses:
 * the head is the whole model and there is no tail; at s = 1 the head passes the raw input on.
 *
 * <p>Weights: convolutions and fully connected layers He-uniform, U(-a, a) with a = sqrt(6 /
 * fan_in) (He et al. 2015, "Delving Deep into Rectifiers", eq. (10) for the variance 2 / fan_in),
 * biases U(-0.1, 0.1); batch-norm scale U(0.5, 1), shift and mean U(-0.1, 0.1), variance U(0.5,
 * 1.5). Latency does not depend on the values.
 */
public final class OnnxExport {

  /** ONNX IR version written. */
  public static final int IR_VERSION = 8;

  /** ONNX operator set used. */
  public static final int OPSET = 13;

  private static final String RELU6_MIN = "relu6.min";
  private static final String RELU6_MAX = "relu6.max";
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private OnnxExport() {}

  /** The full model: input to model output. */
  public static OnnxMl.ModelProto full(OpGraph graph, long seed) {
    requireFloat32(graph);
    List<Op> outputs = graph.outputs();
    BitSet ops = ancestors(graph, outputs, new BitSet());
    return model(graph, graph.name(), ops, List.of(graph.input()), outputs, seed);
  }

  /**
   * The head of a partition point: outputs are the crossing tensors. At s = S (nothing crosses) it
   * is the whole model.
   *
   * @param point a point of {@code PartitionSearch.search(graph)} (its operator indices are those
   *     of {@code graph.computeView()})
   */
  public static OnnxMl.ModelProto head(OpGraph graph, PartitionPoint point, long seed) {
    requireFloat32(graph);
    requirePointOf(graph, point);
    List<Op> crossing = crossingTensors(graph, point);
    if (crossing.isEmpty()) {
      return model(
          graph,
          graph.name() + ".head",
          ancestors(graph, graph.outputs(), new BitSet()),
          List.of(graph.input()),
          graph.outputs(),
          seed);
    }
    BitSet ops = ancestors(graph, crossing, new BitSet());
    ComputeView view = graph.computeView();
    for (int i = ops.nextSetBit(0); i >= 0; i = ops.nextSetBit(i + 1)) {
      Op op = graph.ops().get(i);
      if (op.isCompute() && !point.runsOnDevice(view.ownerOf(op).orElseThrow().index())) {
        throw new IllegalStateException(
            "head of s = " + point.s() + " would run server operator '" + op.name() + "'");
      }
    }
    return model(graph, graph.name() + ".head", ops, List.of(graph.input()), crossing, seed);
  }

  /**
   * The tail of a partition point: inputs are the crossing tensors, output the model output.
   *
   * @throws IllegalArgumentException at s = S, which has no tail
   */
  public static OnnxMl.ModelProto tail(OpGraph graph, PartitionPoint point, long seed) {
    requireFloat32(graph);
    requirePointOf(graph, point);
    List<Op> crossing = crossingTensors(graph, point);
    if (crossing.isEmpty()) {
      throw new IllegalArgumentException(
          "s = " + point.s() + " runs the whole model on the device: there is no tail");
    }
    BitSet stop = new BitSet();
    for (Op op : crossing) {
      stop.set(op.index());
    }
    BitSet ops = ancestors(graph, graph.outputs(), stop);
    if (ops.get(graph.input().index()) && !stop.get(graph.input().index())) {
      throw new IllegalStateException("the tail of s = " + point.s() + " needs the raw input");
    }
    return model(graph, graph.name() + ".tail", ops, crossing, graph.outputs(), seed);
  }

  /** Names of the tensors that cross at a point: the raw input first when sent. */
  public static List<String> crossingTensorNames(OpGraph graph, PartitionPoint point) {
    requirePointOf(graph, point);
    return crossingTensors(graph, point).stream().map(Op::name).toList();
  }

  /** Writes {@code full.onnx} into a directory (created if needed); returns the file. */
  public static Path writeFull(OpGraph graph, long seed, Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.write(dir.resolve("full.onnx"), full(graph, seed).toByteArray());
  }

  /**
   * Writes {@code head.onnx} and, unless s = S, {@code tail.onnx} into a directory (created if
   * needed); returns the files written.
   */
  public static List<Path> writeSplit(OpGraph graph, PartitionPoint point, long seed, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    files.add(Files.write(dir.resolve("head.onnx"), head(graph, point, seed).toByteArray()));
    if (point.crossingTensorCount() > 0) {
      files.add(Files.write(dir.resolve("tail.onnx"), tail(graph, point, seed).toByteArray()));
    }
    return files;
  }

  private static void requireFloat32(OpGraph graph) {
    if (graph.elementBytes() != 4) {
      throw new IllegalArgumentException(
          "ONNX export writes float32 models: elementBytes must be 4, got " + graph.elementBytes());
    }
  }

  private static void requirePointOf(OpGraph graph, PartitionPoint point) {
    int n = graph.computeView().size();
    if (point.deviceOps().length() > n) {
      throw new IllegalArgumentException(
          "partition point s = " + point.s() + " does not belong to model '" + graph.name() + "'");
    }
  }

  private static List<Op> crossingTensors(OpGraph graph, PartitionPoint point) {
    List<Op> out = new ArrayList<>();
    if (point.sendsInput()) {
      out.add(graph.input());
    }
    List<ComputeNode> nodes = graph.computeView().nodes();
    for (int i : point.crossingOps()) {
      out.add(nodes.get(i).outputOp());
    }
    return out;
  }

  // The operators needed to compute `targets`, not looking past operators in `stop` (whose
  // outputs are given). Targets in `stop` are given, not computed.
  private static BitSet ancestors(OpGraph graph, List<Op> targets, BitSet stop) {
    BitSet seen = new BitSet();
    Deque<Op> work = new ArrayDeque<>(targets);
    while (!work.isEmpty()) {
      Op op = work.pop();
      if (seen.get(op.index())) {
        continue;
      }
      seen.set(op.index());
      if (stop.get(op.index())) {
        continue;
      }
      for (Op p : op.parents()) {
        work.push(p);
      }
    }
    return seen;
  }

  private static OnnxMl.ModelProto model(
      OpGraph graph, String name, BitSet ops, List<Op> inputs, List<Op> outputs, long seed) {
    OnnxMl.GraphProto.Builder g = OnnxMl.GraphProto.newBuilder().setName(name);
    BitSet given = new BitSet();
    for (Op in : inputs) {
      given.set(in.index());
      g.addInput(valueInfo(in.name(), in.outputShape()));
    }
    boolean relu6 = false;
    for (int i = ops.nextSetBit(0); i >= 0; i = ops.nextSetBit(i + 1)) {
      Op op = graph.ops().get(i);
      if (given.get(i)) {
        continue;
      }
      relu6 |= emit(g, op, seed);
    }
    if (relu6) {
      g.addInitializer(floats(RELU6_MIN, List.of(), new float[] {0f}));
      g.addInitializer(floats(RELU6_MAX, List.of(), new float[] {6f}));
    }
    for (Op out : outputs) {
      g.addOutput(valueInfo(out.name(), out.outputShape()));
    }
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("edgeoffload-dnn")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(g)
        .build();
  }

  // Emits one operator and its initializers; returns whether it uses the ReLU6 bounds.
  private static boolean emit(OnnxMl.GraphProto.Builder g, Op op, long seed) {
    String x = op.parents().isEmpty() ? null : op.parents().get(0).name();
    OnnxMl.NodeProto.Builder node =
        OnnxMl.NodeProto.newBuilder().setName(op.name()).addOutput(op.name());
    SplittableRandom rng = new SplittableRandom(seed + GOLDEN * (op.index() + 1L));
    switch (op.type()) {
      case CONV -> {
        OpAttributes.Conv a = (OpAttributes.Conv) op.attributes();
        int inPerGroup = op.parents().get(0).outputShape().channels() / a.groups();
        int fanIn = inPerGroup * a.kernelH() * a.kernelW();
        List<Long> wShape =
            List.of(
                (long) a.outChannels(), (long) inPerGroup, (long) a.kernelH(), (long) a.kernelW());
        g.addInitializer(floats(op.name() + ".weight", wShape, heUniform(rng, wShape, fanIn)));
        node.setOpType("Conv").addInput(x).addInput(op.name() + ".weight");
        if (a.bias()) {
          g.addInitializer(
              floats(
                  op.name() + ".bias",
                  List.of((long) a.outChannels()),
                  uniform(rng, a.outChannels(), -0.1, 0.1)));
          node.addInput(op.name() + ".bias");
        }
        node.addAttribute(ints("kernel_shape", a.kernelH(), a.kernelW()))
            .addAttribute(ints("strides", a.strideH(), a.strideW()))
            .addAttribute(ints("pads", a.padH(), a.padW(), a.padH(), a.padW()))
            .addAttribute(ints("dilations", 1, 1))
            .addAttribute(intAttr("group", a.groups()));
      }
      case FC -> {
        OpAttributes.Fc a = (OpAttributes.Fc) op.attributes();
        int in = op.parents().get(0).outputShape().dim(1);
        List<Long> wShape = List.of((long) a.outFeatures(), (long) in);
        g.addInitializer(floats(op.name() + ".weight", wShape, heUniform(rng, wShape, in)));
        node.setOpType("Gemm").addInput(x).addInput(op.name() + ".weight");
        if (a.bias()) {
          g.addInitializer(
              floats(
                  op.name() + ".bias",
                  List.of((long) a.outFeatures()),
                  uniform(rng, a.outFeatures(), -0.1, 0.1)));
          node.addInput(op.name() + ".bias");
        }
        node.addAttribute(intAttr("transB", 1));
      }
      case BATCH_NORM -> {
        OpAttributes.BatchNorm a = (OpAttributes.BatchNorm) op.attributes();
        int c = op.outputShape().channels();
        List<Long> shape = List.of((long) c);
        g.addInitializer(floats(op.name() + ".scale", shape, uniform(rng, c, 0.5, 1.0)));
        g.addInitializer(floats(op.name() + ".shift", shape, uniform(rng, c, -0.1, 0.1)));
        g.addInitializer(floats(op.name() + ".mean", shape, uniform(rng, c, -0.1, 0.1)));
        g.addInitializer(floats(op.name() + ".var", shape, uniform(rng, c, 0.5, 1.5)));
        node.setOpType("BatchNormalization")
            .addInput(x)
            .addInput(op.name() + ".scale")
            .addInput(op.name() + ".shift")
            .addInput(op.name() + ".mean")
            .addInput(op.name() + ".var")
            .addAttribute(floatAttr("epsilon", (float) a.epsilon()));
      }
      case ACTIVATION -> {
        OpAttributes.Activation a = (OpAttributes.Activation) op.attributes();
        if (a.kind() == OpAttributes.Activation.Kind.RELU) {
          node.setOpType("Relu").addInput(x);
        } else {
          node.setOpType("Clip").addInput(x).addInput(RELU6_MIN).addInput(RELU6_MAX);
          g.addNode(node);
          return true;
        }
      }
      case MAX_POOL, AVG_POOL -> {
        OpAttributes.Pool a = (OpAttributes.Pool) op.attributes();
        node.setOpType(
                op.type() == io.edgeoffload.dnn.graph.OpType.MAX_POOL ? "MaxPool" : "AveragePool")
            .addInput(x)
            .addAttribute(ints("kernel_shape", a.kernelH(), a.kernelW()))
            .addAttribute(ints("strides", a.strideH(), a.strideW()))
            .addAttribute(ints("pads", a.padH(), a.padW(), a.padH(), a.padW()))
            .addAttribute(intAttr("ceil_mode", a.ceilMode() ? 1 : 0));
        if (op.type() == io.edgeoffload.dnn.graph.OpType.AVG_POOL) {
          node.addAttribute(intAttr("count_include_pad", 0));
        }
      }
      case GLOBAL_AVG_POOL -> node.setOpType("GlobalAveragePool").addInput(x);
      case ADD -> node.setOpType("Add").addInput(x).addInput(op.parents().get(1).name());
      case CONCAT -> {
        node.setOpType("Concat").addAttribute(intAttr("axis", 1));
        for (Op p : op.parents()) {
          node.addInput(p.name());
        }
      }
      case FLATTEN -> node.setOpType("Flatten").addInput(x).addAttribute(intAttr("axis", 1));
      case INPUT -> throw new IllegalStateException("the input is not an ONNX node");
      default -> throw new IllegalStateException("no ONNX mapping for " + op.type());
    }
    g.addNode(node);
    return false;
  }

  // He-uniform: U(-a, a), a = sqrt(6 / fan_in), variance 2 / fan_in (He et al. 2015, eq. (10)).
  private static float[] heUniform(SplittableRandom rng, List<Long> shape, int fanIn) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    double a = Math.sqrt(6.0 / fanIn);
    return uniform(rng, Math.toIntExact(n), -a, a);
  }

  private static float[] uniform(SplittableRandom rng, int n, double lo, double hi) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rng.nextDouble(lo, hi);
    }
    return v;
  }

  private static OnnxMl.TensorProto floats(String name, List<Long> dims, float[] values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(values);
    return OnnxMl.TensorProto.newBuilder()
        .setName(name)
        .setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
        .addAllDims(dims)
        .setRawData(ByteString.copyFrom(buf.array()))
        .build();
  }

  private static OnnxMl.ValueInfoProto valueInfo(String name, TensorShape shape) {
    OnnxMl.TensorShapeProto.Builder s = OnnxMl.TensorShapeProto.newBuilder();
    for (int d : shape.dims()) {
      s.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return OnnxMl.ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            OnnxMl.TypeProto.newBuilder()
                .setTensorType(
                    OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                        .setShape(s)))
        .build();
  }

  private static OnnxMl.AttributeProto ints(String name, long... values) {
    OnnxMl.AttributeProto.Builder a =
        OnnxMl.AttributeProto.newBuilder()
            .setName(name)
            .setType(OnnxMl.AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  private static OnnxMl.AttributeProto intAttr(String name, long value) {
    return OnnxMl.AttributeProto.newBuilder()
        .setName(name)
        .setType(OnnxMl.AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  private static OnnxMl.AttributeProto floatAttr(String name, float value) {
    return OnnxMl.AttributeProto.newBuilder()
        .setName(name)
        .setType(OnnxMl.AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }
}
