package io.edgeoffload.uara.exhaustive;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.uara.AssociationSolver;
import io.edgeoffload.uara.UaraInstance;
import io.edgeoffload.uara.allocation.ClosedForm;
import java.util.SplittableRandom;

/**
 * Depth-first search over all (N_ES+1)^N_MD associations that satisfy the memory constraint (13),
 * each priced by J under the closed-form allocation (22)–(24); returns the minimum. Running sums
 * per server make each leaf O(N_ES).
 */
public final class ExhaustiveSolver implements AssociationSolver {
  /** The largest search accepted, in associations. */
  public static final double MAX_ASSOCIATIONS = 2e8;

  private UaraInstance inst;
  private int n;
  private int m;
  private double[] sa;
  private double[] sp;
  private double[] use;
  private int[] cur;
  private int[] best;
  private double bestValue;

  @Override
  public String id() {
    return "exhaustive";
  }

  /** Throws a configuration error when the instance is too large to enumerate. */
  public static void checkSize(int devices, int servers) {
    double count = Math.pow(servers + 1.0, devices);
    if (count > MAX_ASSOCIATIONS) {
      throw new ConfigException(
          "--devices",
          devices,
          String.format(
              java.util.Locale.ROOT,
              "exhaustive search over (%d+1)^%d = %.3g associations is too large; at most %.0g",
              servers,
              devices,
              count,
              MAX_ASSOCIATIONS));
    }
  }

  @Override
  public SolveStats solve(UaraInstance instance, SplittableRandom rng, int[] association) {
    checkSize(instance.devices(), instance.servers());
    inst = instance;
    n = instance.devices();
    m = instance.servers();
    sa = new double[m];
    sp = new double[m];
    use = new double[m];
    cur = new int[n];
    best = new int[n];
    bestValue = Double.POSITIVE_INFINITY;
    dfs(0, instance.localCostSum());
    System.arraycopy(best, 0, association, 0, n);
    return new SolveStats(bestValue, Double.NaN, 0, true, 0);
  }

  private void dfs(int i, double linear) {
    if (i == n) {
      double v = linear;
      for (int j = 0; j < m; j++) {
        // UARA (P5a): squared sums per server.
        v += sa[j] * sa[j] + sp[j] * sp[j];
      }
      if (v < bestValue) {
        bestValue = v;
        System.arraycopy(cur, 0, best, 0, n);
      }
      return;
    }
    cur[i] = ClosedForm.LOCAL;
    dfs(i + 1, linear);
    double[] a = inst.sqrtComm();
    double pi = inst.sqrtParallel()[i];
    double mi = inst.memory()[i];
    for (int j = 0; j < m; j++) {
      if (use[j] + mi > inst.memoryCapacity()[j]) {
        continue;
      }
      double aij = a[i * m + j];
      double pq = pi * inst.invSqrtCompute()[j];
      sa[j] += aij;
      sp[j] += pq;
      use[j] += mi;
      cur[i] = j;
      dfs(i + 1, linear + inst.pairCost(i, j));
      sa[j] -= aij;
      sp[j] -= pq;
      use[j] -= mi;
    }
  }
}
