package io.edgeoffload.uara.allocation;

import io.edgeoffload.core.util.IndexSort;
import io.edgeoffload.uara.UaraInstance;

/**
 * The optimal bandwidth and compute shares for a fixed association (eqs. 22–24) and the objective
 * they give. Holds its own workspace, sized for one number of servers and devices: reuse one
 * instance per thread, no allocation per call.
 *
 * <p>An association is an {@code int[]} over devices: the server index, or {@link #LOCAL}.
 */
public final class ClosedForm {
  /** The association value of a device that computes locally (x_ij = 0 for all j, eq. 2). */
  public static final int LOCAL = -1;

  private final double[] sumComm;
  private final double[] sumPar;
  private final double[] memUse;
  private int[] order = new int[0];
  private int[] scratch = new int[0];

  public ClosedForm(int servers) {
    sumComm = new double[servers];
    sumPar = new double[servers];
    memUse = new double[servers];
  }

  /** Fills the per-server sums Σ a_ij and Σ p_i·q_j of the association. */
  private void sums(UaraInstance inst, int[] assoc) {
    int m = inst.servers();
    java.util.Arrays.fill(sumComm, 0, m, 0.0);
    java.util.Arrays.fill(sumPar, 0, m, 0.0);
    double[] a = inst.sqrtComm();
    double[] p = inst.sqrtParallel();
    double[] q = inst.invSqrtCompute();
    for (int i = 0; i < assoc.length; i++) {
      int j = assoc[i];
      if (j >= 0) {
        sumComm[j] += a[i * m + j];
        sumPar[j] += p[i] * q[j];
      }
    }
  }

  /**
   * J(X) under the closed-form shares: Σ_j (Σ a_ij)² + Σ_j (Σ p_i q_j)² + Σ c_ij x_ij + Σ_i L_i
   * (UARA P5a plus the constant local costs).
   */
  public double objective(UaraInstance inst, int[] assoc) {
    sums(inst, assoc);
    int m = inst.servers();
    double total = inst.localCostSum();
    for (int j = 0; j < m; j++) {
      // UARA (P5a): the communication and parallel-compute sums of ES j, squared.
      total += sumComm[j] * sumComm[j] + sumPar[j] * sumPar[j];
    }
    for (int i = 0; i < assoc.length; i++) {
      if (assoc[i] >= 0) {
        total += inst.pairCost(i, assoc[i]);
      }
    }
    return total;
  }

  /**
   * The shares y_i = y_{i,x_i} (eq. 22) and z_i = z_{i,x_i} (eq. 24) of each device on its server;
   * zero for a local device.
   */
  public void shares(UaraInstance inst, int[] assoc, double[] y, double[] z) {
    sums(inst, assoc);
    int m = inst.servers();
    double[] a = inst.sqrtComm();
    double[] p = inst.sqrtParallel();
    double[] q = inst.invSqrtCompute();
    for (int i = 0; i < assoc.length; i++) {
      int j = assoc[i];
      if (j < 0) {
        y[i] = 0;
        z[i] = 0;
      } else {
        // UARA eq. (22): y_ij = √(d_i/R_ij) / Σ_k √(d_k/R_kj).
        y[i] = a[i * m + j] / sumComm[j];
        // UARA eq. (24): z_ij = √(f_i ρ_i/(F_j Z_j)) / Σ_k √(f_k ρ_k/(F_j Z_j)).
        z[i] = sumPar[j] > 0 ? p[i] * q[j] / sumPar[j] : 1.0;
      }
    }
  }

  /**
   * Delays and energies of the association under the closed-form shares.
   *
   * @param lowBatteryShare a battery device is "low" below this fraction of its capacity
   */
  public Outcome evaluate(UaraInstance inst, int[] assoc, double lowBatteryShare, Outcome out) {
    out.objective = objective(inst, assoc); // also fills the sums
    int m = inst.servers();
    double[] a = inst.sqrtComm();
    double[] p = inst.sqrtParallel();
    double[] q = inst.invSqrtCompute();
    double[] w = inst.commWeight();
    double[] b = inst.battery();
    double[] cap = inst.batteryCapacity();
    double latency = 0;
    double comm = 0;
    double compute = 0;
    double devE = 0;
    double srvE = 0;
    double weighted = 0;
    int off = 0;
    int low = 0;
    int lowOff = 0;
    for (int i = 0; i < assoc.length; i++) {
      int j = assoc[i];
      boolean battery = !Double.isInfinite(b[i]);
      boolean isLow = battery && b[i] < lowBatteryShare * cap[i];
      double e;
      if (j < 0) {
        compute += inst.localDelay()[i];
        latency += inst.localDelay()[i];
        e = inst.localEnergy()[i];
      } else {
        double aij = a[i * m + j];
        // eq. (6) with y from (22): d/(R·y) = (a²/w)·(Σa)/a = a·Σa/w.
        double tx = aij * sumComm[j] / w[i];
        // eq. (9) with z from (24): f(1−ρ)/F + fρ/(F·Z·z) = serial/F + p·q·Σpq.
        double cp = inst.serialFlops()[i] * inst.invCoreFlops()[j] + p[i] * q[j] * sumPar[j];
        comm += tx;
        compute += cp;
        latency += tx + cp;
        // eq. (16): transmit energy; eq. (18) over one task: δ_cp,ES·f_i.
        e = inst.txOverhead() * inst.txPower()[i] * tx;
        srvE += inst.serverEnergyPerFlop() * inst.flops()[i];
        off++;
      }
      devE += e;
      if (battery) {
        weighted += e / b[i];
      }
      if (isLow) {
        low++;
        if (j >= 0) {
          lowOff++;
        }
      }
    }
    out.latency = latency;
    out.commLatency = comm;
    out.computeLatency = compute;
    out.deviceEnergy = devE;
    out.serverEnergy = srvE;
    out.batteryWeightedEnergy = weighted;
    out.offloaded = off;
    out.lowBattery = low;
    out.lowBatteryOffloaded = lowOff;
    out.devices = assoc.length;
    return out;
  }

  /** True when every server's tasks fit its memory (eq. 13). */
  public boolean memoryFeasible(UaraInstance inst, int[] assoc) {
    return usage(inst, assoc);
  }

  private boolean usage(UaraInstance inst, int[] assoc) {
    int m = inst.servers();
    java.util.Arrays.fill(memUse, 0, m, 0.0);
    double[] mem = inst.memory();
    for (int i = 0; i < assoc.length; i++) {
      if (assoc[i] >= 0) {
        memUse[assoc[i]] += mem[i];
      }
    }
    double[] cap = inst.memoryCapacity();
    for (int j = 0; j < m; j++) {
      if (memUse[j] > cap[j]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Makes the association satisfy the memory constraint (13): where a server is over its memory,
   * devices are admitted in ascending {@code priority} (lower first; null: device order) while they
   * fit, and the rest compute locally. Returns the number of devices sent back to local.
   */
  public int enforceMemory(UaraInstance inst, int[] assoc, double[] priority) {
    if (usage(inst, assoc)) {
      return 0;
    }
    int n = assoc.length;
    if (order.length < n) {
      order = new int[n];
      scratch = new int[n];
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (assoc[i] >= 0) {
        order[k++] = i;
      }
    }
    if (priority != null) {
      IndexSort.sort(order, k, scratch, i -> priority[i]);
    }
    int m = inst.servers();
    java.util.Arrays.fill(memUse, 0, m, 0.0);
    double[] mem = inst.memory();
    double[] cap = inst.memoryCapacity();
    int dropped = 0;
    for (int t = 0; t < k; t++) {
      int i = order[t];
      int j = assoc[i];
      if (memUse[j] + mem[i] <= cap[j]) {
        memUse[j] += mem[i];
      } else {
        assoc[i] = LOCAL;
        dropped++;
      }
    }
    return dropped;
  }
}
