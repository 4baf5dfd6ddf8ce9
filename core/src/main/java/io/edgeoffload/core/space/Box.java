package io.edgeoffload.core.space;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A box in R^n: each coordinate between its low and high bound (inclusive). The space of every
 * observation and continuous action in the project.
 */
public final class Box {
  private final float[] low;
  private final float[] high;

  public Box(float[] low, float[] high) {
    if (low.length != high.length) {
      throw new IllegalArgumentException(
          "low has " + low.length + " dimensions, high has " + high.length);
    }
    for (int i = 0; i < low.length; i++) {
      if (!(low[i] <= high[i])) {
        throw new IllegalArgumentException(
            "dimension " + i + ": low " + low[i] + " is not <= high " + high[i]);
      }
    }
    this.low = low.clone();
    this.high = high.clone();
  }

  /** The box [lo, hi]^n. */
  public static Box uniform(int n, float lo, float hi) {
    float[] l = new float[n];
    float[] h = new float[n];
    Arrays.fill(l, lo);
    Arrays.fill(h, hi);
    return new Box(l, h);
  }

  public int dim() {
    return low.length;
  }

  public float low(int i) {
    return low[i];
  }

  public float high(int i) {
    return high[i];
  }

  /** True if {@code x} has this box's dimension and every coordinate is inside its bounds. */
  public boolean contains(float[] x) {
    if (x.length != low.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= low[i] && x[i] <= high[i])) {
        return false; // also rejects NaN
      }
    }
    return true;
  }

  /** Fills {@code out} with a uniform sample from the box. */
  public void sample(SplittableRandom rng, float[] out) {
    for (int i = 0; i < low.length; i++) {
      out[i] = low[i] + (float) rng.nextDouble() * (high[i] - low[i]);
    }
  }

  /** Clips {@code x} into the box, in place. */
  public void clip(float[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(high[i], Math.max(low[i], x[i]));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
  }

  @Override
  public String toString() {
    return "Box" + Arrays.toString(low) + ".." + Arrays.toString(high);
  }
}
