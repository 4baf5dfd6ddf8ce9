package io.edgeoffload.core.physics;

/** CPU physics shared by the schemes: cycles, frequency, dynamic energy. SI units. */
public final class Compute {
  private Compute() {}

  /** Seconds to run {@code cycles} at {@code hz}. */
  public static double time(double cycles, double hz) {
    return cycles / hz;
  }

  /**
   * Dynamic CPU energy of {@code cycles} at {@code hz}: {@code κ · cycles · f²} joules, with κ the
   * effective switched capacitance of the chip.
   */
  public static double dynamicEnergy(double kappa, double cycles, double hz) {
    return kappa * cycles * hz * hz;
  }
}
