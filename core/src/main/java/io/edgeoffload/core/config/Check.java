package io.edgeoffload.core.config;

/**
 * Validation helpers for configuration records. Each check throws a {@link ConfigException} that
 * names the key, the value and the allowed range.
 */
public final class Check {
  private Check() {}

  /** {@code lo <= value <= hi}. */
  public static double range(String key, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new ConfigException(
          key, value, "out of range; allowed: " + lo + " <= " + key + " <= " + hi);
    }
    return value;
  }

  /** {@code lo <= value <= hi} for integers. */
  public static int range(String key, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw new ConfigException(
          key, value, "out of range; allowed: " + lo + " <= " + key + " <= " + hi);
    }
    return value;
  }

  /** {@code value > 0} and finite. */
  public static double positive(String key, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new ConfigException(key, value, "must be positive and finite");
    }
    return value;
  }

  /** {@code value >= 0} and finite. */
  public static double nonNegative(String key, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new ConfigException(key, value, "must be >= 0 and finite");
    }
    return value;
  }

  /** {@code lo <= hi}, for a pair of keys that bound a range. */
  public static void ordered(String loKey, double lo, String hiKey, double hi) {
    if (!(lo <= hi)) {
      throw new ConfigException(loKey, lo, "must not exceed " + hiKey + " = " + hi);
    }
  }

  /** The value is one of {@code allowed}. */
  public static String oneOf(String key, String value, String... allowed) {
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw new ConfigException(key, value, "allowed values: " + String.join(", ", allowed));
  }

  /** Not null (a key missing from the configuration). */
  public static <T> T present(String key, T value) {
    if (value == null) {
      throw new ConfigException(key, "null", "missing: every key must be given");
    }
    return value;
  }

  /**
   * A list of layer widths (hidden sizes of a network): present, each at least 1. Returns a copy,
   * so a record keeps its own array.
   */
  public static int[] widths(String key, int[] widths) {
    if (widths == null) {
      throw new ConfigException(key, "null", "give a list of widths, e.g. [64, 64]");
    }
    for (int w : widths) {
      if (w < 1) {
        throw new ConfigException(
            key, java.util.Arrays.toString(widths), "every width must be at least 1");
      }
    }
    return widths.clone();
  }
}
