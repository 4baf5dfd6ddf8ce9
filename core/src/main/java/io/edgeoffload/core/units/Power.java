package io.edgeoffload.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A power in watts, read from configuration text with its unit ({@link Quantity}) and written back
 * in the form it was given.
 *
 * @param watts the value in SI
 * @param text the value as written, for resolved configuration files
 */
public record Power(double watts, String text) {
  public Power {
    if (!Double.isFinite(watts)) {
      throw new IllegalArgumentException("not a finite value: " + text);
    }
  }

  /** Reads a number (SI) or a string with a unit. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Power of(Object value) {
    return new Power(
        Quantity.fromScalar(value, Quantity.Dimension.POWER),
        Quantity.textOf(value, Quantity.Dimension.POWER));
  }

  /** Parses a string with a unit, e.g. as written in a preset. */
  public static Power parse(String text) {
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
