package io.edgeoffload.uara;

import io.edgeoffload.core.Policy;
import java.util.SplittableRandom;

/**
 * An {@link AssociationSolver} acting in {@code uara-v1}: each slot it solves the current instance
 * and writes every device's association as its action.
 */
public final class SolverPolicy implements Policy {
  private final AssociationSolver solver;
  private final UaraEnv env;
  private final int[] association;
  private SplittableRandom rng = new SplittableRandom(0);

  public SolverPolicy(AssociationSolver solver, UaraEnv env) {
    this.solver = solver;
    this.env = env;
    this.association = new int[env.numAgents()];
  }

  @Override
  public String id() {
    return solver.id();
  }

  @Override
  public void reset(long seed) {
    rng = new SplittableRandom(seed);
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    AssociationSolver.SolveStats s = solver.solve(env.instance(), rng, association);
    env.noteSolve(s.iterations(), s.memoryDropped());
    for (int i = 0; i < association.length; i++) {
      actions[i][0] = association[i];
    }
  }
}
