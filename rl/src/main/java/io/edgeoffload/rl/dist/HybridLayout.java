package io.edgeoffload.rl.dist;

import java.util.Arrays;

/**
 * Where each head of a {@link HybridDistribution} lives. With K categorical heads of sizes n_1 …
 * n_K and a Gaussian of dimension d (0 = none):
 *
 * <pre>
 *   parameter row: [logits_1 (n_1) | … | logits_K (n_K) | μ (d) | log σ (d)]
 *   action row:    [a_1 | … | a_K | x_1 … x_d]        categorical actions as indices
 *   mask row:      [mask_1 (n_1) | … | mask_K (n_K)]
 * </pre>
 */
public final class HybridLayout {
  private final int[] sizes;
  private final int gaussianDim;
  private final int[] paramOffsets;
  private final int[] maskOffsets;
  private final int catParams;

  /**
   * @param categoricalSizes the size of each categorical head (each ≥ 1; may be empty)
   * @param gaussianDim the dimension of the Gaussian head (0 for none)
   */
  public HybridLayout(int[] categoricalSizes, int gaussianDim) {
    if (gaussianDim < 0) {
      throw new IllegalArgumentException("gaussianDim = " + gaussianDim + ": must be >= 0");
    }
    if (categoricalSizes.length == 0 && gaussianDim == 0) {
      throw new IllegalArgumentException("a hybrid distribution needs at least one head");
    }
    this.sizes = categoricalSizes.clone();
    this.gaussianDim = gaussianDim;
    this.paramOffsets = new int[sizes.length];
    this.maskOffsets = new int[sizes.length];
    int off = 0;
    for (int h = 0; h < sizes.length; h++) {
      if (sizes[h] < 1) {
        throw new IllegalArgumentException(
            "categorical head " + h + " has size " + sizes[h] + ": must be >= 1");
      }
      paramOffsets[h] = off;
      maskOffsets[h] = off;
      off += sizes[h];
    }
    this.catParams = off;
  }

  /** The number of categorical heads K. */
  public int numCategorical() {
    return sizes.length;
  }

  /** The size of categorical head h. */
  public int categoricalSize(int h) {
    return sizes[h];
  }

  /** The Gaussian's dimension d (0 = no Gaussian head). */
  public int gaussianDim() {
    return gaussianDim;
  }

  /** Offset of categorical head h's logits in the parameter row. */
  public int paramOffset(int h) {
    return paramOffsets[h];
  }

  /** Offset of categorical head h's action (its index) in the action row: h. */
  public int actionOffset(int h) {
    return h;
  }

  /** Offset of categorical head h's mask in the mask row. */
  public int maskOffset(int h) {
    return maskOffsets[h];
  }

  /** Offset of the Gaussian's μ in the parameter row (its log σ follows at + d). */
  public int gaussianParamOffset() {
    return catParams;
  }

  /** Offset of the Gaussian's action in the action row. */
  public int gaussianActionOffset() {
    return sizes.length;
  }

  public int paramWidth() {
    return catParams + 2 * gaussianDim;
  }

  public int actionWidth() {
    return sizes.length + gaussianDim;
  }

  public int maskWidth() {
    return catParams;
  }

  @Override
  public String toString() {
    return "HybridLayout[categorical=" + Arrays.toString(sizes) + ", gaussian=" + gaussianDim + "]";
  }
}
