package io.edgeoffload.ucms.selection;

/**
 * How UDs and ESs are paired in a slot (UCMS Sec. 4.1). Every implementation places each UD at most
 * once and no ES beyond its capacity z_max (eqs. 15b, 15h); a UD left unplaced computes locally.
 */
public interface SelectionPolicy {
  /** The value of {@code assignment[n]} for a UD placed on no ES. */
  int UNASSIGNED = -1;

  String id();

  /**
   * Solves {@code problem}, writing the ES of every UD (or {@link #UNASSIGNED}) to {@code
   * assignment}.
   *
   * @param random a uniform draw in [0, 1) per call, for policies that randomise
   */
  void select(SelectionProblem problem, java.util.function.DoubleSupplier random, int[] assignment);
}
