package io.edgeoffload.ucms.selection;

import io.edgeoffload.core.util.IndexSort;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * User–server co-selection, UCMS Algorithm 1, as a deferred-acceptance matching (MODEL-NOTES UCMS
 * 2).
 *
 * <p>Rounds: every unplaced UD proposes to the ES with the lowest selection value I_m (eq. 18)
 * among the ESs that still have room; I_m is the summed cost of the UDs the ES already holds plus
 * the proposer's own cost there, so a loaded ES looks worse. Each ES ranks its applicants by I_n =
 * τ^a_{n,m} (eq. 19), accepts them in ascending order up to its remaining capacity z_max − z_m, and
 * rejects the rest; acceptances are final (Algorithm 1, lines 20–23). A rejected UD found the ES
 * full, so it proposes elsewhere next round. The loop ends when every UD is placed or no ES has
 * room; with N > M·z_max the surplus stays unplaced and computes locally.
 *
 * <p>Proposals of one round are simultaneous and computed from the state at the start of the round,
 * and every ranking is by value, so the result does not depend on the order in which UDs are listed
 * (ties, of probability zero with continuous channels, fall back to list order).
 */
public final class SelectionPolicyCoSelection implements SelectionPolicy {
  private int[] proposal = new int[0];
  private int[] applicants = new int[0];
  private int[] scratch = new int[0];
  private double[] load = new double[0];
  private double[] roundLoad = new double[0];
  private int[] count = new int[0];

  @Override
  public String id() {
    return "co-selection";
  }

  @Override
  public void select(SelectionProblem p, DoubleSupplier random, int[] assignment) {
    int n = p.users();
    int m = p.servers();
    ensure(n, m);
    Arrays.fill(assignment, 0, n, UNASSIGNED);
    Arrays.fill(load, 0, m, 0.0);
    Arrays.fill(count, 0, m, 0);
    while (true) {
      // Proposals (Algorithm 1, lines 6–10), from the state at the start of the round.
      boolean any = false;
      for (int u = 0; u < n; u++) {
        proposal[u] = UNASSIGNED;
        if (assignment[u] != UNASSIGNED) {
          continue;
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOwn = Double.POSITIVE_INFINITY;
        for (int s = 0; s < m; s++) {
          if (count[s] >= p.capacity()) {
            continue;
          }
          double own = p.userCost[u][s];
          double value = load[s] + own; // UCMS eq. (18) over Z_m ∪ {n}
          if (value < best || (value == best && own < bestOwn)) {
            best = value;
            bestOwn = own;
            proposal[u] = s;
          }
        }
        any |= proposal[u] != UNASSIGNED;
      }
      if (!any) {
        return;
      }
      // Each ES accepts its best applicants up to its remaining capacity (lines 14–28).
      System.arraycopy(load, 0, roundLoad, 0, m);
      for (int s = 0; s < m; s++) {
        int k = 0;
        for (int u = 0; u < n; u++) {
          if (proposal[u] == s) {
            applicants[k++] = u;
          }
        }
        if (k == 0) {
          continue;
        }
        final int server = s;
        IndexSort.sort(
            applicants, k, scratch, u -> p.serverScore[u][server]); // UCMS eq. (19), ascending
        int room = p.capacity() - count[s];
        for (int i = 0; i < k && i < room; i++) {
          int u = applicants[i];
          assignment[u] = s;
          roundLoad[s] += p.userCost[u][s];
        }
        count[s] += Math.min(k, room);
      }
      System.arraycopy(roundLoad, 0, load, 0, m);
    }
  }

  private void ensure(int n, int m) {
    if (proposal.length < n) {
      proposal = new int[n];
      applicants = new int[n];
      scratch = new int[n];
    }
    if (load.length < m) {
      load = new double[m];
      roundLoad = new double[m];
      count = new int[m];
    }
  }
}
