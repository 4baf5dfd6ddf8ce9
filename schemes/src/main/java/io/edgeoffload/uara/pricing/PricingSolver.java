package io.edgeoffload.uara.pricing;

import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.uara.AssociationSolver;
import io.edgeoffload.uara.UaraInstance;
import io.edgeoffload.uara.allocation.ClosedForm;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * UARA Algorithm 1. Each iteration: (i) every device picks the option of least price-adjusted cost,
 * eq. (29), with "local" worth 0; (ii) the dual value g(μ, ν), eq. (30), is a lower bound on the
 * optimum and the best so far is kept (Proposition 1); (iii) the picked association is made
 * memory-feasible (13), priced by the true objective J under the closed forms (22)–(24), and kept
 * if best; (iv) every server updates its prices by a sub-gradient step, eq. (31), with μ paired
 * with the communication sums and ν with the compute sums (the printed (31) uses the compute sum
 * for both; MODEL-NOTES UARA 2).
 *
 * <p>The sums that drive (31) are those of the association the servers actually see; with {@code
 * activeShare = 1} that is x* of (29), the exact sub-gradient (32).
 *
 * <p>Flat arrays and a workspace reused across calls: no allocation per iteration.
 */
public final class PricingSolver implements AssociationSolver {
  /** Called after every iteration with the association recovered in it (read-only). */
  @FunctionalInterface
  public interface Listener {
    void onIteration(int t, double dual, double primal, int[] association);
  }

  private final PricingConfig config;
  private Listener listener;
  private int n = -1;
  private int m = -1;
  private double[] mu;
  private double[] nu;
  private double[] lambda;
  private double[] nuQ;
  private double[] sumComm;
  private double[] sumPar;
  private double[] memUse;
  private int[] choice;
  private int[] pick;
  private int[] best;
  private double[] reduced;
  private ClosedForm closedForm;

  public PricingSolver(PricingConfig config) {
    this.config = config;
  }

  /** Sets a listener (tests, traces); null for none. */
  public PricingSolver listener(Listener l) {
    this.listener = l;
    return this;
  }

  @Override
  public String id() {
    return "pricing";
  }

  private void workspace(int devices, int servers) {
    if (devices == n && servers == m) {
      return;
    }
    n = devices;
    m = servers;
    mu = new double[m];
    nu = new double[m];
    lambda = new double[m];
    nuQ = new double[m];
    sumComm = new double[m];
    sumPar = new double[m];
    memUse = new double[m];
    choice = new int[n];
    pick = new int[n];
    best = new int[n];
    reduced = new double[n];
    closedForm = new ClosedForm(m);
  }

  @Override
  public SolveStats solve(UaraInstance inst, SplittableRandom rng, int[] association) {
    workspace(inst.devices(), inst.servers());
    double[] a = inst.sqrtComm();
    double[] p = inst.sqrtParallel();
    double[] q = inst.invSqrtCompute();
    double[] s = inst.serialFlops();
    double[] r = inst.invCoreFlops();
    double[] k = inst.pairEnergyCoefficient();
    double[] local = inst.localCost();
    double[] mem = inst.memory();
    double[] cap = inst.memoryCapacity();
    double localSum = inst.localCostSum();
    double meanLocal = localSum / n;

    // Initial prices: the fixed point of (31) if the devices spread evenly over the servers.
    Arrays.fill(mu, 0.0);
    Arrays.fill(nu, 0.0);
    Arrays.fill(lambda, 0.0);
    for (int i = 0; i < n; i++) {
      int row = i * m;
      for (int j = 0; j < m; j++) {
        mu[j] += a[row + j];
        nu[j] += p[i] * q[j];
      }
    }
    for (int j = 0; j < m; j++) {
      mu[j] *= 2.0 / m;
      nu[j] *= 2.0 / m;
    }

    Arrays.fill(choice, ClosedForm.LOCAL);
    long threshold = (long) (config.activeShare() * (1L << 53));
    double bestDual = Double.NEGATIVE_INFINITY;
    double bestPrimal = Double.POSITIVE_INFINITY;
    int sinceBetter = 0;
    int bestDropped = 0;
    int t = 0;
    boolean converged = false;
    while (t < config.maxIterations()) {
      // (i) Devices pick by eq. (29): argmin_j μ_j a_ij + ν_j p_i q_j + c_ij (+ λ_j m_i), or local.
      for (int j = 0; j < m; j++) {
        nuQ[j] = nu[j] * q[j];
      }
      Arrays.fill(sumComm, 0.0);
      Arrays.fill(sumPar, 0.0);
      Arrays.fill(memUse, 0.0);
      double minSum = 0;
      for (int i = 0; i < n; i++) {
        int row = i * m;
        double pi = p[i];
        double si = s[i];
        double ki = k[i];
        double mi = mem[i];
        double li = local[i];
        double bestV = 0.0;
        int bestJ = ClosedForm.LOCAL;
        for (int j = 0; j < m; j++) {
          double aij = a[row + j];
          double v = mu[j] * aij + nuQ[j] * pi + r[j] * si + ki * aij * aij + lambda[j] * mi - li;
          if (v < bestV) {
            bestV = v;
            bestJ = j;
          }
        }
        minSum += bestV;
        // Algorithm 1, line 7: only the devices with a new service re-pick (all when share = 1).
        if (t == 0 || threshold >= (1L << 53) || active(i, t) < threshold) {
          choice[i] = bestJ;
        }
        int j = choice[i];
        pick[i] = j;
        // Admission rank for the memory check: the device's price-adjusted saving on its server.
        reduced[i] =
            j < 0
                ? 0.0
                : mu[j] * a[row + j]
                    + nuQ[j] * pi
                    + r[j] * si
                    + ki * a[row + j] * a[row + j]
                    + lambda[j] * mi
                    - li;
        if (j >= 0) {
          sumComm[j] += a[row + j];
          sumPar[j] += pi * q[j];
          memUse[j] += mi;
        }
      }
      // (ii) UARA eq. (30): g = Σ_i L_i + Σ_i min(0, min_j …) − Σ_j (μ_j² + ν_j²)/4 − Σ_j λ_j
      // cap_j.
      double dual = localSum + minSum;
      for (int j = 0; j < m; j++) {
        dual -= 0.25 * (mu[j] * mu[j] + nu[j] * nu[j]) + lambda[j] * cap[j];
      }
      boolean better = false;
      if (dual > bestDual + 1e-12 * Math.abs(dual)) {
        bestDual = dual;
        better = true;
      }
      // (iii) Primal recovery: memory first (most negative reduced cost admitted first), then J.
      int dropped = closedForm.enforceMemory(inst, pick, reduced);
      double primal = closedForm.objective(inst, pick);
      if (primal < bestPrimal - 1e-12 * Math.abs(primal)) {
        bestPrimal = primal;
        bestDropped = dropped;
        System.arraycopy(pick, 0, best, 0, n);
        better = true;
      }
      if (listener != null) {
        listener.onIteration(t, dual, primal, pick);
      }
      t++;
      if (bestPrimal - bestDual <= config.gapTolerance() * Math.abs(bestPrimal)) {
        converged = true;
        break;
      }
      sinceBetter = better ? 0 : sinceBetter + 1;
      if (sinceBetter >= config.patience()) {
        break;
      }
      // (iv) UARA eq. (31), corrected pairing: ascent along the sub-gradients (32).
      double e1 = config.step(config.stepMu(), t - 1);
      double e2 = config.step(config.stepNu(), t - 1);
      double e3 = config.step(config.stepMemory(), t - 1);
      for (int j = 0; j < m; j++) {
        mu[j] = Math.max(0.0, mu[j] + e1 * (sumComm[j] - 0.5 * mu[j]));
        nu[j] = Math.max(0.0, nu[j] + e2 * (sumPar[j] - 0.5 * nu[j]));
        lambda[j] = Math.max(0.0, lambda[j] + e3 * meanLocal * (memUse[j] - cap[j]) / cap[j]);
      }
    }
    if (config.polish()) {
      bestPrimal = BestResponse.polish(inst, best, closedForm);
    }
    System.arraycopy(best, 0, association, 0, n);
    return new SolveStats(bestPrimal, bestDual, t, converged, bestDropped);
  }

  /** A uniform 53-bit number from (device, iteration): which devices re-pick, deterministically. */
  private static long active(int i, int t) {
    return RandomStreams.mix64(((long) t << 32) ^ i ^ 0x9E3779B97F4A7C15L) >>> 11;
  }

  /** The current prices μ (for traces and tests); valid after {@link #solve}. */
  public double[] mu() {
    return mu.clone();
  }

  /** The current prices ν; valid after {@link #solve}. */
  public double[] nu() {
    return nu.clone();
  }
}
