package io.edgeoffload.lab.sweep;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fraction done of every run executing in this JVM ({@link RunExecutor#execute} listens to its
 * run's {@link io.edgeoffload.core.util.WorkProgress} reports), read by the sweep's progress bar. A
 * run is here from its first report until it ends. Runs executed in other JVMs (Spark executors on
 * other machines) are not: their sweep advances by whole runs.
 */
final class InFlight {
  private InFlight() {}

  /** Per run id: the first fraction reported (above 0 for a run that resumed) and the last. */
  private static final Map<String, double[]> RUNS = new ConcurrentHashMap<>();

  static void report(String id, double fraction) {
    RUNS.compute(
        id,
        (k, v) -> v == null ? new double[] {fraction, fraction} : new double[] {v[0], fraction});
  }

  static void end(String id) {
    RUNS.remove(id);
  }

  /** {first, last} of run {@code id}, or null when it is not in flight here or has not reported. */
  static double[] of(String id) {
    double[] v = RUNS.get(id);
    return v == null ? null : v.clone();
  }
}
