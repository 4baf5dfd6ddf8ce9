package io.edgeoffload.dnn.graph;

/** Attributes of an operator; one record per family of operator types. */
public sealed interface OpAttributes
    permits OpAttributes.None,
        OpAttributes.Conv,
        OpAttributes.Pool,
        OpAttributes.Fc,
        OpAttributes.BatchNorm,
        OpAttributes.Activation {

  /** No attributes (input, add, concat along channels, flatten, global average pooling). */
  record None() implements OpAttributes {}

  /**
   * 2-D convolution with symmetric zero padding and dilation 1.
   *
   * @param outChannels output channels
   * @param kernelH kernel height
   * @param kernelW kernel width
   * @param strideH vertical stride
   * @param strideW horizontal stride
   * @param padH zero rows added at the top and at the bottom
   * @param padW zero columns added at the left and at the right
   * @param groups channel groups (1: standard; input channels: depthwise)
   * @param bias whether the convolution has a bias term
   */
  record Conv(
      int outChannels,
      int kernelH,
      int kernelW,
      int strideH,
      int strideW,
      int padH,
      int padW,
      int groups,
      boolean bias)
      implements OpAttributes {
    /** Validates the attributes. */
    public Conv {
      requirePositive("outChannels", outChannels);
      requirePositive("kernelH", kernelH);
      requirePositive("kernelW", kernelW);
      requirePositive("strideH", strideH);
      requirePositive("strideW", strideW);
      requireNonNegative("padH", padH);
      requireNonNegative("padW", padW);
      requirePositive("groups", groups);
      if (outChannels % groups != 0) {
        throw new IllegalArgumentException(
            "outChannels " + outChannels + " must be a multiple of groups " + groups);
      }
    }

    /** A square convolution. */
    public static Conv square(
        int outChannels, int kernel, int stride, int pad, int groups, boolean bias) {
      return new Conv(outChannels, kernel, kernel, stride, stride, pad, pad, groups, bias);
    }
  }

  /**
   * Pooling window with symmetric padding, PyTorch output-size rule.
   *
   * @param kernelH window height
   * @param kernelW window width
   * @param strideH vertical stride
   * @param strideW horizontal stride
   * @param padH padding rows at the top and at the bottom
   * @param padW padding columns at the left and at the right
   * @param ceilMode whether the output size rounds up
   */
  record Pool(
      int kernelH, int kernelW, int strideH, int strideW, int padH, int padW, boolean ceilMode)
      implements OpAttributes {
    /** Validates the attributes. */
    public Pool {
      requirePositive("kernelH", kernelH);
      requirePositive("kernelW", kernelW);
      requirePositive("strideH", strideH);
      requirePositive("strideW", strideW);
      requireNonNegative("padH", padH);
      requireNonNegative("padW", padW);
      if (2 * padH > kernelH || 2 * padW > kernelW) {
        throw new IllegalArgumentException(
            "pool padding must be at most half the kernel, got pad "
                + padH
                + "x"
                + padW
                + " for kernel "
                + kernelH
                + "x"
                + kernelW);
      }
    }

    /** A square window. */
    public static Pool square(int kernel, int stride, int pad, boolean ceilMode) {
      return new Pool(kernel, kernel, stride, stride, pad, pad, ceilMode);
    }
  }

  /**
   * Fully connected layer on a flattened input.
   *
   * @param outFeatures output features
   * @param bias whether the layer has a bias term
   */
  record Fc(int outFeatures, boolean bias) implements OpAttributes {
    /** Validates the attributes. */
    public Fc {
      requirePositive("outFeatures", outFeatures);
    }
  }

  /**
   * Batch normalisation in inference form.
   *
   * @param epsilon the variance epsilon (PyTorch default 1e-5; torchvision GoogLeNet 1e-3)
   */
  record BatchNorm(double epsilon) implements OpAttributes {
    /** Validates the attributes. */
    public BatchNorm {
      if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
        throw new IllegalArgumentException("epsilon must be positive and finite, got " + epsilon);
      }
    }
  }

  /**
   * Element-wise activation.
   *
   * @param kind the function
   */
  record Activation(Kind kind) implements OpAttributes {
    /** Validates the attributes. */
    public Activation {
      if (kind == null) {
        throw new IllegalArgumentException("kind must not be null");
      }
    }

    /** Activation functions. */
    public enum Kind {
      /** max(x, 0). */
      RELU,
      /** min(max(x, 0), 6). */
      RELU6
    }
  }

  private static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
  }

  private static void requireNonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be non-negative, got " + value);
    }
  }
}
