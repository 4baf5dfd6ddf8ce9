package io.edgeoffload.ucms.selection;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Random UD–ES selection (the RD_UCMS_MADDPG baseline, Sec. 5.2): UDs in a random order each pick a
 * uniformly random ES among those with room; when every ES is full the rest stay unplaced.
 */
public final class SelectionPolicyRandom implements SelectionPolicy {
  private int[] order = new int[0];
  private int[] open = new int[0];
  private int[] count = new int[0];

  @Override
  public String id() {
    return "random";
  }

  @Override
  public void select(SelectionProblem p, DoubleSupplier random, int[] assignment) {
    int n = p.users();
    int m = p.servers();
    if (order.length < n) {
      order = new int[n];
    }
    if (open.length < m) {
      open = new int[m];
      count = new int[m];
    }
    Arrays.fill(assignment, 0, n, UNASSIGNED);
    Arrays.fill(count, 0, m, 0);
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) { // Fisher–Yates
      int j = (int) (random.getAsDouble() * (i + 1));
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int i = 0; i < n; i++) {
      int k = 0;
      for (int s = 0; s < m; s++) {
        if (count[s] < p.capacity()) {
          open[k++] = s;
        }
      }
      if (k == 0) {
        return;
      }
      int s = open[(int) (random.getAsDouble() * k)];
      assignment[order[i]] = s;
      count[s]++;
    }
  }
}
