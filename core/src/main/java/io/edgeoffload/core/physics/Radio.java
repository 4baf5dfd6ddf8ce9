package io.edgeoffload.core.physics;

/** Wireless link physics shared by the schemes. SI units: Hz, W, bit/s, s. */
public final class Radio {
  private static final double LN2 = Math.log(2.0);

  private Radio() {}

  /**
   * Shannon capacity of a channel: {@code B · log2(1 + SNR)} bit/s.
   *
   * @param bandwidthHz channel bandwidth in hertz
   * @param snr signal-to-noise ratio, linear
   */
  public static double shannonRate(double bandwidthHz, double snr) {
    return bandwidthHz * Math.log1p(snr) / LN2;
  }

  /** Time to send {@code bits} at {@code rateBps}; infinite for a zero rate. */
  public static double transmissionTime(double bits, double rateBps) {
    return rateBps > 0 ? bits / rateBps : Double.POSITIVE_INFINITY;
  }
}
