package io.edgeoffload.nn;

/** A NaN or infinity appeared in a forward or backward pass; the message names the layer. */
public final class NonFiniteException extends ArithmeticException {

  private final int layer;

  public NonFiniteException(int layer, String where) {
    super(where);
    this.layer = layer;
  }

  /** Index of the dense layer where the value appeared ({@code -1}: the network's input). */
  public int layer() {
    return layer;
  }
}
