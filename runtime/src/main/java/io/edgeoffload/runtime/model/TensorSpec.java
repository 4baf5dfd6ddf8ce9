package io.edgeoffload.runtime.model;

import java.util.Arrays;
import java.util.List;

/**
 * What a tensor must look like: name and shape, float32.
 *
 * @param name tensor name
 * @param shape dimensions (copied)
 */
public record TensorSpec(String name, List<Long> shape) {

  /** Copies. */
  public TensorSpec {
    shape = List.copyOf(shape);
  }

  /** A spec from a {@code long[]} shape. */
  public static TensorSpec of(String name, long[] shape) {
    return new TensorSpec(name, Arrays.stream(shape).boxed().toList());
  }

  /** Dimensions as an array. */
  public long[] shapeArray() {
    return shape.stream().mapToLong(Long::longValue).toArray();
  }

  /** Number of elements. */
  public long elements() {
    return elements(shapeArray());
  }

  /** Bytes as float32. */
  public long bytes() {
    return 4L * elements();
  }

  /** Product of the dimensions; -1 when a dimension is negative or the product overflows. */
  static long elements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        return -1;
      }
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        return -1;
      }
    }
    return n;
  }

  /** Whether a tensor has this name and shape. */
  public boolean matches(String tensorName, long[] tensorShape) {
    return name.equals(tensorName) && Arrays.equals(shapeArray(), tensorShape);
  }
}
