package io.edgeoffload.uara.allocation;

/**
 * Sums over the devices of one association under the closed-form allocation, SI units. Reused:
 * {@link ClosedForm#evaluate} overwrites every field.
 */
public final class Outcome {
  /** J(X): delays plus α-weighted battery energy (P1, our reading). */
  public double objective;

  /** Σ_i end-to-end delay: transmission plus computation (eq. 19). */
  public double latency;

  /** Σ_i transmission delay d_i/(R_ij·y_ij) (eq. 6); zero for local devices. */
  public double commLatency;

  /** Σ_i computation delay, on the device (eq. 8) or on the server (eq. 9). */
  public double computeLatency;

  /** Σ_i device energy: local computing δ_cp·f_i, or transmission δ_cm·P_i·t (eqs. 16, 20). */
  public double deviceEnergy;

  /** Σ_i server energy δ_cp,ES·f_i of the offloaded tasks (eq. 18 over a task). */
  public double serverEnergy;

  /** Σ_i E_i/B_i over battery devices: what α weighs. */
  public double batteryWeightedEnergy;

  /** Devices that offload. */
  public int offloaded;

  /** Battery devices below the low-battery threshold. */
  public int lowBattery;

  /** Of those, the ones that offload. */
  public int lowBatteryOffloaded;

  /** Devices. */
  public int devices;
}
