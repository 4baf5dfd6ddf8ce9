package io.edgeoffload.nn.optim;

/**
 * Adam's hyper-parameters (Kingma and Ba 2015, Algorithm 1).
 *
 * @param learningRate step size α, positive
 * @param beta1 decay of the first-moment estimate, in [0, 1)
 * @param beta2 decay of the second-moment estimate, in [0, 1)
 * @param epsilon added to √v̂, positive
 * @param maxGradNorm clip the global L2 norm of the gradient to this value before the step; 0 turns
 *     clipping off
 */
public record AdamConfig(
    double learningRate, double beta1, double beta2, double epsilon, double maxGradNorm) {

  public AdamConfig {
    check("learningRate", learningRate, learningRate > 0 && Double.isFinite(learningRate), "> 0");
    check("beta1", beta1, beta1 >= 0 && beta1 < 1, "in [0, 1)");
    check("beta2", beta2, beta2 >= 0 && beta2 < 1, "in [0, 1)");
    check("epsilon", epsilon, epsilon > 0 && Double.isFinite(epsilon), "> 0");
    check("maxGradNorm", maxGradNorm, maxGradNorm >= 0 && Double.isFinite(maxGradNorm), ">= 0");
  }

  /** α as given, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no clipping. */
  public static AdamConfig of(double learningRate) {
    return new AdamConfig(learningRate, 0.9, 0.999, 1e-8, 0);
  }

  /** The same with gradient clipping at {@code maxNorm}. */
  public AdamConfig withMaxGradNorm(double maxNorm) {
    return new AdamConfig(learningRate, beta1, beta2, epsilon, maxNorm);
  }

  private static void check(String name, double value, boolean ok, String allowed) {
    if (!ok) {
      throw new IllegalArgumentException("adam." + name + "=" + value + ": must be " + allowed);
    }
  }
}
