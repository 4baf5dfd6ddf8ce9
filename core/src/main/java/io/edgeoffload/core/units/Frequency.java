package io.edgeoffload.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A frequency in hertz, read from configuration text with its unit ({@link Quantity}) and written
 * back in the form it was given.
 *
 * @param hertz the value in SI
 * @param text the value as written, for resolved configuration files
 */
public record Frequency(double hertz, String text) {
  public Frequency {
    if (!Double.isFinite(hertz)) {
      throw new IllegalArgumentException("not a finite value: " + text);
    }
  }

  /** Reads a number (SI) or a string with a unit. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Frequency of(Object value) {
    return new Frequency(
        Quantity.fromScalar(value, Quantity.Dimension.FREQUENCY),
        Quantity.textOf(value, Quantity.Dimension.FREQUENCY));
  }

  /** Parses a string with a unit, e.g. as written in a preset. */
  public static Frequency parse(String text) {
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
