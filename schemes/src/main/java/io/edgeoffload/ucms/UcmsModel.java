package io.edgeoffload.ucms;

import io.edgeoffload.core.physics.Battery;
import io.edgeoffload.core.physics.Compute;
import io.edgeoffload.core.physics.Radio;

/**
 * The equations of UCMS Sec. 3 and 4.2, one method each, in SI units. The environment, the
 * selection and the baselines all compute through these, so a test of an equation here tests it
 * everywhere.
 */
public final class UcmsModel {
  private UcmsModel() {}

  /** UCMS eq. (3): local delay τ^l = β·c / f^l. */
  public static double localDelay(double taskBits, double cyclesPerBit, double localHz) {
    return Compute.time(taskBits * cyclesPerBit, localHz);
  }

  /** UCMS eq. (4): local energy e^l = κ·β·c·(f^l)². */
  public static double localEnergy(
      double kappa, double taskBits, double cyclesPerBit, double localHz) {
    return Compute.dynamicEnergy(kappa, taskBits * cyclesPerBit, localHz);
  }

  /** UCMS eq. (6): rate of one subchannel v = (W/K)·log2(1 + p·g), g normalised by σ² (eq. 5). */
  public static double rate(double subchannelHz, double txWatts, double normalizedGain) {
    return Radio.shannonRate(subchannelHz, txWatts * normalizedGain);
  }

  /** UCMS eq. (7): transmission delay τ^o = β / v. */
  public static double transmissionDelay(double taskBits, double rateBps) {
    return Radio.transmissionTime(taskBits, rateBps);
  }

  /** UCMS eq. (8): processing delay on one ES CPU τ^p = β·c / f^s. */
  public static double processingDelay(double taskBits, double cyclesPerBit, double serverHz) {
    return Compute.time(taskBits * cyclesPerBit, serverHz);
  }

  /** UCMS eq. (9): total offloading delay τ^a = τ^p + max(τ^o, τ^q). */
  public static double offloadDelay(double processing, double transmission, double queueFree) {
    return processing + Math.max(transmission, queueFree);
  }

  /** UCMS eq. (10): offloading energy e^o = p·τ^o. */
  public static double offloadEnergy(double txWatts, double transmission) {
    return txWatts * transmission;
  }

  /** UCMS eq. (11): τ_n = (1 − x)·τ^l + x·τ^a. */
  public static double totalDelay(boolean offloaded, double local, double offload) {
    return offloaded ? offload : local;
  }

  /** UCMS eq. (12): e_n = (1 − x)·e^l + x·e^o. */
  public static double totalEnergy(boolean offloaded, double local, double offload) {
    return offloaded ? offload : local;
  }

  /** UCMS eq. (13): b(t+1) = min(max(b(t) − e(t) + d(t), 0), b_max). */
  public static double nextBattery(double battery, double spent, double harvested, double max) {
    return Battery.next(battery, spent, harvested, max);
  }

  /** UCMS eq. (14): C_n = ρ₁·τ_n + ρ₂·e_n. */
  public static double cost(double rho1, double rho2, double delay, double energy) {
    return rho1 * delay + rho2 * energy;
  }

  /**
   * UCMS eq. (25): P_n = ρ₁·min(φ_n − τ_n, 0) + ρ₂·min(b_n − b_min, 0). Non-positive: zero when the
   * deadline is met and the battery is above its threshold.
   */
  public static double penalty(
      double rho1, double rho2, double deadline, double delay, double battery, double batteryMin) {
    return rho1 * Math.min(deadline - delay, 0.0) + rho2 * Math.min(battery - batteryMin, 0.0);
  }

  /**
   * UCMS eq. (26): r_n = −(C̄ + P_n) with C̄ = (1/N)·Σ C_n. As printed, the non-positive penalty
   * raises the reward; the corrected reading subtracts its magnitude: r_n = −C̄ + P_n
   * (docs/model-notes.md).
   */
  public static double reward(double meanCost, double penalty, boolean literal) {
    return literal ? -(meanCost + penalty) : -meanCost + penalty;
  }

  /** UCMS eq. (22): f^l = max(f^l_min, f^u·f^l_max). */
  public static double localFrequency(double action, double minHz, double maxHz) {
    return Math.max(minHz, action * maxHz);
  }

  /** UCMS eq. (23): p^t = max(p^t_min, p^u·p^t_max), in watts. */
  public static double txPower(double action, double minWatts, double maxWatts) {
    return Math.max(minWatts, action * maxWatts);
  }

  /** UCMS eq. (21): x^u ≥ 0.5 asks the ES to offload; below, the UD computes locally. */
  public static boolean wantsOffload(double action) {
    return action >= 0.5;
  }

  /**
   * Predicted offloading cost ρ₁·(τ^p + τ^o) + ρ₂·e^o without queueing (eqs. 7–10, 14 with τ^q =
   * 0): what a UD or an ES can know before the queue forms. Used by co-selection (eqs. 18–19), the
   * lowest-cost approval and the greedy baseline.
   */
  public static double predictedOffloadCost(
      UcmsEnvConfig c, double taskBits, double cyclesPerBit, double gain, double txWatts) {
    double tau = transmissionDelay(taskBits, rate(c.subchannelHz(), txWatts, gain));
    double tauP = processingDelay(taskBits, cyclesPerBit, c.serverFreq().hertz());
    return cost(c.rho1(), c.rho2(), tauP + tau, offloadEnergy(txWatts, tau));
  }
}
