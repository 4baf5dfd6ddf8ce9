package io.edgeoffload.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A power ratio, linear (not dB), read from configuration text with its unit ({@link Quantity}) and
 * written back in the form it was given.
 *
 * @param linear the value in SI
 * @param text the value as written, for resolved configuration files
 */
public record Gain(double linear, String text) {
  public Gain {
    if (!Double.isFinite(linear)) {
      throw new IllegalArgumentException("not a finite value: " + text);
    }
  }

  /** Reads a number (SI) or a string with a unit. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Gain of(Object value) {
    return new Gain(
        Quantity.fromScalar(value, Quantity.Dimension.GAIN),
        Quantity.textOf(value, Quantity.Dimension.GAIN));
  }

  /** Parses a string with a unit, e.g. as written in a preset. */
  public static Gain parse(String text) {
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
