package io.edgeoffload.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A time in seconds, read from configuration text with its unit ({@link Quantity}) and written back
 * in the form it was given.
 *
 * @param seconds the value in SI
 * @param text the value as written, for resolved configuration files
 */
public record TimeSpan(double seconds, String text) {
  public TimeSpan {
    if (!Double.isFinite(seconds)) {
      throw new IllegalArgumentException("not a finite value: " + text);
    }
  }

  /** Reads a number (SI) or a string with a unit. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TimeSpan of(Object value) {
    return new TimeSpan(
        Quantity.fromScalar(value, Quantity.Dimension.TIME),
        Quantity.textOf(value, Quantity.Dimension.TIME));
  }

  /** Parses a string with a unit, e.g. as written in a preset. */
  public static TimeSpan parse(String text) {
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
