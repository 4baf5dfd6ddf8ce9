package io.edgeoffload.uara.baseline;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.uara.AssociationSolver;
import io.edgeoffload.uara.UaraInstance;
import io.edgeoffload.uara.allocation.ClosedForm;
import java.util.SplittableRandom;

/**
 * The baselines of UARA Sec. 6.1. Every device first computes locally with probability ε; the
 * others pick a server by the rule, in a random order (the order in which tasks arrive). The
 * servers then allocate by the closed forms (22)–(24), and a server out of memory (13) sends the
 * latest arrivals back to local computation.
 *
 * <ul>
 *   <li>{@code random}: a server uniformly at random.
 *   <li>{@code max-sinr}: the server with the best channel, max_j R_ij (ref. [41]).
 *   <li>{@code max-compute}: the server that offers the most compute per task if the device joins,
 *       max_j F_j·Z_j/(n_j + 1), with n_j the devices already there (refs. [42], [43]).
 *   <li>{@code combined}: the least estimated delay if bandwidth and cores were split equally among
 *       the n_j + 1 devices, d_i(n_j+1)/R_ij + f_i(1−ρ_i)/F_j + f_i ρ_i (n_j+1)/(F_j Z_j).
 * </ul>
 */
public final class BaselineSolver implements AssociationSolver {
  /** The rules. */
  public enum Rule {
    RANDOM("random"),
    MAX_SINR("max-sinr"),
    MAX_COMPUTE("max-compute"),
    COMBINED("combined");

    private final String id;

    Rule(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  private final Rule rule;
  private final double epsilon;
  private int[] order = new int[0];
  private int[] count = new int[0];
  private double[] priority = new double[0];
  private ClosedForm closedForm;

  /**
   * @param epsilon probability that a device computes locally
   */
  public BaselineSolver(Rule rule, double epsilon) {
    this.rule = rule;
    this.epsilon = Check.range("epsilon", epsilon, 0.0, 1.0);
  }

  @Override
  public String id() {
    return rule.id();
  }

  @Override
  public SolveStats solve(UaraInstance inst, SplittableRandom rng, int[] x) {
    int n = inst.devices();
    int m = inst.servers();
    if (order.length != n) {
      order = new int[n];
      priority = new double[n];
    }
    if (count.length != m || closedForm == null) {
      count = new int[m];
      closedForm = new ClosedForm(m);
    }
    // A random arrival order (Fisher–Yates).
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[k];
      order[k] = t;
    }
    java.util.Arrays.fill(count, 0);
    double[] rate = inst.rate();
    for (int pos = 0; pos < n; pos++) {
      int i = order[pos];
      priority[i] = pos;
      if (rng.nextDouble() < epsilon) {
        x[i] = ClosedForm.LOCAL;
        continue;
      }
      int pickJ = 0;
      switch (rule) {
        case RANDOM -> pickJ = rng.nextInt(m);
        case MAX_SINR -> {
          double bestR = -1;
          for (int j = 0; j < m; j++) {
            if (rate[i * m + j] > bestR) {
              bestR = rate[i * m + j];
              pickJ = j;
            }
          }
        }
        case MAX_COMPUTE -> {
          double bestC = -1;
          for (int j = 0; j < m; j++) {
            double c = inst.coreFlops()[j] * inst.cores()[j] / (count[j] + 1.0);
            if (c > bestC) {
              bestC = c;
              pickJ = j;
            }
          }
        }
        case COMBINED -> {
          double bestD = Double.POSITIVE_INFINITY;
          double f = inst.flops()[i];
          double rho = inst.parallelFraction()[i];
          for (int j = 0; j < m; j++) {
            double share = count[j] + 1.0;
            double d =
                inst.bits()[i] * share / rate[i * m + j]
                    + f * (1 - rho) / inst.coreFlops()[j]
                    + f * rho * share / (inst.coreFlops()[j] * inst.cores()[j]);
            if (d < bestD) {
              bestD = d;
              pickJ = j;
            }
          }
        }
        default -> throw new IllegalStateException(rule.toString());
      }
      x[i] = pickJ;
      count[pickJ]++;
    }
    int dropped = closedForm.enforceMemory(inst, x, priority);
    return new SolveStats(closedForm.objective(inst, x), Double.NaN, 0, false, dropped);
  }
}
