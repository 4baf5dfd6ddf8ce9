package io.edgeoffload.rl.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SumTreeTest {

  /** The leaf a linear scan of the running sum gives: the first i with Σ_{j≤i} p_j > prefix. */
  private static int linearFind(double[] p, double prefix) {
    double c = 0;
    int lastPositive = -1;
    for (int i = 0; i < p.length; i++) {
      c += p[i];
      if (p[i] > 0) {
        lastPositive = i;
        if (prefix < c) {
          return i;
        }
      }
    }
    return lastPositive;
  }

  @Test
  void findAgreesWithALinearScan() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int n : new int[] {1, 2, 5, 8, 13, 100, 257}) {
      SumTree tree = new SumTree(n);
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        // A quarter of the leaves are 0: they must never be found.
        p[i] = rng.nextInt(4) == 0 ? 0.0 : rng.nextDouble() * 10;
        tree.set(i, p[i]);
      }
      if (n == 1) {
        p[0] = 3.0;
        tree.set(0, 3.0);
      }
      if (tree.total() == 0) {
        continue;
      }
      for (int k = 0; k < 2000; k++) {
        double u = rng.nextDouble() * tree.total();
        int found = tree.find(u);
        assertThat(found).as("n=%d, prefix %s", n, u).isEqualTo(linearFind(p, u));
        assertThat(p[found]).isPositive();
      }
      // At and past the end (rounding), the last positive leaf.
      assertThat(tree.find(tree.total())).isEqualTo(linearFind(p, Double.MAX_VALUE));
      assertThat(tree.find(tree.total() * 2)).isEqualTo(linearFind(p, Double.MAX_VALUE));
    }
  }

  @Test
  void totalStaysTheSumOfTheLeavesAfterManyUpdates() {
    int n = 1000;
    SumTree tree = new SumTree(n);
    double[] p = new double[n];
    SplittableRandom rng = new SplittableRandom(5);
    for (int k = 0; k < 300_000; k++) {
      int i = rng.nextInt(n);
      // Magnitudes over 16 decades: a delta-propagating tree drifts badly on such updates.
      p[i] = rng.nextInt(10) == 0 ? 0.0 : Math.exp(rng.nextDouble(-18, 18));
      tree.set(i, p[i]);
    }
    BigDecimal exact = BigDecimal.ZERO;
    SumTree fresh = new SumTree(n);
    for (int i = 0; i < n; i++) {
      exact = exact.add(new BigDecimal(p[i]));
      fresh.set(i, p[i]);
      assertThat(tree.get(i)).isEqualTo(p[i]);
    }
    // Bound of the class Javadoc: one pairwise summation, relative error <= ceil(log2 n) * 2^-53.
    double bound = Math.ceil(Math.log(n) / Math.log(2)) * Math.ulp(1.0) / 2;
    double rel = Math.abs(tree.total() - exact.doubleValue()) / exact.doubleValue();
    assertThat(rel).isLessThanOrEqualTo(bound);
    // No history: the same leaves give bit-for-bit the same total as a tree built from scratch.
    assertThat(tree.total()).isEqualTo(fresh.total());
  }

  @Test
  void drawsFollowThePrioritiesByAChiSquareBound() {
    int n = 17;
    SumTree tree = new SumTree(n);
    SplittableRandom rng = new SplittableRandom(2024);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = i == 6 ? 0.0 : 0.1 + 2 * rng.nextDouble();
      tree.set(i, p[i]);
    }
    int draws = 200_000;
    long[] count = new long[n];
    for (int k = 0; k < draws; k++) {
      count[tree.find(rng.nextDouble() * tree.total())]++;
    }
    assertThat(count[6]).isZero();
    double chi2 = 0;
    for (int i = 0; i < n; i++) {
      if (p[i] > 0) {
        double expected = draws * p[i] / tree.total();
        chi2 += (count[i] - expected) * (count[i] - expected) / expected;
      }
    }
    // 16 positive leaves, 15 degrees of freedom: the 0.999 quantile of chi-square(15) is 37.70.
    assertThat(chi2).isLessThan(37.70);
  }

  @Test
  void minTreeHoldsTheMinimumOfItsLeaves() {
    int n = 50;
    MinTree tree = new MinTree(n);
    assertThat(tree.min()).isEqualTo(Double.POSITIVE_INFINITY);
    double[] v = new double[n];
    java.util.Arrays.fill(v, Double.POSITIVE_INFINITY);
    SplittableRandom rng = new SplittableRandom(9);
    for (int k = 0; k < 5000; k++) {
      int i = rng.nextInt(n);
      v[i] = rng.nextInt(20) == 0 ? Double.POSITIVE_INFINITY : rng.nextDouble();
      tree.set(i, v[i]);
      double m = Double.POSITIVE_INFINITY;
      for (double x : v) {
        m = Math.min(m, x);
      }
      assertThat(tree.min()).isEqualTo(m);
    }
  }

  @Test
  void rejectsBadInput() {
    SumTree tree = new SumTree(4);
    assertThatThrownBy(() -> tree.find(0.0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tree.set(1, -1.0)).hasMessageContaining("leaf 1");
    assertThatThrownBy(() -> tree.set(1, Double.NaN)).hasMessageContaining("leaf 1");
    assertThatThrownBy(() -> tree.set(4, 1.0)).isInstanceOf(IndexOutOfBoundsException.class);
    tree.set(2, 1.0);
    assertThatThrownBy(() -> tree.find(-0.5)).hasMessageContaining("prefix");
  }
}
