package io.edgeoffload.uara.pricing;

import io.edgeoffload.core.config.Check;

/**
 * Step sizes and the stopping rule of the pricing algorithm (Algorithm 1, eq. 31).
 *
 * <p>The prices μ_j and ν_j carry the unit √s, as do their sub-gradients Σ a_ij x_ij − μ_j/2, so
 * the steps η₁ and η₂ are dimensionless: η = 2 jumps straight to the best response μ_j = 2Σ a_ij
 * x_ij. The memory price λ_j (our addition for eq. 13, which the paper's dual leaves out) moves by
 * η₃·L̄·(use_j − cap_j)/cap_j, with L̄ the mean local cost, so η₃ is dimensionless too.
 *
 * @param maxIterations T, the most iterations (Algorithm 1, line 4)
 * @param stepMu η₁ for the communication prices μ (eq. 31)
 * @param stepNu η₂ for the compute prices ν (eq. 31)
 * @param stepMemory η₃ for the memory prices λ
 * @param schedule {@code diminishing} (η/√(t+1), the classic sub-gradient rule) or {@code constant}
 * @param gapTolerance stop when (best primal − best dual) ≤ this × |best primal|
 * @param patience stop after this many iterations without a better primal or dual value
 * @param polish after the prices, let devices move one at a time while that lowers J (our addition;
 *     off reproduces Algorithm 1)
 */
public record PricingConfig(
    int maxIterations,
    double stepMu,
    double stepNu,
    double stepMemory,
    String schedule,
    double gapTolerance,
    int patience,
    boolean polish,
    double activeShare) {

  public static final String DIMINISHING = "diminishing";
  public static final String CONSTANT = "constant";

  public PricingConfig {
    Check.range("maxIterations", maxIterations, 1, 1_000_000);
    Check.range("stepMu", stepMu, 1e-9, 2.0);
    Check.range("stepNu", stepNu, 1e-9, 2.0);
    Check.range("stepMemory", stepMemory, 0.0, 100.0);
    Check.oneOf("schedule", schedule, DIMINISHING, CONSTANT);
    Check.range("gapTolerance", gapTolerance, 0.0, 1.0);
    Check.range("patience", patience, 1, 1_000_000);
    Check.range("activeShare", activeShare, 1e-6, 1.0);
  }

  /** The defaults of the shipped presets. */
  public static PricingConfig defaults() {
    return new PricingConfig(500, 1.0, 1.0, 0.5, DIMINISHING, 1e-3, 100, false, 0.1);
  }

  /** This configuration with another polish flag. */
  public PricingConfig withPolish(boolean p) {
    return new PricingConfig(
        maxIterations,
        stepMu,
        stepNu,
        stepMemory,
        schedule,
        gapTolerance,
        patience,
        p,
        activeShare);
  }

  /** This configuration with another active share. */
  public PricingConfig withActiveShare(double share) {
    return new PricingConfig(
        maxIterations, stepMu, stepNu, stepMemory, schedule, gapTolerance, patience, polish, share);
  }

  /** The step at iteration t (from 0). */
  double step(double base, int t) {
    return schedule.equals(DIMINISHING) ? base / Math.sqrt(t + 1.0) : base;
  }
}
