package io.edgeoffload.ucms.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** Properties of the user–server co-selection (UCMS Algorithm 1, MODEL-NOTES UCMS 2). */
class CoSelectionTest {
  private static final DoubleSupplier NO_RANDOM = () -> 0.5;

  private static SelectionProblem randomProblem(SplittableRandom rng, int n, int m, int cap) {
    SelectionProblem p = new SelectionProblem(n, m, cap);
    for (int u = 0; u < n; u++) {
      for (int s = 0; s < m; s++) {
        p.set(u, s, rng.nextDouble(0.01, 5.0), rng.nextDouble(0.001, 1.0));
      }
    }
    return p;
  }

  private static int[] counts(int[] assign, int m) {
    int[] c = new int[m];
    for (int s : assign) {
      if (s != SelectionPolicy.UNASSIGNED) {
        c[s]++;
      }
    }
    return c;
  }

  @Test
  void everyUdPlacedAtMostOnceNoServerOverCapacityAndSurplusUnassigned() {
    SplittableRandom rng = new SplittableRandom(11);
    for (SelectionPolicy policy :
        new SelectionPolicy[] {new SelectionPolicyCoSelection(), new SelectionPolicyRandom()}) {
      for (int trial = 0; trial < 300; trial++) {
        int n = 1 + rng.nextInt(70);
        int m = 1 + rng.nextInt(5);
        int cap = 1 + rng.nextInt(20);
        SelectionProblem p = randomProblem(rng, n, m, cap);
        int[] assign = new int[n];
        policy.select(p, rng::nextDouble, assign);
        int placed = 0;
        for (int s : assign) {
          assertThat(s).isBetween(SelectionPolicy.UNASSIGNED, m - 1); // one ES or none (15b)
          if (s != SelectionPolicy.UNASSIGNED) {
            placed++;
          }
        }
        for (int c : counts(assign, m)) {
          assertThat(c).isLessThanOrEqualTo(cap); // eq. (15h)
        }
        // Everyone is placed while there is room; with N > M·z_max exactly the surplus is not.
        assertThat(placed)
            .as("%s n=%d m=%d cap=%d", policy.id(), n, m, cap)
            .isEqualTo(Math.min(n, m * cap));
      }
    }
  }

  @Test
  void resultDoesNotDependOnTheOrderUdsAreListed() {
    SplittableRandom rng = new SplittableRandom(12);
    SelectionPolicyCoSelection policy = new SelectionPolicyCoSelection();
    for (int trial = 0; trial < 200; trial++) {
      int n = 2 + rng.nextInt(60);
      int m = 1 + rng.nextInt(4);
      int cap = 1 + rng.nextInt(16);
      SelectionProblem p = randomProblem(rng, n, m, cap);
      int[] perm = new int[n];
      for (int i = 0; i < n; i++) {
        perm[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      SelectionProblem q = new SelectionProblem(n, m, cap); // row i of q is UD perm[i] of p
      for (int i = 0; i < n; i++) {
        for (int s = 0; s < m; s++) {
          q.set(i, s, p.userCost(perm[i], s), p.serverScore(perm[i], s));
        }
      }
      int[] a = new int[n];
      int[] b = new int[n];
      policy.select(p, NO_RANDOM, a);
      policy.select(q, NO_RANDOM, b);
      for (int i = 0; i < n; i++) {
        assertThat(b[i]).as("trial %d, UD %d", trial, perm[i]).isEqualTo(a[perm[i]]);
      }
    }
  }

  @Test
  void handWorkedExample() {
    // Two ESs with room for one UD each, three UDs.
    // Costs (eq. 18 term) UD×ES: u0 (1, 3), u1 (2, 4), u2 (5, 1); ES values (eq. 19): ES0 ranks
    // u1 (0.1) before u0 (0.2); ES1 ranks u2 first.
    // Round 1: u0 → ES0, u1 → ES0, u2 → ES1. ES0 keeps u1 and rejects u0; ES1 keeps u2.
    // Round 2: both ESs are full, so u0 stays unassigned and computes locally.
    SelectionProblem p = new SelectionProblem(3, 2, 1);
    p.set(0, 0, 1, 0.2);
    p.set(0, 1, 3, 0.2);
    p.set(1, 0, 2, 0.1);
    p.set(1, 1, 4, 0.1);
    p.set(2, 0, 5, 0.3);
    p.set(2, 1, 1, 0.3);
    int[] a = new int[3];
    new SelectionPolicyCoSelection().select(p, NO_RANDOM, a);
    assertThat(a).containsExactly(SelectionPolicy.UNASSIGNED, 0, 1);
  }

  @Test
  void loadMakesAServerLessAttractiveInLaterRounds() {
    // One ES is cheaper for everyone, capacity 2 each, four UDs. Round 1: all propose to ES0,
    // which keeps its best two. Round 2: the other two go to ES1 (ES0 is full).
    SelectionProblem p = new SelectionProblem(4, 2, 2);
    for (int u = 0; u < 4; u++) {
      p.set(u, 0, 1.0, 0.1 * (u + 1));
      p.set(u, 1, 2.0, 0.1 * (u + 1));
    }
    int[] a = new int[4];
    new SelectionPolicyCoSelection().select(p, NO_RANDOM, a);
    assertThat(a).containsExactly(0, 0, 1, 1);
  }
}
