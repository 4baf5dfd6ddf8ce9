package io.edgeoffload.core.units;

/**
 * Every unit conversion of the project, in one place. Inside the code all values are SI: bits,
 * seconds, joules, watts, hertz, cycles. Papers and presets speak dBm, dB, MB, GHz and MJ; they are
 * converted here, at the edge, and nowhere else.
 */
public final class Units {
  /** Bits in one byte. */
  public static final double BITS_PER_BYTE = 8.0;

  /** Decimal kilobyte (10^3 bytes), as the papers use it (MODEL-NOTES UCMS 1). */
  public static final double KILOBYTE_BITS = 8.0e3;

  /** Decimal megabyte (10^6 bytes = 8·10^6 bits), as the papers use it (MODEL-NOTES UCMS 1). */
  public static final double MEGABYTE_BITS = 8.0e6;

  /** Decimal gigabyte (10^9 bytes). */
  public static final double GIGABYTE_BITS = 8.0e9;

  private Units() {}

  /** dBm to watts: P[W] = 10^((P[dBm] − 30) / 10). */
  public static double dbmToWatts(double dbm) {
    return Math.pow(10.0, (dbm - 30.0) / 10.0);
  }

  /** Watts to dBm: P[dBm] = 10·log10(P[W]) + 30. */
  public static double wattsToDbm(double watts) {
    return 10.0 * Math.log10(watts) + 30.0;
  }

  /** dB to a linear power ratio: 10^(dB/10). */
  public static double dbToLinear(double db) {
    return Math.pow(10.0, db / 10.0);
  }

  /** Linear power ratio to dB: 10·log10(x). */
  public static double linearToDb(double linear) {
    return 10.0 * Math.log10(linear);
  }

  public static double bytesToBits(double bytes) {
    return bytes * BITS_PER_BYTE;
  }

  public static double bitsToBytes(double bits) {
    return bits / BITS_PER_BYTE;
  }

  public static double megabytesToBits(double mb) {
    return mb * MEGABYTE_BITS;
  }

  public static double kilobytesToBits(double kb) {
    return kb * KILOBYTE_BITS;
  }

  public static double ghzToHz(double ghz) {
    return ghz * 1.0e9;
  }

  public static double mhzToHz(double mhz) {
    return mhz * 1.0e6;
  }

  public static double megajoulesToJoules(double mj) {
    return mj * 1.0e6;
  }

  /** Milliwatt-hours to joules: 1 mWh = 3.6 J. */
  public static double milliwattHoursToJoules(double mwh) {
    return mwh * 3.6;
  }
}
