package io.edgeoffload.uara;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.uara.allocation.ClosedForm;
import io.edgeoffload.uara.baseline.BaselineSolver;
import io.edgeoffload.uara.baseline.BaselineSolver.Rule;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The baselines of Sec. 6.1 follow their rules and respect memory. */
class BaselineTest {
  @Test
  void epsilonOneComputesEverythingLocally() {
    UaraInstance in = UaraFixtures.scenario(1, 40, 4, "balanced");
    for (Rule r : Rule.values()) {
      int[] x = new int[40];
      new BaselineSolver(r, 1.0).solve(in, new SplittableRandom(2), x);
      assertThat(x).containsOnly(ClosedForm.LOCAL);
    }
  }

  @Test
  void maxSinrPicksTheBestChannelWhenMemoryAllows() {
    UaraInstance in = UaraFixtures.random(new SplittableRandom(3), 30, 4, 1, false, false);
    int[] x = new int[30];
    new BaselineSolver(Rule.MAX_SINR, 0.0).solve(in, new SplittableRandom(4), x);
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 4; j++) {
        assertThat(in.rate()[i * 4 + x[i]]).isGreaterThanOrEqualTo(in.rate()[i * 4 + j]);
      }
    }
  }

  @Test
  void localShareIsAboutEpsilonAndMemoryHolds() {
    int n = 4000;
    UaraInstance in = UaraFixtures.scenario(5, n, 4, "comp");
    ClosedForm cf = new ClosedForm(4);
    for (Rule r : Rule.values()) {
      int[] x = new int[n];
      new BaselineSolver(r, 0.2).solve(in, new SplittableRandom(6), x);
      assertThat(cf.memoryFeasible(in, x)).isTrue();
      UaraInstance roomy = UaraFixtures.random(new SplittableRandom(7), 2000, 4, 1, false, false);
      int[] y = new int[2000];
      new BaselineSolver(r, 0.2).solve(roomy, new SplittableRandom(7), y);
      long local = java.util.Arrays.stream(y).filter(v -> v < 0).count();
      // 2000 draws of probability 0.2: 400 ± 4 standard deviations (17.9 each).
      assertThat(local).as(r.id()).isBetween(329L, 471L);
    }
  }

  @Test
  void maxComputeSpreadsByComputePerTask() {
    UaraInstance in = UaraFixtures.random(new SplittableRandom(8), 300, 3, 1, false, false);
    int[] x = new int[300];
    new BaselineSolver(Rule.MAX_COMPUTE, 0.0).solve(in, new SplittableRandom(9), x);
    int[] count = new int[3];
    for (int v : x) {
      count[v]++;
    }
    // Each server's load is within one task of proportional to its total compute F_j·Z_j.
    double total = 0;
    for (int j = 0; j < 3; j++) {
      total += in.coreFlops()[j] * in.cores()[j];
    }
    for (int j = 0; j < 3; j++) {
      double expected = 300 * in.coreFlops()[j] * in.cores()[j] / total;
      assertThat((double) count[j])
          .isCloseTo(expected, org.assertj.core.api.Assertions.within(1.5));
    }
  }

  @Test
  void sameSeedSameAssociation() {
    UaraInstance in = UaraFixtures.scenario(10, 100, 4, "balanced");
    for (Rule r : Rule.values()) {
      int[] a = new int[100];
      int[] b = new int[100];
      new BaselineSolver(r, 0.2).solve(in, new SplittableRandom(11), a);
      new BaselineSolver(r, 0.2).solve(in, new SplittableRandom(11), b);
      assertThat(a).containsExactly(b);
    }
  }
}
