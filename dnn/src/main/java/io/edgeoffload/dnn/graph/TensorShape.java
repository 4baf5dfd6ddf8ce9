package io.edgeoffload.dnn.graph;

import java.util.List;

/**
 * Shape of a tensor, batch dimension included (NCHW for feature maps, NF after flattening).
 *
 * @param dims the dimensions, each positive
 */
public record TensorShape(List<Integer> dims) {

  /** Validates and copies the dimensions. */
  public TensorShape {
    dims = List.copyOf(dims);
    if (dims.isEmpty()) {
      throw new IllegalArgumentException("dims must not be empty");
    }
    for (int i = 0; i < dims.size(); i++) {
      if (dims.get(i) <= 0) {
        throw new IllegalArgumentException(
            "dims[" + i + "] must be positive, got " + dims.get(i) + " in " + dims);
      }
    }
  }

  /** A shape from its dimensions. */
  public static TensorShape of(int... dims) {
    Integer[] boxed = new Integer[dims.length];
    for (int i = 0; i < dims.length; i++) {
      boxed[i] = dims[i];
    }
    return new TensorShape(List.of(boxed));
  }

  /** Number of dimensions. */
  public int rank() {
    return dims.size();
  }

  /** Dimension {@code i}. */
  public int dim(int i) {
    return dims.get(i);
  }

  /** Number of elements (product of the dimensions). */
  public long elements() {
    long n = 1;
    for (int d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Channels (dimension 1) of an NCHW or NF tensor. */
  public int channels() {
    return dims.get(1);
  }

  /** Height of an NCHW tensor. */
  public int height() {
    requireRank4();
    return dims.get(2);
  }

  /** Width of an NCHW tensor. */
  public int width() {
    requireRank4();
    return dims.get(3);
  }

  /** Dimensions as an array of longs (ONNX style). */
  public long[] toLongArray() {
    long[] out = new long[dims.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = dims.get(i);
    }
    return out;
  }

  private void requireRank4() {
    if (dims.size() != 4) {
      throw new IllegalStateException("shape " + this + " is not NCHW");
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < dims.size(); i++) {
      if (i > 0) {
        sb.append('x');
      }
      sb.append(dims.get(i));
    }
    return sb.toString();
  }
}
