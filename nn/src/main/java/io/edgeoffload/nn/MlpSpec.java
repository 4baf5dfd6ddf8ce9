package io.edgeoffload.nn;

import java.util.Arrays;

/**
 * The architecture of a fully connected network: layer widths {@code sizes[0]} (input) to {@code
 * sizes[L]} (output), one activation per dense layer, and the scale of the last layer's initial
 * weights.
 *
 * @param sizes widths, input first; at least two entries, each at least 1
 * @param activations one per dense layer ({@code sizes.length − 1} entries)
 * @param finalLayerScale multiplies the last layer's initial weights and biases (1 = the default
 *     initialisation; DDPG actors use small values such as 3e-3 so that initial actions sit near
 *     the middle of their range)
 */
public record MlpSpec(int[] sizes, Activation[] activations, double finalLayerScale) {

  public MlpSpec {
    if (sizes == null || sizes.length < 2) {
      throw new IllegalArgumentException(
          "sizes=" + Arrays.toString(sizes) + ": need an input and an output width at least");
    }
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] < 1) {
        throw new IllegalArgumentException(
            "sizes[" + i + "]=" + sizes[i] + ": every width must be at least 1");
      }
    }
    if (activations == null || activations.length != sizes.length - 1) {
      throw new IllegalArgumentException(
          "activations="
              + Arrays.toString(activations)
              + ": need one per dense layer ("
              + (sizes.length - 1)
              + ")");
    }
    for (int i = 0; i < activations.length; i++) {
      if (activations[i] == null) {
        throw new IllegalArgumentException("activations[" + i + "] is null");
      }
    }
    if (!(finalLayerScale > 0) || Double.isInfinite(finalLayerScale)) {
      throw new IllegalArgumentException(
          "finalLayerScale=" + finalLayerScale + ": must be a positive finite number");
    }
    sizes = sizes.clone();
    activations = activations.clone();
  }

  /**
   * {@code input → hidden… → output}, the hidden layers with {@code hiddenActivation}, the last
   * with {@code outputActivation}, default initialisation.
   */
  public static MlpSpec of(
      int input,
      int[] hidden,
      int output,
      Activation hiddenActivation,
      Activation outputActivation) {
    int[] sizes = new int[hidden.length + 2];
    sizes[0] = input;
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = output;
    Activation[] acts = new Activation[sizes.length - 1];
    Arrays.fill(acts, hiddenActivation);
    acts[acts.length - 1] = outputActivation;
    return new MlpSpec(sizes, acts, 1.0);
  }

  /** The same architecture with another final-layer scale. */
  public MlpSpec withFinalLayerScale(double scale) {
    return new MlpSpec(sizes, activations, scale);
  }

  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  public Activation[] activations() {
    return activations.clone();
  }

  /** Input width. */
  public int inputSize() {
    return sizes[0];
  }

  /** Output width. */
  public int outputSize() {
    return sizes[sizes.length - 1];
  }

  /** Number of dense layers. */
  public int layers() {
    return sizes.length - 1;
  }

  /** Width of layer {@code l}'s input ({@code l = 0…layers()}; {@code layers()} is the output). */
  public int width(int l) {
    return sizes[l];
  }

  /** Activation of dense layer {@code l}. */
  public Activation activation(int l) {
    return activations[l];
  }

  /** Weights plus biases of all layers. */
  public int parameterCount() {
    int n = 0;
    for (int l = 0; l < layers(); l++) {
      n += sizes[l] * sizes[l + 1] + sizes[l + 1];
    }
    return n;
  }

  /** E.g. {@code 9→64(relu)→64(relu)→3(tanh)}. */
  public String describe() {
    StringBuilder sb = new StringBuilder().append(sizes[0]);
    for (int l = 0; l < layers(); l++) {
      sb.append('→').append(sizes[l + 1]).append('(').append(activations[l].id()).append(')');
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MlpSpec s
        && Arrays.equals(sizes, s.sizes)
        && Arrays.equals(activations, s.activations)
        && Double.compare(finalLayerScale, s.finalLayerScale) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(sizes) + Arrays.hashCode(activations))
        + Double.hashCode(finalLayerScale);
  }

  @Override
  public String toString() {
    return "MlpSpec[" + describe() + ", finalLayerScale=" + finalLayerScale + "]";
  }
}
