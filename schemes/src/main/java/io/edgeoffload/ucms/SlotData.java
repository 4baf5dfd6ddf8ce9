package io.edgeoffload.ucms;

/**
 * What nature draws at the start of a slot (UCMS Sec. 3.1, 3.3, 3.4): each UD's task (β, c, φ), its
 * harvested energy d, and the normalised channel gain g to every ES. SI units; arrays reused.
 */
public final class SlotData {
  /** β_n(t), bits. */
  public final double[] taskBits;

  /** c_n(t), cycles per bit. */
  public final double[] cyclesPerBit;

  /** φ_n(t), seconds. */
  public final double[] deadline;

  /** d_n(t), joules. */
  public final double[] harvest;

  /** g_{n,m}(t), linear (eq. 5). */
  public final double[][] gain;

  public SlotData(int users, int servers) {
    taskBits = new double[users];
    cyclesPerBit = new double[users];
    deadline = new double[users];
    harvest = new double[users];
    gain = new double[users][servers];
  }
}
