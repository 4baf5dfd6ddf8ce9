package io.edgeoffload.uara;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.uara.allocation.ClosedForm;
import io.edgeoffload.uara.allocation.Outcome;
import io.edgeoffload.uara.exhaustive.ExhaustiveSolver;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The α reading (MODEL-NOTES UARA 2): a larger α protects low-battery devices. For the exact
 * optimum X*(α) of J_α = D + α·E (D the delays, E = Σ E_i/B_i), optimality at α and at α' > α gives
 * D(X) + αE(X) ≤ D(X') + αE(X') and D(X') + α'E(X') ≤ D(X) + α'E(X); adding them, (α' − α)(E(X') −
 * E(X)) ≤ 0: the battery-weighted energy never rises with α.
 */
class AlphaTest {
  private static final double[] ALPHAS = {0, 0.5, 1, 2, 5, 10, 30, 100, 1000, 1e4};

  private static UaraInstance withAlpha(UaraInstance in, double alpha) {
    return in.parameters(
            alpha,
            in.deviceEnergyPerFlop(),
            in.serverEnergyPerFlop(),
            in.txOverhead(),
            in.allocatedTxEnergy())
        .derive();
  }

  @Test
  void batteryWeightedEnergyOfTheOptimumNeverRisesWithAlpha() {
    SplittableRandom rng = new SplittableRandom(31);
    for (int trial = 0; trial < 60; trial++) {
      int n = 2 + rng.nextInt(6);
      int m = 1 + rng.nextInt(3);
      UaraInstance in =
          trial % 2 == 0
              ? UaraFixtures.scenario(rng.nextLong(), n, m, trial % 4 == 0 ? "comm" : "balanced")
              : UaraFixtures.random(rng, n, m, 0, rng.nextBoolean(), trial % 3 == 0);
      double previous = Double.POSITIVE_INFINITY;
      int[] x = new int[n];
      Outcome o = new Outcome();
      for (double alpha : ALPHAS) {
        withAlpha(in, alpha);
        new ExhaustiveSolver().solve(in, new SplittableRandom(0), x);
        double e = new ClosedForm(m).evaluate(in, x, 0.2, o).batteryWeightedEnergy;
        assertThat(e)
            .as("trial %d, α = %s", trial, alpha)
            .isLessThanOrEqualTo(previous * (1 + 1e-9));
        previous = e;
      }
    }
  }

  /**
   * Where offloading saves a device energy (G_i > 0: its transmit energy is below its local
   * computing energy, as for the language task), raising α never lowers the number of low-battery
   * devices that offload, for the exact optimum.
   */
  @Test
  void lowBatteryOffloadingNeverFallsWithAlphaWhenOffloadingSavesEnergy() {
    SplittableRandom rng = new SplittableRandom(32);
    for (int trial = 0; trial < 40; trial++) {
      int n = 2 + rng.nextInt(6);
      int m = 1 + rng.nextInt(3);
      // Only the language task: 4.1e3 bits to send, 5e13 flops to compute; batteries drawn low.
      UaraInstance in = UaraFixtures.scenario(rng.nextLong(), n, m, "comp");
      for (int i = 0; i < n; i++) {
        in.batteryCapacity()[i] = 5e4; // every device on battery, below 20%
        in.battery()[i] = 5e4 * (0.01 + 0.18 * rng.nextDouble());
        in.flops()[i] = 5e13;
        in.bits()[i] = 4.1e3;
        in.parallelFraction()[i] = 0.95;
        in.memory()[i] = 0.27e9;
      }
      int previous = -1;
      int[] x = new int[n];
      Outcome o = new Outcome();
      for (double alpha : ALPHAS) {
        withAlpha(in, alpha);
        new ExhaustiveSolver().solve(in, new SplittableRandom(0), x);
        int off = new ClosedForm(m).evaluate(in, x, 0.2, o).lowBatteryOffloaded;
        assertThat(off).as("trial %d, α = %s", trial, alpha).isGreaterThanOrEqualTo(previous);
        previous = off;
      }
    }
  }
}
