package io.edgeoffload.runtime.model;

import java.util.Arrays;

/**
 * A named float32 tensor. The arrays are not copied: a tensor is handed from one stage to the next
 * and never modified.
 *
 * @param name tensor name (the ONNX value name)
 * @param shape dimensions
 * @param data elements in row-major order; {@code data.length} equals the product of the shape
 */
public record Tensor(String name, long[] shape, float[] data) {

  /** Validates the element count. */
  public Tensor {
    if (name == null || shape == null || data == null) {
      throw new IllegalArgumentException("name, shape and data are required");
    }
    long n = TensorSpec.elements(shape);
    if (n != data.length) {
      throw new IllegalArgumentException(
          "tensor '"
              + name
              + "' of shape "
              + Arrays.toString(shape)
              + " needs "
              + n
              + " elements, got "
              + data.length);
    }
  }

  /** Bytes of the data (float32). */
  public long bytes() {
    return 4L * data.length;
  }

  /** The largest |a - b| / max |b| over the elements; a is this tensor, b the reference. */
  public double maxRelativeError(Tensor reference) {
    float[] b = reference.data();
    if (b.length != data.length) {
      return Double.POSITIVE_INFINITY;
    }
    double scale = 0;
    double err = 0;
    for (int i = 0; i < b.length; i++) {
      scale = Math.max(scale, Math.abs(b[i]));
      err = Math.max(err, Math.abs(data[i] - b[i]));
    }
    return scale == 0 ? err : err / scale;
  }
}
