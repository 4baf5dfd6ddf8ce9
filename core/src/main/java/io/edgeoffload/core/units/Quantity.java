package io.edgeoffload.core.units;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses configuration values that carry their unit ("400 MB", "24 dBm", "1.5 GHz") into SI. A
 * plain number is read as the SI unit of its dimension. The typed records ({@link DataSize}, {@link
 * Frequency}, {@link Power}, {@link Energy}, {@link TimeSpan}, {@link Gain}) delegate here.
 */
public final class Quantity {
  private static final Pattern FORM =
      Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([A-Za-z]*)\\s*");

  /** A physical dimension, with the units a value of it may be written in. */
  public enum Dimension {
    DATA_SIZE(
        "data size",
        "bit",
        Map.of(
            "bit",
            1.0,
            "b",
            Units.BITS_PER_BYTE,
            "kb",
            Units.KILOBYTE_BITS,
            "mb",
            Units.MEGABYTE_BITS,
            "gb",
            Units.GIGABYTE_BITS,
            "kbit",
            1e3,
            "mbit",
            1e6,
            "gbit",
            1e9)),
    FREQUENCY("frequency", "Hz", Map.of("hz", 1.0, "khz", 1e3, "mhz", 1e6, "ghz", 1e9)),
    POWER("power", "W", Map.of("w", 1.0, "mw", 1e-3, "uw", 1e-6, "dbm", Double.NaN)),
    ENERGY(
        "energy",
        "J",
        Map.of("j", 1.0, "mj", Double.NaN, "kj", 1e3, "uj", 1e-6, "mwh", 3.6, "wh", 3600.0)),
    TIME("time", "s", Map.of("s", 1.0, "ms", 1e-3, "us", 1e-6, "min", 60.0)),
    GAIN("power ratio", "", Map.of("", 1.0, "db", Double.NaN));

    private final String label;
    private final String siUnit;
    private final Map<String, Double> factors;

    Dimension(String label, String siUnit, Map<String, Double> factors) {
      this.label = label;
      this.siUnit = siUnit;
      this.factors = factors;
    }

    public String label() {
      return label;
    }

    public String siUnit() {
      return siUnit;
    }

    /** The units accepted, for error messages. */
    public String allowedUnits() {
      return switch (this) {
        case DATA_SIZE -> "bit, B, KB, MB, GB, kbit, Mbit, Gbit (decimal: 1 MB = 8e6 bit)";
        case FREQUENCY -> "Hz, kHz, MHz, GHz";
        case POWER -> "W, mW, uW, dBm";
        case ENERGY -> "J, mJ (millijoule), MJ (megajoule), kJ, uJ, mWh, Wh";
        case TIME -> "s, ms, us, min";
        case GAIN -> "dB, or a plain linear ratio";
      };
    }
  }

  private Quantity() {}

  /**
   * Reads {@code text} as a value of {@code dim} and returns it in SI.
   *
   * @throws IllegalArgumentException naming the value and the allowed units
   */
  public static double parse(String text, Dimension dim) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "cannot read '"
              + text
              + "' as a "
              + dim.label()
              + "; write a number and one of: "
              + dim.allowedUnits());
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    return toSi(number, unit, dim, text);
  }

  /** Converts {@code number} written in {@code unit} to SI. */
  static double toSi(double number, String unit, Dimension dim, String text) {
    String key = unit.toLowerCase(Locale.ROOT);
    // Case matters for exactly one pair: mJ (milli) vs MJ (mega).
    if (dim == Dimension.ENERGY && key.equals("mj")) {
      return unit.equals("MJ") ? Units.megajoulesToJoules(number) : number * 1e-3;
    }
    if (dim == Dimension.DATA_SIZE && unit.equals("Mb")) {
      // "Mb" is ambiguous (megabit or megabyte): refuse rather than guess.
      throw new IllegalArgumentException(
          "'" + text + "' is ambiguous: write MB (megabytes) or Mbit (megabits)");
    }
    Double factor = dim.factors.get(key);
    if (factor == null) {
      throw new IllegalArgumentException(
          "cannot read '"
              + text
              + "' as a "
              + dim.label()
              + ": unknown unit '"
              + unit
              + "'; allowed units: "
              + dim.allowedUnits());
    }
    if (Double.isNaN(factor)) {
      if (dim == Dimension.POWER) {
        return Units.dbmToWatts(number); // dBm
      }
      return Units.dbToLinear(number); // dB
    }
    return number * factor;
  }

  /** Canonical text of a parsed value: the number as written, one space, the unit as written. */
  public static String canonical(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      return text.trim();
    }
    return m.group(2).isEmpty() ? m.group(1) : m.group(1) + " " + m.group(2);
  }

  /** Reads a JSON/YAML scalar (number or string) as a value of {@code dim}, in SI. */
  public static double fromScalar(Object value, Dimension dim) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      return parse(s, dim);
    }
    throw new IllegalArgumentException(
        "expected a " + dim.label() + " such as '1.5 " + dim.siUnit() + "', got " + value);
  }

  /** The text form kept for a scalar: numbers are SI, so they get the SI unit appended. */
  public static String textOf(Object value, Dimension dim) {
    if (value instanceof Number n) {
      String num = n.toString();
      return dim.siUnit().isEmpty() ? num : num + " " + dim.siUnit();
    }
    return canonical(String.valueOf(value));
  }
}
