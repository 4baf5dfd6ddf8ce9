package io.edgeoffload.rl.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.ToDoubleFunction;

/**
 * Central finite differences against an analytic gradient. Bound: |g − fd| ≤ 1e-6·max(|g|, |fd|) +
 * 1e-8, with step h = 1e-5 (truncation error O(h²) ≈ 1e-10 and rounding ≈ 1e-16·|f| / h ≈ 1e-10 for
 * the |f| ≲ 10 used here, both well inside the bound).
 */
final class GradCheck {
  static final double H = 1e-5;
  static final double REL = 1e-6;
  static final double ABS = 1e-8;

  private GradCheck() {}

  /**
   * Checks {@code analytic[go + j]} against ∂f/∂params[po + j] for j in [0, width).
   *
   * @return the largest relative error seen (for messages)
   */
  static double check(
      String what,
      double[] params,
      int po,
      int width,
      ToDoubleFunction<double[]> f,
      double[] analytic,
      int go) {
    double worst = 0;
    for (int j = 0; j < width; j++) {
      double x = params[po + j];
      params[po + j] = x + H;
      double up = f.applyAsDouble(params);
      params[po + j] = x - H;
      double down = f.applyAsDouble(params);
      params[po + j] = x;
      double fd = (up - down) / (2 * H);
      double g = analytic[go + j];
      double err = Math.abs(g - fd);
      double bound = REL * Math.max(Math.abs(g), Math.abs(fd)) + ABS;
      assertThat(err)
          .as("%s: parameter %d, analytic %s, finite difference %s", what, j, g, fd)
          .isLessThanOrEqualTo(bound);
      worst = Math.max(worst, err / Math.max(Math.max(Math.abs(g), Math.abs(fd)), 1e-300));
    }
    return worst;
  }
}
