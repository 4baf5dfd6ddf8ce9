package io.edgeoffload.nn;

import io.edgeoffload.nn.linalg.MatOps;
import java.util.SplittableRandom;

/**
 * A fully connected network with hand-written backpropagation over row-major batches.
 *
 * <p>All weights live in one flat array, {@link #params()}, with their gradients in {@link
 * #grads()} at the same offsets: layer {@code l} stores its {@code in×out} weight matrix
 * (row-major, so that {@code y = x·W + b}) followed by its {@code out} biases. Optimisers, target
 * updates and the save format work on these flat arrays.
 *
 * <p>Work buffers are sized for the largest batch seen so far; a training step at a batch size
 * already seen allocates nothing. The output array returned by {@link #forward} and the input
 * gradient are owned by the network and overwritten by the next call. Not thread-safe.
 *
 * <p>A NaN or infinity in a layer's output, in the loss gradient handed to {@link #backward}, or in
 * a gradient flowing back out of a layer raises {@link NonFiniteException} naming the layer.
 */
public final class Mlp {

  private final MlpSpec spec;
  private final MatOps ops;
  private final int layers;
  private final float[] params;
  private final float[] grads;
  private final int[] weightOffset;
  private final int[] biasOffset;

  private int capacity;
  private int lastBatch = -1;
  private float[] input;
  private float[][] pre; // pre[l]: layer l's pre-activation (batch × width(l+1))
  private float[][] post; // post[l]: layer l's output; the same array as pre[l] for identity
  private float[][] dPost; // ∂L/∂post[l]
  private float[][] dPre; // ∂L/∂pre[l]; the same array as dPost[l] for identity
  private double[][] saved; // saved[l]: what layer l's backward reuses from its forward, or null
  private float[] inputGrad;

  /** A network with the default matrix products, initialised from {@code seed}. */
  public Mlp(MlpSpec spec, long seed) {
    this(spec, seed, MatOps.defaultOps());
  }

  /**
   * A network initialised from {@code seed}: weights and biases uniform in ±1/√fan-in (the common
   * default for linear layers), the last layer's scaled by {@link MlpSpec#finalLayerScale()}.
   */
  public Mlp(MlpSpec spec, long seed, MatOps ops) {
    this.spec = spec;
    this.ops = ops;
    this.layers = spec.layers();
    this.params = new float[spec.parameterCount()];
    this.grads = new float[params.length];
    this.weightOffset = new int[layers];
    this.biasOffset = new int[layers];
    int off = 0;
    for (int l = 0; l < layers; l++) {
      weightOffset[l] = off;
      off += spec.width(l) * spec.width(l + 1);
      biasOffset[l] = off;
      off += spec.width(l + 1);
    }
    initialise(seed);
    ensureCapacity(1);
  }

  private void initialise(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int l = 0; l < layers; l++) {
      double bound = 1.0 / Math.sqrt(spec.width(l));
      if (l == layers - 1) {
        bound *= spec.finalLayerScale();
      }
      int end = biasOffset[l] + spec.width(l + 1);
      for (int i = weightOffset[l]; i < end; i++) {
        params[i] = (float) ((2.0 * rng.nextDouble() - 1.0) * bound);
      }
    }
  }

  private void ensureCapacity(int batch) {
    if (batch <= capacity) {
      return;
    }
    capacity = batch;
    input = new float[batch * spec.inputSize()];
    inputGrad = new float[batch * spec.inputSize()];
    pre = new float[layers][];
    post = new float[layers][];
    dPost = new float[layers][];
    dPre = new float[layers][];
    saved = new double[layers][];
    for (int l = 0; l < layers; l++) {
      int n = batch * spec.width(l + 1);
      boolean identity = spec.activation(l) == Activation.IDENTITY;
      saved[l] = spec.activation(l).savesIntermediate() ? new double[n] : null;
      pre[l] = new float[n];
      post[l] = identity ? pre[l] : new float[n];
      dPost[l] = new float[n];
      dPre[l] = identity ? dPost[l] : new float[n];
    }
  }

  /** The architecture. */
  public MlpSpec spec() {
    return spec;
  }

  /** The matrix products in use. */
  public MatOps ops() {
    return ops;
  }

  /** All weights and biases (see the class comment for the layout); writable. */
  public float[] params() {
    return params;
  }

  /** Gradients of the loss with respect to {@link #params()}, accumulated by {@link #backward}. */
  public float[] grads() {
    return grads;
  }

  /** Offset of layer {@code l}'s weight matrix in {@link #params()}. */
  public int weightOffset(int l) {
    return weightOffset[l];
  }

  /** Offset of layer {@code l}'s biases in {@link #params()}. */
  public int biasOffset(int l) {
    return biasOffset[l];
  }

  /** Sets all gradients to zero. */
  public void zeroGrad() {
    java.util.Arrays.fill(grads, 0f);
  }

  /** Forward pass on {@code batch} rows of {@code x} (row-major, from offset 0). */
  public float[] forward(float[] x, int batch) {
    return forward(x, 0, batch);
  }

  /**
   * Forward pass on {@code batch} rows starting at {@code x[offset]}. Returns the output ({@code
   * batch × outputSize}, row-major) in an array the network owns; only its first {@code batch ×
   * outputSize} entries are meaningful.
   */
  public float[] forward(float[] x, int offset, int batch) {
    ensureCapacity(batch);
    System.arraycopy(x, offset, input, 0, batch * spec.inputSize());
    return run(batch);
  }

  /** Forward pass on double-precision input (an environment's observations), converted here. */
  public float[] forward(double[] x, int offset, int batch) {
    ensureCapacity(batch);
    int n = batch * spec.inputSize();
    for (int i = 0; i < n; i++) {
      input[i] = (float) x[offset + i];
    }
    return run(batch);
  }

  private float[] run(int batch) {
    checkFinite(input, batch * spec.inputSize(), spec.inputSize(), -1, "input");
    float[] x = input;
    for (int l = 0; l < layers; l++) {
      int in = spec.width(l);
      int out = spec.width(l + 1);
      float[] z = pre[l];
      for (int r = 0; r < batch; r++) { // bias first, then z += x·W
        System.arraycopy(params, biasOffset[l], z, r * out, out);
      }
      ops.gemm(false, false, batch, out, in, 1f, x, 0, params, weightOffset[l], 1f, z, 0);
      spec.activation(l).forward(z, post[l], batch, out, saved[l]);
      checkFinite(post[l], batch * out, out, l, "forward output");
      x = post[l];
    }
    lastBatch = batch;
    return post[layers - 1];
  }

  /** The last forward pass's output (owned by the network). */
  public float[] output() {
    return post[layers - 1];
  }

  /**
   * Backpropagates {@code dOut = ∂L/∂output} (row-major {@code batch × outputSize}) through the
   * last forward pass, which must have had the same batch size, and <b>adds</b> the parameter
   * gradients to {@link #grads()}. With {@code inputGradient}, also computes {@code ∂L/∂input},
   * read with {@link #inputGrad()} (the DDPG actor update needs ∂Q/∂a this way).
   */
  public void backward(float[] dOut, int batch, boolean inputGradient) {
    if (batch != lastBatch) {
      throw new IllegalStateException(
          "backward on batch " + batch + " after a forward pass on batch " + lastBatch);
    }
    int outW = spec.outputSize();
    checkFinite(dOut, batch * outW, outW, layers - 1, "loss gradient");
    System.arraycopy(dOut, 0, dPost[layers - 1], 0, batch * outW);
    for (int l = layers - 1; l >= 0; l--) {
      int in = spec.width(l);
      int out = spec.width(l + 1);
      float[] dz = dPre[l];
      spec.activation(l).backward(pre[l], post[l], dPost[l], dz, batch, out, saved[l]);
      float[] x = l == 0 ? input : post[l - 1];
      // ∂L/∂W += xᵀ·dz ; ∂L/∂b += Σ_rows dz
      ops.gemm(true, false, in, out, batch, 1f, x, 0, dz, 0, 1f, grads, weightOffset[l]);
      int bo = biasOffset[l];
      for (int r = 0; r < batch; r++) {
        int ro = r * out;
        for (int j = 0; j < out; j++) {
          grads[bo + j] += dz[ro + j];
        }
      }
      if (l > 0 || inputGradient) {
        float[] dx = l == 0 ? inputGrad : dPost[l - 1];
        // ∂L/∂x = dz·Wᵀ
        ops.gemm(false, true, batch, in, out, 1f, dz, 0, params, weightOffset[l], 0f, dx, 0);
        checkFinite(dx, batch * in, in, l, "backward gradient");
      }
    }
  }

  /**
   * Writes {@code ∂L/∂input} for input columns {@code [col, col + cols)} only (row-major {@code
   * batch × cols} into {@code out}), for {@code dOut = ∂L/∂output} of the last forward pass,
   * <b>without</b> touching the parameter gradients. This is the DDPG actor update's ∂Q/∂a: it
   * skips every weight-gradient product and all but {@code cols} columns of the first layer's input
   * gradient, about half the work of a full {@link #backward}.
   */
  public void backwardInput(float[] dOut, int batch, int col, int cols, float[] out) {
    if (batch != lastBatch) {
      throw new IllegalStateException(
          "backwardInput on batch " + batch + " after a forward pass on batch " + lastBatch);
    }
    if (col < 0 || cols < 1 || col + cols > spec.inputSize()) {
      throw new IllegalArgumentException(
          "columns ["
              + col
              + ", "
              + (col + cols)
              + ") outside the input width "
              + spec.inputSize());
    }
    int outW = spec.outputSize();
    checkFinite(dOut, batch * outW, outW, layers - 1, "loss gradient");
    System.arraycopy(dOut, 0, dPost[layers - 1], 0, batch * outW);
    for (int l = layers - 1; l >= 0; l--) {
      int in = spec.width(l);
      int width = spec.width(l + 1);
      float[] dz = dPre[l];
      spec.activation(l).backward(pre[l], post[l], dPost[l], dz, batch, width, saved[l]);
      if (l > 0) {
        ops.gemm(
            false, true, batch, in, width, 1f, dz, 0, params, weightOffset[l], 0f, dPost[l - 1], 0);
        checkFinite(dPost[l - 1], batch * in, in, l, "backward gradient");
      } else {
        // Rows [col, col + cols) of W₀ (in × out, row-major) are contiguous.
        ops.gemm(
            false,
            true,
            batch,
            cols,
            width,
            1f,
            dz,
            0,
            params,
            weightOffset[0] + col * width,
            0f,
            out,
            0);
        checkFinite(out, batch * cols, cols, 0, "backward gradient");
      }
    }
  }

  /** {@code ∂L/∂input} of the last {@link #backward} with {@code inputGradient = true}. */
  public float[] inputGrad() {
    return inputGrad;
  }

  /** Copies all parameters from {@code source} (a hard target update). */
  public void copyFrom(Mlp source) {
    checkSameSpec(source);
    System.arraycopy(source.params, 0, params, 0, params.length);
  }

  /** Polyak update {@code θ ← τ·θ_source + (1 − τ)·θ}, the soft target update of DDPG. */
  public void softUpdateFrom(Mlp source, double tau) {
    if (!(tau >= 0 && tau <= 1)) {
      throw new IllegalArgumentException("tau=" + tau + ": must lie in [0, 1]");
    }
    checkSameSpec(source);
    float t = (float) tau;
    float keep = 1f - t;
    float[] src = source.params;
    for (int i = 0; i < params.length; i++) {
      params[i] = keep * params[i] + t * src[i];
    }
  }

  /** A new network with the same architecture, matrix products and parameters. */
  public Mlp copy() {
    Mlp m = new Mlp(spec, 0L, ops);
    m.copyFrom(this);
    return m;
  }

  private void checkSameSpec(Mlp other) {
    if (!other.spec.equals(spec)) {
      throw new IllegalArgumentException(
          "architectures differ: " + other.spec.describe() + " vs " + spec.describe());
    }
  }

  /**
   * Whether {@code v[0, n)} holds no NaN or infinity: x·0 is ±0 for a finite x and NaN for an
   * infinity or a NaN, and {@code Math.max} keeps a NaN. The JIT vectorises this float maximum
   * (0.19 ns an element on this machine) but not an int minimum over the exponent bits through
   * {@code floatToRawIntBits} (0.92 ns), which took 8% of a COLLAB training's time.
   */
  private static boolean allFinite(float[] v, int n) {
    float max = 0f;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, v[i] * 0f);
    }
    return max == 0f;
  }

  private void checkFinite(float[] v, int n, int width, int layer, String what) {
    if (allFinite(v, n)) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if (!Float.isFinite(v[i])) {
        String where =
            layer < 0
                ? "network input"
                : "layer "
                    + layer
                    + " (dense "
                    + spec.width(layer)
                    + "→"
                    + spec.width(layer + 1)
                    + ", "
                    + spec.activation(layer).id()
                    + ")";
        throw new NonFiniteException(
            layer,
            "non-finite value "
                + v[i]
                + " in the "
                + what
                + " of "
                + where
                + " of "
                + spec.describe()
                + " at row "
                + i / width
                + ", column "
                + i % width);
      }
    }
  }
}
