package io.edgeoffload.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A data size in bits, read from configuration text with its unit ({@link Quantity}) and written
 * back in the form it was given.
 *
 * @param bits the value in SI
 * @param text the value as written, for resolved configuration files
 */
public record DataSize(double bits, String text) {
  public DataSize {
    if (!Double.isFinite(bits)) {
      throw new IllegalArgumentException("not a finite value: " + text);
    }
  }

  /** Reads a number (SI) or a string with a unit. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static DataSize of(Object value) {
    return new DataSize(
        Quantity.fromScalar(value, Quantity.Dimension.DATA_SIZE),
        Quantity.textOf(value, Quantity.Dimension.DATA_SIZE));
  }

  /** Parses a string with a unit, e.g. as written in a preset. */
  public static DataSize parse(String text) {
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
