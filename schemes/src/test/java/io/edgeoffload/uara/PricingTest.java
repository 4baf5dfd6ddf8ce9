package io.edgeoffload.uara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.uara.allocation.ClosedForm;
import io.edgeoffload.uara.exhaustive.ExhaustiveSolver;
import io.edgeoffload.uara.pricing.PricingConfig;
import io.edgeoffload.uara.pricing.PricingSolver;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Algorithm 1 against exhaustive search, weak duality, and the constraints at every iteration. */
class PricingTest {
  private static final SplittableRandom NONE = new SplittableRandom(0);

  /** Exhaustive search agrees with a plain enumeration of all associations. */
  @Test
  void exhaustiveSearchFindsTheMinimumOfAPlainEnumeration() {
    SplittableRandom rng = new SplittableRandom(21);
    for (int trial = 0; trial < 40; trial++) {
      int n = 1 + rng.nextInt(6);
      int m = 1 + rng.nextInt(3);
      UaraInstance in =
          UaraFixtures.random(rng, n, m, 10 * rng.nextDouble(), false, trial % 2 == 0);
      ClosedForm cf = new ClosedForm(m);
      double best = Double.POSITIVE_INFINITY;
      int[] x = new int[n];
      int total = (int) Math.pow(m + 1, n);
      for (int code = 0; code < total; code++) {
        int c = code;
        for (int i = 0; i < n; i++) {
          x[i] = c % (m + 1) - 1;
          c /= m + 1;
        }
        if (cf.memoryFeasible(in, x)) {
          best = Math.min(best, cf.objective(in, x));
        }
      }
      int[] ex = new int[n];
      double v = new ExhaustiveSolver().solve(in, NONE, ex).objective();
      assertThat(v).isCloseTo(best, within(1e-9 * best));
      assertThat(cf.objective(in, ex)).isCloseTo(best, within(1e-9 * best));
    }
  }

  private record Gap(double[] pricing, double[] polished) {}

  /**
   * On random small instances (N_MD ≤ 8, N_ES ≤ 3, from the paper's scenario and synthetic): dual ≤
   * optimum ≤ pricing (weak duality, Theorem 1), and the gap stays bounded.
   */
  @Test
  void pricingAgainstExhaustiveSearch() {
    SplittableRandom rng = new SplittableRandom(22);
    int trials = 300;
    double[] gaps = new double[trials];
    double[] polishedGaps = new double[trials];
    PricingSolver pricing = new PricingSolver(PricingConfig.defaults());
    PricingSolver polished = new PricingSolver(PricingConfig.defaults().withPolish(true));
    String[] loads = {"balanced", "comm", "comp"};
    for (int t = 0; t < trials; t++) {
      int n = 2 + rng.nextInt(7);
      int m = 1 + rng.nextInt(3);
      UaraInstance in =
          t % 2 == 0
              ? UaraFixtures.scenario(rng.nextLong(), n, m, loads[t % 3])
              : UaraFixtures.random(
                  rng, n, m, 20 * rng.nextDouble(), rng.nextBoolean(), t % 4 == 1);
      int[] x = new int[n];
      double opt = new ExhaustiveSolver().solve(in, NONE, x).objective();
      AssociationSolver.SolveStats s = pricing.solve(in, NONE, x);
      assertThat(s.dual()).as("weak duality, trial %d", t).isLessThanOrEqualTo(opt * (1 + 1e-9));
      assertThat(s.objective()).isGreaterThanOrEqualTo(opt * (1 - 1e-9));
      assertThat(new ClosedForm(m).memoryFeasible(in, x)).isTrue();
      gaps[t] = (s.objective() - opt) / opt;
      AssociationSolver.SolveStats p = polished.solve(in, NONE, x);
      assertThat(p.objective()).isLessThanOrEqualTo(s.objective() * (1 + 1e-12));
      polishedGaps[t] = (p.objective() - opt) / opt;
    }
    System.out.println("pricing gap " + distribution(gaps));
    System.out.println("pricing+polish gap " + distribution(polishedGaps));
    Arrays.sort(gaps);
    Arrays.sort(polishedGaps);
    // Measured (seed 22): optimal in 284 of 300, p99 0.42%, max 57% (one memory-tight instance:
    // a knapsack the prices cannot split). The bounds leave room for other seeds' variation.
    assertThat(gaps[trials / 2]).as("median gap").isLessThanOrEqualTo(1e-9);
    assertThat(gaps[(int) (trials * 0.95)]).as("95th percentile gap").isLessThanOrEqualTo(0.01);
    assertThat(gaps[trials - 1]).as("largest gap").isLessThanOrEqualTo(0.6);
    assertThat(polishedGaps[(int) (trials * 0.95)]).isLessThanOrEqualTo(0.01);
  }

  static String distribution(double[] g) {
    double[] s = g.clone();
    Arrays.sort(s);
    int zero = 0;
    for (double v : s) {
      if (v <= 1e-9) {
        zero++;
      }
    }
    return String.format(
        Locale.ROOT,
        "over %d instances: optimal in %d, median %.4f, p90 %.4f, p99 %.4f, max %.4f, mean %.4f",
        s.length,
        zero,
        s[s.length / 2],
        s[(int) (s.length * 0.9)],
        s[(int) (s.length * 0.99)],
        s[s.length - 1],
        Arrays.stream(s).average().orElse(0));
  }

  /** The synchronous variant (every device re-picks each iteration) herds identical devices. */
  @Test
  void synchronousPricingIsNoBetterThanAsynchronousOnAverage() {
    SplittableRandom rng = new SplittableRandom(25);
    double sync = 0;
    double async = 0;
    for (int t = 0; t < 100; t++) {
      UaraInstance in = UaraFixtures.scenario(rng.nextLong(), 2 + rng.nextInt(7), 3, "comp");
      int[] x = new int[in.devices()];
      double opt = new ExhaustiveSolver().solve(in, NONE, x).objective();
      sync +=
          new PricingSolver(PricingConfig.defaults().withActiveShare(1.0))
                  .solve(in, NONE, x)
                  .objective()
              / opt;
      async += new PricingSolver(PricingConfig.defaults()).solve(in, NONE, x).objective() / opt;
    }
    System.out.printf(
        Locale.ROOT,
        "mean J/J* over 100 comp instances: synchronous %.4f, share 0.1 %.4f%n",
        sync / 100,
        async / 100);
    assertThat(async).isLessThanOrEqualTo(sync);
  }

  /** Σ_i y_ij ≤ 1, Σ_i z_ij ≤ 1, one server at most, memory (13): after every iteration. */
  @Test
  void constraintsHoldAfterEveryIteration() {
    SplittableRandom rng = new SplittableRandom(23);
    for (int trial = 0; trial < 30; trial++) {
      int n = 5 + rng.nextInt(60);
      int m = 1 + rng.nextInt(6);
      UaraInstance in = UaraFixtures.random(rng, n, m, 5, rng.nextBoolean(), trial % 2 == 0);
      ClosedForm cf = new ClosedForm(m);
      double[] y = new double[n];
      double[] z = new double[n];
      int[] calls = {0};
      PricingSolver solver =
          new PricingSolver(PricingConfig.defaults())
              .listener(
                  (t, dual, primal, x) -> {
                    calls[0]++;
                    assertThat(cf.memoryFeasible(in, x)).as("memory at %d", t).isTrue();
                    cf.shares(in, x, y, z);
                    double[] sy = new double[m];
                    double[] sz = new double[m];
                    for (int i = 0; i < n; i++) {
                      assertThat(x[i]).isBetween(ClosedForm.LOCAL, m - 1);
                      if (x[i] >= 0) {
                        sy[x[i]] += y[i];
                        sz[x[i]] += z[i];
                      } else {
                        assertThat(y[i]).isZero();
                        assertThat(z[i]).isZero();
                      }
                    }
                    for (int j = 0; j < m; j++) {
                      assertThat(sy[j]).isLessThanOrEqualTo(1 + 1e-12);
                      assertThat(sz[j]).isLessThanOrEqualTo(1 + 1e-12);
                    }
                    assertThat(primal).isCloseTo(cf.objective(in, x), within(1e-9 * primal));
                  });
      solver.solve(in, NONE, new int[n]);
      assertThat(calls[0]).isPositive();
    }
  }

  /** The best dual value never decreases and never exceeds the best primal (Proposition 1). */
  @Test
  void bestDualIsMonotoneAndBelowEveryPrimal() {
    SplittableRandom rng = new SplittableRandom(24);
    for (int trial = 0; trial < 20; trial++) {
      UaraInstance in = UaraFixtures.scenario(rng.nextLong(), 100, 5, "balanced");
      double[] best = {Double.NEGATIVE_INFINITY};
      double[] minPrimal = {Double.POSITIVE_INFINITY};
      AssociationSolver.SolveStats s =
          new PricingSolver(PricingConfig.defaults())
              .listener(
                  (t, dual, primal, x) -> {
                    best[0] = Math.max(best[0], dual);
                    minPrimal[0] = Math.min(minPrimal[0], primal);
                    assertThat(best[0]).isLessThanOrEqualTo(minPrimal[0] * (1 + 1e-9));
                  })
              .solve(in, NONE, new int[100]);
      assertThat(s.dual()).isCloseTo(best[0], within(1e-9 * Math.abs(best[0])));
      assertThat(s.objective()).isCloseTo(minPrimal[0], within(1e-9 * minPrimal[0]));
    }
  }

  @Test
  void sameInstanceGivesTheSameAssociation() {
    UaraInstance a = UaraFixtures.scenario(5, 300, 6, "comp");
    UaraInstance b = UaraFixtures.scenario(5, 300, 6, "comp");
    assertThat(a.rate()).containsExactly(b.rate());
    int[] xa = new int[300];
    int[] xb = new int[300];
    PricingSolver solver = new PricingSolver(PricingConfig.defaults());
    AssociationSolver.SolveStats sa = solver.solve(a, NONE, xa);
    AssociationSolver.SolveStats sb =
        new PricingSolver(PricingConfig.defaults()).solve(b, NONE, xb);
    assertThat(xa).containsExactly(xb);
    assertThat(sa).isEqualTo(sb);
  }
}
