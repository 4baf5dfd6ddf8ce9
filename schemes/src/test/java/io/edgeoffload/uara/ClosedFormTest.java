package io.edgeoffload.uara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.uara.allocation.ClosedForm;
import io.edgeoffload.uara.allocation.Outcome;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The closed forms (22)–(24) and the per-pair cost c_ij, against first principles. */
class ClosedFormTest {

  /**
   * P1 evaluated from scratch for an association and arbitrary feasible shares: delays (eqs. 6, 8,
   * 9) plus α·E_i/B_i with E_i the local computing or transmit energy (eqs. 16, 20).
   */
  static double p1(UaraInstance in, int[] x, double[] y, double[] z) {
    int m = in.servers();
    double total = 0;
    for (int i = 0; i < x.length; i++) {
      double f = in.flops()[i];
      double rho = in.parallelFraction()[i];
      double perJoule = Double.isInfinite(in.battery()[i]) ? 0 : in.alpha() / in.battery()[i];
      int j = x[i];
      if (j < 0) {
        double fl = in.localCoreFlops()[i];
        double local = f * (1 - rho) / fl + f * rho / (fl * in.localCores()[i]);
        total += local + perJoule * in.deviceEnergyPerFlop() * f;
      } else {
        double r = in.rate()[i * m + j];
        double tx = in.bits()[i] / (r * y[i]);
        double cp =
            f * (1 - rho) / in.coreFlops()[j]
                + f * rho / (in.coreFlops()[j] * in.cores()[j] * z[i]);
        double txTime = in.allocatedTxEnergy() ? tx : in.bits()[i] / r;
        total += tx + cp + perJoule * in.txOverhead() * in.txPower()[i] * txTime;
      }
    }
    return total;
  }

  private static int[] randomAssociation(SplittableRandom rng, int n, int m) {
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = rng.nextInt(m + 1) - 1;
    }
    return x;
  }

  @Test
  void objectiveWithClosedFormsEqualsP1FromScratch() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(12);
      int m = 1 + rng.nextInt(4);
      UaraInstance in =
          UaraFixtures.random(rng, n, m, rng.nextDouble() * 100, rng.nextBoolean(), false);
      int[] x = randomAssociation(rng, n, m);
      ClosedForm cf = new ClosedForm(m);
      double[] y = new double[n];
      double[] z = new double[n];
      cf.shares(in, x, y, z);
      double direct = p1(in, x, y, z);
      assertThat(cf.objective(in, x)).isCloseTo(direct, within(1e-9 * direct));
      Outcome o = cf.evaluate(in, x, 0.2, new Outcome());
      assertThat(o.objective).isCloseTo(direct, within(1e-9 * direct));
    }
  }

  @Test
  void sharesFillEachServerExactly() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rng.nextInt(20);
      int m = 1 + rng.nextInt(5);
      UaraInstance in = UaraFixtures.random(rng, n, m, 1, rng.nextBoolean(), false);
      int[] x = randomAssociation(rng, n, m);
      double[] y = new double[n];
      double[] z = new double[n];
      new ClosedForm(m).shares(in, x, y, z);
      for (int j = 0; j < m; j++) {
        double sy = 0;
        double sz = 0;
        boolean any = false;
        for (int i = 0; i < n; i++) {
          if (x[i] == j) {
            sy += y[i];
            sz += z[i];
            any = true;
            assertThat(y[i]).isPositive();
          }
        }
        if (any) {
          assertThat(sy).isCloseTo(1.0, within(1e-12));
          assertThat(sz).isCloseTo(1.0, within(1e-12));
        }
      }
    }
  }

  /**
   * No feasible allocation beats the closed form: random points of the simplex (Dirichlet) and a
   * numerical optimiser (pairwise mass exchange with golden-section search, started from a random
   * point) never reach a lower P1 than (22)–(24), and the optimiser converges to it.
   */
  @Test
  void noFeasibleAllocationDoesBetterAndAnOptimiserFindsTheClosedForm() {
    SplittableRandom rng = new SplittableRandom(13);
    for (int trial = 0; trial < 60; trial++) {
      int n = 2 + rng.nextInt(6);
      int m = 1 + rng.nextInt(3);
      UaraInstance in =
          UaraFixtures.random(rng, n, m, rng.nextDouble() * 50, rng.nextBoolean(), false);
      int[] x = randomAssociation(rng, n, m);
      double[] y = new double[n];
      double[] z = new double[n];
      new ClosedForm(m).shares(in, x, y, z);
      double best = p1(in, x, y, z);
      for (int s = 0; s < 300; s++) {
        double[] ry = dirichlet(rng, x, m);
        double[] rz = dirichlet(rng, x, m);
        assertThat(p1(in, x, ry, rz)).isGreaterThanOrEqualTo(best * (1 - 1e-12));
      }
      double[] oy = dirichlet(rng, x, m);
      double[] oz = dirichlet(rng, x, m);
      for (int sweep = 0; sweep < 200; sweep++) {
        for (int a = 0; a < n; a++) {
          for (int b = a + 1; b < n; b++) {
            if (x[a] >= 0 && x[a] == x[b]) {
              exchange(in, x, oy, oz, a, b, true);
              exchange(in, x, oy, oz, a, b, false);
            }
          }
        }
      }
      double found = p1(in, x, oy, oz);
      assertThat(found).isGreaterThanOrEqualTo(best * (1 - 1e-12));
      assertThat(found).isCloseTo(best, within(1e-6 * best));
    }
  }

  /** Moves share between devices a and b on one server to minimise P1 (golden section). */
  private static void exchange(
      UaraInstance in, int[] x, double[] y, double[] z, int a, int b, boolean bandwidth) {
    double[] v = bandwidth ? y : z;
    double total = v[a] + v[b];
    double lo = 1e-12 * total;
    double hi = total - lo;
    double g = (Math.sqrt(5) - 1) / 2;
    for (int it = 0; it < 100; it++) {
      double c = hi - g * (hi - lo);
      double d = lo + g * (hi - lo);
      v[a] = c;
      v[b] = total - c;
      double fc = p1(in, x, y, z);
      v[a] = d;
      v[b] = total - d;
      double fd = p1(in, x, y, z);
      if (fc < fd) {
        hi = d;
      } else {
        lo = c;
      }
    }
    v[a] = (lo + hi) / 2;
    v[b] = total - v[a];
  }

  private static double[] dirichlet(SplittableRandom rng, int[] x, int m) {
    double[] v = new double[x.length];
    double[] sum = new double[m];
    for (int i = 0; i < x.length; i++) {
      if (x[i] >= 0) {
        v[i] = -Math.log(1 - rng.nextDouble()) + 1e-9;
        sum[x[i]] += v[i];
      }
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] >= 0) {
        v[i] /= sum[x[i]];
      }
    }
    return v;
  }

  /** KKT of P3/P4: at the closed form, every device on a server has the same marginal delay. */
  @Test
  void marginalDelaysAreEqualAtTheClosedForm() {
    SplittableRandom rng = new SplittableRandom(14);
    for (int trial = 0; trial < 100; trial++) {
      int n = 2 + rng.nextInt(10);
      int m = 1 + rng.nextInt(3);
      UaraInstance in = UaraFixtures.random(rng, n, m, 1, false, false);
      int[] x = randomAssociation(rng, n, m);
      double[] y = new double[n];
      double[] z = new double[n];
      new ClosedForm(m).shares(in, x, y, z);
      double[] lambdaY = new double[m];
      double[] lambdaZ = new double[m];
      for (int i = 0; i < n; i++) {
        int j = x[i];
        if (j < 0) {
          continue;
        }
        // ∂/∂y of d/(R y) is −d/(R y²); ∂/∂z of fρ/(F Z z) is −fρ/(F Z z²) (S4a, S4b).
        double gy = in.bits()[i] / (in.rate()[i * m + j] * y[i] * y[i]);
        double gz =
            in.flops()[i]
                * in.parallelFraction()[i]
                / (in.coreFlops()[j] * in.cores()[j] * z[i] * z[i]);
        if (lambdaY[j] == 0) {
          lambdaY[j] = gy;
          lambdaZ[j] = gz;
        } else {
          assertThat(gy).isCloseTo(lambdaY[j], within(1e-9 * lambdaY[j]));
          if (gz > 0) {
            assertThat(gz).isCloseTo(lambdaZ[j], within(1e-9 * lambdaZ[j]));
          }
        }
      }
    }
  }

  @Test
  void memoryEnforcementKeepsTheBestRankedAndFits() {
    SplittableRandom rng = new SplittableRandom(15);
    for (int trial = 0; trial < 100; trial++) {
      int n = 1 + rng.nextInt(20);
      int m = 1 + rng.nextInt(3);
      UaraInstance in = UaraFixtures.random(rng, n, m, 1, false, true);
      int[] x = randomAssociation(rng, n, m);
      int[] before = x.clone();
      ClosedForm cf = new ClosedForm(m);
      int dropped = cf.enforceMemory(in, x, null);
      assertThat(cf.memoryFeasible(in, x)).isTrue();
      int changed = 0;
      for (int i = 0; i < n; i++) {
        if (x[i] != before[i]) {
          assertThat(x[i]).isEqualTo(ClosedForm.LOCAL);
          changed++;
        }
      }
      assertThat(changed).isEqualTo(dropped);
    }
  }
}
