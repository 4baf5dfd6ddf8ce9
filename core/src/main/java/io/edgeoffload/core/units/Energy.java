package io.edgeoffload.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A energy in joules, read from configuration text with its unit ({@link Quantity}) and written
 * back in the form it was given.
 *
 * @param joules the value in SI
 * @param text the value as written, for resolved configuration files
 */
public record Energy(double joules, String text) {
  public Energy {
    if (!Double.isFinite(joules)) {
      throw new IllegalArgumentException("not a finite value: " + text);
    }
  }

  /** Reads a number (SI) or a string with a unit. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Energy of(Object value) {
    return new Energy(
        Quantity.fromScalar(value, Quantity.Dimension.ENERGY),
        Quantity.textOf(value, Quantity.Dimension.ENERGY));
  }

  /** Parses a string with a unit, e.g. as written in a preset. */
  public static Energy parse(String text) {
    return of(text);
  }

  @JsonValue
  @Override
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
