package io.edgeoffload.collab;

/**
 * The equations of COLLAB Sec. III, one method each, in SI units. Stateless.
 *
 * <p>Latency (eq. 2) is read as MODEL-NOTES COLLAB 3 says: each operator costs time proportional to
 * its MACs, the whole model taking {@code localFactor}·L_0 on an MD and L_0 on an unloaded server;
 * the server part of a split task is its MAC share × L_0 × (MDs on that server).
 */
public final class CollabModel {
  private CollabModel() {}

  /** Channel gain: path loss (d̂/d)^h times log-normal shadowing (Sec. V-A). */
  public static double gain(double d, double dRef, double h, double shadowDb) {
    return Math.pow(dRef / d, h) * Math.pow(10.0, shadowDb / 10.0);
  }

  /** COLLAB eq. (1): uplink rate with the co-channel interference {@code interference} (W). */
  public static double rate(
      double bandwidth, double power, double gain, double noise, double inter) {
    return bandwidth * (Math.log1p(power * gain / (noise + inter)) / Math.log(2.0));
  }

  /** COLLAB eq. (2), first term: device part, seconds. */
  public static double localLatency(double deviceMacs, double totalMacs, double l0, double factor) {
    return factor * l0 * deviceMacs / totalMacs;
  }

  /** COLLAB eq. (2), second term: I_n / R_n, seconds (0 when nothing is sent). */
  public static double transLatency(double bits, double rate) {
    return bits <= 0 ? 0.0 : bits / rate;
  }

  /** COLLAB eq. (2), third term, as MODEL-NOTES COLLAB 3 reads it, seconds. */
  public static double serverLatency(
      double serverMacs, double totalMacs, double l0, int mdsOnServer) {
    return serverMacs <= 0 ? 0.0 : l0 * serverMacs / totalMacs * mdsOnServer;
  }

  /** COLLAB eq. (3): E = P·L_trans + ζ·M_n, joules (ζ per MAC). */
  public static double energy(double power, double transLatency, double zetaPerMac, double macs) {
    return power * transLatency + zetaPerMac * macs;
  }

  /**
   * COLLAB eq. (8): r = −((max_n L_n + α·L_wait)/W + (β/N)·E/W), latency counted in {@code
   * latencyUnit} seconds.
   *
   * @param windowLatency max_n L_{n,k}, seconds
   * @param meanWait L_wait,k, seconds
   * @param energy E_k, joules (all MDs)
   * @param meanWindow W_k = Σ_n W_{n,k} / N
   */
  public static double reward(
      double windowLatency,
      double meanWait,
      double energy,
      double meanWindow,
      double alpha,
      double beta,
      int devices,
      double latencyUnit) {
    return -((windowLatency + alpha * meanWait) / latencyUnit / meanWindow
        + beta / devices * energy / meanWindow);
  }
}
