package io.edgeoffload.dnn.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link OpGraph} operator by operator, in topological order: every operand must have
 * been added before its consumer. Each method infers the output shape, MACs and parameters and
 * rejects inconsistent shapes with an {@link IllegalArgumentException} naming the operator.
 *
 * <p>A builder builds one graph; it cannot be reused after {@link #build()}.
 */
public final class OpGraphBuilder {

  private final String modelName;
  private final int elementBytes;
  private final List<Op> ops = new ArrayList<>();
  private final Map<String, Op> byName = new HashMap<>();
  private boolean built;

  /**
   * A builder.
   *
   * @param modelName name of the model
   * @param elementBytes bytes per tensor element (4 for float32)
   */
  public OpGraphBuilder(String modelName, int elementBytes) {
    if (modelName == null || modelName.isBlank()) {
      throw new IllegalArgumentException("modelName must not be blank");
    }
    OpGraph.requireElementBytes(elementBytes);
    this.modelName = modelName;
    this.elementBytes = elementBytes;
  }

  /** The graph input, an NCHW tensor of batch 1; must be the first operator. */
  public Op input(String name, int channels, int heightPx, int widthPx) {
    if (!ops.isEmpty()) {
      throw new IllegalStateException("the input must be the first operator");
    }
    TensorShape shape = TensorShape.of(1, channels, heightPx, widthPx);
    return add(name, OpType.INPUT, new OpAttributes.None(), List.of(), shape, 0, 0);
  }

  /** A convolution. */
  public Op conv(String name, Op in, OpAttributes.Conv a) {
    TensorShape s = requireRank4(name, in);
    int inChannels = s.channels();
    if (inChannels % a.groups() != 0) {
      throw new IllegalArgumentException(
          "operator '"
              + name
              + "': input channels "
              + inChannels
              + " not a multiple of groups "
              + a.groups());
    }
    int outH = convOut(name, "height", s.height(), a.kernelH(), a.strideH(), a.padH());
    int outW = convOut(name, "width", s.width(), a.kernelW(), a.strideW(), a.padW());
    long weightsPerOutput = (long) (inChannels / a.groups()) * a.kernelH() * a.kernelW();
    // MACs of a (grouped) convolution: each output element is a dot product over
    // (C_in / groups) * k_h * k_w inputs (MobileNets, Howard et al. 2017, Sec. 3.1).
    long macs =
        Math.multiplyExact(
            Math.multiplyExact((long) outH * outW, (long) a.outChannels()), weightsPerOutput);
    long params = a.outChannels() * weightsPerOutput + (a.bias() ? a.outChannels() : 0);
    TensorShape out = TensorShape.of(1, a.outChannels(), outH, outW);
    return add(name, OpType.CONV, a, List.of(in), out, macs, params);
  }

  /** A square convolution without bias. */
  public Op conv(String name, Op in, int outChannels, int kernel, int stride, int pad, int groups) {
    return conv(
        name, in, OpAttributes.Conv.square(outChannels, kernel, stride, pad, groups, false));
  }

  /** A fully connected layer on a rank-2 input. */
  public Op fc(String name, Op in, int outFeatures, boolean bias) {
    TensorShape s = in.outputShape();
    if (s.rank() != 2) {
      throw new IllegalArgumentException(
          "operator '" + name + "': FC needs a flattened (rank-2) input, got " + s);
    }
    long inFeatures = s.dim(1);
    // MACs of a fully connected layer: one per weight.
    long macs = Math.multiplyExact(inFeatures, (long) outFeatures);
    long params = macs + (bias ? outFeatures : 0);
    return add(
        name,
        OpType.FC,
        new OpAttributes.Fc(outFeatures, bias),
        List.of(in),
        TensorShape.of(1, outFeatures),
        macs,
        params);
  }

  /** Batch normalisation; two parameters (scale, shift) per channel. */
  public Op batchNorm(String name, Op in, double epsilon) {
    TensorShape s = requireRank4(name, in);
    // Parameters: scale and shift per channel; running mean and variance are buffers (Ioffe and
    // Szegedy 2015, Alg. 1: gamma and beta are the learned parameters).
    return add(
        name,
        OpType.BATCH_NORM,
        new OpAttributes.BatchNorm(epsilon),
        List.of(in),
        s,
        0,
        2L * s.channels());
  }

  /** ReLU. */
  public Op relu(String name, Op in) {
    return activation(name, in, OpAttributes.Activation.Kind.RELU);
  }

  /** ReLU6. */
  public Op relu6(String name, Op in) {
    return activation(name, in, OpAttributes.Activation.Kind.RELU6);
  }

  /** An element-wise activation. */
  public Op activation(String name, Op in, OpAttributes.Activation.Kind kind) {
    return add(
        name,
        OpType.ACTIVATION,
        new OpAttributes.Activation(kind),
        List.of(in),
        in.outputShape(),
        0,
        0);
  }

  /** Max pooling. */
  public Op maxPool(String name, Op in, OpAttributes.Pool a) {
    return pool(name, OpType.MAX_POOL, in, a);
  }

  /** Average pooling (padding excluded from the average). */
  public Op avgPool(String name, Op in, OpAttributes.Pool a) {
    return pool(name, OpType.AVG_POOL, in, a);
  }

  /** Global average pooling to 1x1. */
  public Op globalAvgPool(String name, Op in) {
    TensorShape s = requireRank4(name, in);
    return add(
        name,
        OpType.GLOBAL_AVG_POOL,
        new OpAttributes.None(),
        List.of(in),
        TensorShape.of(1, s.channels(), 1, 1),
        0,
        0);
  }

  /** Flattening of NCHW to N x (C*H*W). */
  public Op flatten(String name, Op in) {
    TensorShape s = in.outputShape();
    long features = s.elements() / s.dim(0);
    if (features > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("operator '" + name + "': too many features " + features);
    }
    return add(
        name,
        OpType.FLATTEN,
        new OpAttributes.None(),
        List.of(in),
        TensorShape.of(s.dim(0), (int) features),
        0,
        0);
  }

  /** Element-wise sum; {@code main} is operand 0 (the main branch), {@code other} operand 1. */
  public Op add(String name, Op main, Op other) {
    if (!main.outputShape().equals(other.outputShape())) {
      throw new IllegalArgumentException(
          "operator '"
              + name
              + "': ADD operands differ in shape: "
              + main.outputShape()
              + " vs "
              + other.outputShape());
    }
    return add(
        name, OpType.ADD, new OpAttributes.None(), List.of(main, other), main.outputShape(), 0, 0);
  }

  /** Concatenation along channels. */
  public Op concat(String name, List<Op> inputs) {
    if (inputs.size() < 2) {
      throw new IllegalArgumentException("operator '" + name + "': CONCAT needs two inputs");
    }
    TensorShape first = requireRank4(name, inputs.get(0));
    int channels = 0;
    for (Op in : inputs) {
      TensorShape s = requireRank4(name, in);
      if (s.height() != first.height() || s.width() != first.width()) {
        throw new IllegalArgumentException(
            "operator '" + name + "': CONCAT inputs differ in spatial size: " + first + " vs " + s);
      }
      channels = Math.addExact(channels, s.channels());
    }
    return add(
        name,
        OpType.CONCAT,
        new OpAttributes.None(),
        inputs,
        TensorShape.of(1, channels, first.height(), first.width()),
        0,
        0);
  }

  /** The graph; the builder cannot be used afterwards. */
  public OpGraph build() {
    requireNotBuilt();
    if (ops.isEmpty()) {
      throw new IllegalStateException("empty graph");
    }
    built = true;
    return new OpGraph(modelName, elementBytes, ops);
  }

  private Op pool(String name, OpType type, Op in, OpAttributes.Pool a) {
    TensorShape s = requireRank4(name, in);
    int outH =
        poolOut(name, "height", s.height(), a.kernelH(), a.strideH(), a.padH(), a.ceilMode());
    int outW = poolOut(name, "width", s.width(), a.kernelW(), a.strideW(), a.padW(), a.ceilMode());
    return add(name, type, a, List.of(in), TensorShape.of(1, s.channels(), outH, outW), 0, 0);
  }

  private Op add(
      String name,
      OpType type,
      OpAttributes attributes,
      List<Op> parents,
      TensorShape shape,
      long macs,
      long params) {
    requireNotBuilt();
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("operator name must not be blank");
    }
    if (byName.containsKey(name)) {
      throw new IllegalArgumentException("duplicate operator name '" + name + "'");
    }
    if (type != OpType.INPUT && ops.isEmpty()) {
      throw new IllegalStateException("add the input first");
    }
    for (Op p : parents) {
      if (p.index() >= ops.size() || ops.get(p.index()) != p) {
        throw new IllegalArgumentException(
            "operator '" + name + "': operand '" + p.name() + "' is not in this graph");
      }
    }
    Op op = new Op(ops.size(), name, type, attributes, parents, shape, macs, params, elementBytes);
    for (Op p : parents) {
      p.addChild(op);
    }
    ops.add(op);
    byName.put(name, op);
    return op;
  }

  private void requireNotBuilt() {
    if (built) {
      throw new IllegalStateException("this builder has already built its graph");
    }
  }

  private static TensorShape requireRank4(String name, Op in) {
    TensorShape s = in.outputShape();
    if (s.rank() != 4) {
      throw new IllegalArgumentException(
          "operator '" + name + "' needs an NCHW input, got " + s + " from '" + in.name() + "'");
    }
    return s;
  }

  // Output size of a convolution, dilation 1: floor((in + 2 pad - k) / stride) + 1
  // (PyTorch torch.nn.Conv2d documentation, "Shape").
  private static int convOut(String name, String axis, int in, int k, int stride, int pad) {
    int span = in + 2 * pad - k;
    if (span < 0) {
      throw tooSmall(name, axis, in, k, stride, pad);
    }
    return span / stride + 1;
  }

  // Output size of pooling (PyTorch torch.nn.MaxPool2d documentation, "Shape"): floor or ceil of
  // (in + 2 pad - k) / stride, plus 1; in ceil mode a last window that would start in the right
  // padding is dropped.
  private static int poolOut(
      String name, String axis, int in, int k, int stride, int pad, boolean ceil) {
    int span = in + 2 * pad - k;
    if (span < 0) {
      throw tooSmall(name, axis, in, k, stride, pad);
    }
    int out = (ceil ? (span + stride - 1) / stride : span / stride) + 1;
    if (ceil && (long) (out - 1) * stride >= in + pad) {
      out--;
    }
    return out;
  }

  private static IllegalArgumentException tooSmall(
      String name, String axis, int in, int k, int stride, int pad) {
    return new IllegalArgumentException(
        "operator '"
            + name
            + "': input "
            + axis
            + " "
            + in
            + " is too small for kernel "
            + k
            + ", stride "
            + stride
            + ", padding "
            + pad
            + " (output "
            + axis
            + " would be below 1); use a larger input size");
  }
}
