package io.edgeoffload.uara.pricing;

import io.edgeoffload.uara.UaraInstance;
import io.edgeoffload.uara.allocation.ClosedForm;

/**
 * Best-response polishing (our addition, off by default): devices move one at a time to the option
 * that lowers the true objective J most, given the others, until no move helps. J decreases
 * strictly with every move, so it stops. Each device needs only the per-server sums Σ a_kj and Σ
 * p_k q_j, which a server can broadcast like a price.
 */
final class BestResponse {
  private static final int MAX_PASSES = 100;

  private BestResponse() {}

  /** Improves {@code x} in place and returns its objective. */
  static double polish(UaraInstance inst, int[] x, ClosedForm cf) {
    int n = inst.devices();
    int m = inst.servers();
    double[] a = inst.sqrtComm();
    double[] p = inst.sqrtParallel();
    double[] q = inst.invSqrtCompute();
    double[] mem = inst.memory();
    double[] cap = inst.memoryCapacity();
    double[] sa = new double[m];
    double[] sp = new double[m];
    double[] use = new double[m];
    for (int i = 0; i < n; i++) {
      int j = x[i];
      if (j >= 0) {
        sa[j] += a[i * m + j];
        sp[j] += p[i] * q[j];
        use[j] += mem[i];
      }
    }
    double objective = cf.objective(inst, x);
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean moved = false;
      for (int i = 0; i < n; i++) {
        int row = i * m;
        int j0 = x[i];
        double remove = 0;
        if (j0 >= 0) {
          double a0 = a[row + j0];
          double b0 = p[i] * q[j0];
          // Change of (Σa)² + (Σpq)² + c when device i leaves ES j0.
          remove =
              -(2 * sa[j0] * a0 - a0 * a0) - (2 * sp[j0] * b0 - b0 * b0) - inst.pairCost(i, j0);
        }
        double bestDelta = j0 >= 0 ? remove : 0.0; // moving to local
        int bestJ = ClosedForm.LOCAL;
        for (int j = 0; j < m; j++) {
          if (j == j0 || use[j] + mem[i] > cap[j]) {
            continue;
          }
          double aj = a[row + j];
          double bj = p[i] * q[j];
          double add = 2 * sa[j] * aj + aj * aj + 2 * sp[j] * bj + bj * bj + inst.pairCost(i, j);
          if (remove + add < bestDelta) {
            bestDelta = remove + add;
            bestJ = j;
          }
        }
        if (bestDelta < -1e-12 * Math.abs(objective) && bestJ != j0) {
          if (j0 >= 0) {
            sa[j0] -= a[row + j0];
            sp[j0] -= p[i] * q[j0];
            use[j0] -= mem[i];
          }
          if (bestJ >= 0) {
            sa[bestJ] += a[row + bestJ];
            sp[bestJ] += p[i] * q[bestJ];
            use[bestJ] += mem[i];
          }
          x[i] = bestJ;
          objective += bestDelta;
          moved = true;
        }
      }
      if (!moved) {
        break;
      }
    }
    return cf.objective(inst, x);
  }
}
