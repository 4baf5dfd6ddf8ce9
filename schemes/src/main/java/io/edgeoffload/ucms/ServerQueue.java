package io.edgeoffload.ucms;

import java.util.Arrays;

/**
 * One ES's CPUs within a slot, as a small event simulation (UCMS Sec. 3.3, eq. 9; MODEL-NOTES UCMS
 * 4). Approved tasks arrive in order of their transmission delay τ^o; each of the U_m CPUs runs one
 * task at a time; a task starts on the earliest free CPU at max(τ^o, τ^q), where τ^q is that CPU's
 * free time, and takes τ^p. A task that would finish after its deadline is dropped at the deadline
 * (its CPU is free from then on; one that could not even start before its deadline never occupies a
 * CPU); its full τ^a still enters the cost and penalty (MODEL-NOTES UCMS 5).
 */
final class ServerQueue {
  private double[] cpuFree = new double[0];

  /**
   * Runs the queue.
   *
   * @param ids the approved UDs in arrival order, {@code ids[0..k)}
   * @param arrival τ^o per UD (eq. 7)
   * @param processing τ^p per UD (eq. 8)
   * @param deadline φ per UD
   * @param cpus U_m
   * @param delay output: τ^a per UD (eq. 9)
   * @param start output: when the UD's task starts on a CPU
   * @param release output: when its CPU becomes free again (≤ start if it never ran)
   */
  void run(
      int[] ids,
      int k,
      double[] arrival,
      double[] processing,
      double[] deadline,
      int cpus,
      double[] delay,
      double[] start,
      double[] release) {
    if (cpuFree.length < cpus) {
      cpuFree = new double[cpus];
    }
    Arrays.fill(cpuFree, 0, cpus, 0.0);
    for (int i = 0; i < k; i++) {
      int u = ids[i];
      int cpu = 0;
      for (int j = 1; j < cpus; j++) {
        if (cpuFree[j] < cpuFree[cpu]) {
          cpu = j;
        }
      }
      double queueFree = cpuFree[cpu]; // τ^q
      double begin = Math.max(arrival[u], queueFree);
      double finish = UcmsModel.offloadDelay(processing[u], arrival[u], queueFree); // eq. (9)
      start[u] = begin;
      delay[u] = finish;
      if (begin < deadline[u]) {
        cpuFree[cpu] = Math.min(finish, deadline[u]);
        release[u] = cpuFree[cpu];
      } else {
        release[u] = begin; // expired while waiting: never occupies the CPU
      }
    }
  }
}
