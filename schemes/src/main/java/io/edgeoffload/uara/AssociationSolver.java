package io.edgeoffload.uara;

import java.util.SplittableRandom;

/**
 * A strategy that associates every device with a server or with local computation (the problem /
 * solver split: {@link UaraInstance} is the data). The allocation that goes with an association is
 * always the closed form of {@link io.edgeoffload.uara.allocation.ClosedForm}.
 */
public interface AssociationSolver {
  /** Registered id, e.g. {@code pricing}. */
  String id();

  /**
   * Writes the association into {@code association} (server index, or {@code ClosedForm.LOCAL}); it
   * satisfies the memory constraint (13).
   *
   * @param rng the solver's randomness (baselines); deterministic solvers ignore it
   */
  SolveStats solve(UaraInstance instance, SplittableRandom rng, int[] association);

  /**
   * What a solver reports.
   *
   * @param objective J(X) of the association returned
   * @param dual the best dual value g(μ, ν) found (a lower bound on the optimum), or NaN
   * @param iterations price iterations run (0 for non-iterative solvers)
   * @param converged true when the stopping rule's gap criterion was met
   * @param memoryDropped devices that chose a server but compute locally because its memory (13)
   *     was full
   */
  record SolveStats(
      double objective, double dual, int iterations, boolean converged, int memoryDropped) {}
}
