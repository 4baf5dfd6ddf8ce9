package io.edgeoffload.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Element-wise (and, for softmax, row-wise) activation functions with their backward passes over
 * row-major batches. {@code z} is the pre-activation, {@code a = f(z)} the output; backward maps
 * {@code ∂L/∂a} to {@code ∂L/∂z}.
 */
public enum Activation {
  IDENTITY("identity"),
  RELU("relu"),
  TANH("tanh"),
  SIGMOID("sigmoid"),
  /** GELU in its tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
  GELU("gelu"),
  /** Softmax over each row. */
  SOFTMAX("softmax");

  private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
  private static final double GELU_C = 0.044715;

  /**
   * GELU's tanh: 1 − 2/(e^{2u} + 1), within 3.4·10⁻¹⁶ of {@code Math.tanh} (absolute), ±1 for large
   * |u| and NaN for NaN. Java 17's {@code Math.tanh} is fdlibm behind a native call, 42 ns against
   * 7.6 ns for this form with the JIT's {@code Math.exp}; it was 18% of a COLLAB training's time.
   * GELU rounds its result to float, which an absolute error of 10⁻¹⁶ changes only where the exact
   * value lies that close to a rounding boundary.
   */
  static double geluTanh(double u) {
    return 1.0 - 2.0 / (Math.exp(2.0 * u) + 1.0);
  }

  private final String id;

  Activation(String id) {
    this.id = id;
  }

  /** The lower-case id used in configs and files. */
  public String id() {
    return id;
  }

  /** Parses an id; an unknown one names the allowed ids. */
  public static Activation parse(String id) {
    for (Activation a : values()) {
      if (a.id.equals(id.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "unknown activation '"
            + id
            + "'; allowed: "
            + Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", ")));
  }

  /** {@code a = f(z)} over {@code rows × width} values. {@code a} may be {@code z} for identity. */
  public void forward(float[] z, float[] a, int rows, int width) {
    forward(z, a, rows, width, null);
  }

  /**
   * Whether {@link #forward(float[], float[], int, int, double[])} can save an intermediate that
   * spares {@link #backward(float[], float[], float[], float[], int, int, double[])} recomputing it
   * (GELU's tanh, the costly part of its backward pass).
   */
  public boolean savesIntermediate() {
    return this == GELU;
  }

  /**
   * As {@link #forward(float[], float[], int, int)}; when {@link #savesIntermediate()} and {@code
   * saved} is not null (at least {@code rows × width} long), also writes there what the backward
   * pass of the same {@code z} would recompute. The output is the same to the bit either way.
   */
  public void forward(float[] z, float[] a, int rows, int width, double[] saved) {
    int n = rows * width;
    switch (this) {
      case IDENTITY -> {
        if (a != z) {
          System.arraycopy(z, 0, a, 0, n);
        }
      }
      case RELU -> {
        for (int i = 0; i < n; i++) {
          a[i] = Math.max(z[i], 0f);
        }
      }
      case TANH -> {
        for (int i = 0; i < n; i++) {
          a[i] = (float) Math.tanh(z[i]);
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) {
          a[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
        }
      }
      case GELU -> {
        for (int i = 0; i < n; i++) {
          double x = z[i];
          double t = geluTanh(SQRT_2_OVER_PI * (x + GELU_C * x * x * x));
          if (saved != null) {
            saved[i] = t;
          }
          a[i] = (float) (0.5 * x * (1.0 + t));
        }
      }
      case SOFTMAX -> {
        for (int r = 0; r < rows; r++) {
          int o = r * width;
          float max = Float.NEGATIVE_INFINITY;
          for (int j = 0; j < width; j++) {
            max = Math.max(max, z[o + j]);
          }
          double sum = 0;
          for (int j = 0; j < width; j++) {
            double e = Math.exp(z[o + j] - max);
            a[o + j] = (float) e;
            sum += e;
          }
          float inv = (float) (1.0 / sum);
          for (int j = 0; j < width; j++) {
            a[o + j] *= inv;
          }
        }
      }
      default -> throw new AssertionError(this);
    }
  }

  /**
   * {@code dz = ∂L/∂z} from {@code da = ∂L/∂a}, given the forward pass's {@code z} and {@code a}.
   * {@code dz} may be {@code da} (in place) for every activation.
   */
  public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
    backward(z, a, da, dz, rows, width, null);
  }

  /**
   * As {@link #backward(float[], float[], float[], float[], int, int)}, reading the intermediate
   * that {@link #forward(float[], float[], int, int, double[])} saved for this {@code z} instead of
   * recomputing it when {@code saved} is not null; the result is the same to the bit.
   */
  public void backward(
      float[] z, float[] a, float[] da, float[] dz, int rows, int width, double[] saved) {
    int n = rows * width;
    switch (this) {
      case IDENTITY -> {
        if (dz != da) {
          System.arraycopy(da, 0, dz, 0, n);
        }
      }
      case RELU -> {
        for (int i = 0; i < n; i++) {
          dz[i] = z[i] > 0f ? da[i] : 0f;
        }
      }
      case TANH -> {
        for (int i = 0; i < n; i++) {
          dz[i] = da[i] * (1f - a[i] * a[i]);
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) {
          dz[i] = da[i] * a[i] * (1f - a[i]);
        }
      }
      case GELU -> {
        for (int i = 0; i < n; i++) {
          double x = z[i];
          double t = saved != null ? saved[i] : geluTanh(SQRT_2_OVER_PI * (x + GELU_C * x * x * x));
          double du = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_C * x * x);
          dz[i] = (float) (da[i] * (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * du));
        }
      }
      case SOFTMAX -> {
        for (int r = 0; r < rows; r++) {
          int o = r * width;
          double dot = 0;
          for (int j = 0; j < width; j++) {
            dot += (double) da[o + j] * a[o + j];
          }
          for (int j = 0; j < width; j++) {
            dz[o + j] = (float) (a[o + j] * (da[o + j] - dot));
          }
        }
      }
      default -> throw new AssertionError(this);
    }
  }
}
