package io.edgeoffload.dnn.models;

/**
 * Options common to the model builders.
 *
 * @param heightPx input height in pixels, in [1, {@value #MAX_INPUT_PX}]
 * @param widthPx input width in pixels, in [1, {@value #MAX_INPUT_PX}]
 * @param elementBytes bytes per tensor element, in [1, 8] (4 for float32)
 * @param googLeNetBranch the third Inception branch of GoogLeNet (ignored by other models)
 */
public record ModelOptions(
    int heightPx, int widthPx, int elementBytes, GoogLeNet.Branch googLeNetBranch) {

  /** Largest input side accepted, in pixels. */
  public static final int MAX_INPUT_PX = 4096;

  /** ImageNet input side used by the papers, in pixels. */
  public static final int IMAGENET_PX = 224;

  /** Bytes of a float32 element. */
  public static final int FLOAT32_BYTES = 4;

  /** Validates the options. */
  public ModelOptions {
    requireSide("heightPx", heightPx);
    requireSide("widthPx", widthPx);
    if (elementBytes < 1 || elementBytes > 8) {
      throw new IllegalArgumentException(
          "elementBytes must be an integer in [1, 8] (4 for float32), got " + elementBytes);
    }
    if (googLeNetBranch == null) {
      throw new IllegalArgumentException(
          "googLeNetBranch must be one of " + java.util.Arrays.toString(GoogLeNet.Branch.values()));
    }
  }

  /** 224x224 float32 input, GoogLeNet with its default branch. */
  public static ModelOptions defaults() {
    return new ModelOptions(IMAGENET_PX, IMAGENET_PX, FLOAT32_BYTES, GoogLeNet.Branch.DEFAULT);
  }

  /** These options with another input size. */
  public ModelOptions withInputSize(int newHeightPx, int newWidthPx) {
    return new ModelOptions(newHeightPx, newWidthPx, elementBytes, googLeNetBranch);
  }

  /** These options with another element size. */
  public ModelOptions withElementBytes(int newElementBytes) {
    return new ModelOptions(heightPx, widthPx, newElementBytes, googLeNetBranch);
  }

  /** These options with another GoogLeNet branch. */
  public ModelOptions withGoogLeNetBranch(GoogLeNet.Branch branch) {
    return new ModelOptions(heightPx, widthPx, elementBytes, branch);
  }

  private static void requireSide(String field, int value) {
    if (value < 1 || value > MAX_INPUT_PX) {
      throw new IllegalArgumentException(
          field
              + " must be an integer in [1, "
              + MAX_INPUT_PX
              + "] pixels, got "
              + value
              + " (models may need more: GoogLeNet and ResNet-50 reject inputs that shrink to"
              + " nothing)");
    }
  }
}
