package io.edgeoffload.nn;

/**
 * Regression losses over {@code n} scalar predictions, each returning the loss and writing its
 * gradient with respect to the predictions. Optional per-sample weights (the importance weights of
 * prioritised replay) multiply each term; the mean is over {@code n} either way.
 */
public final class Losses {

  private Losses() {}

  /**
   * Mean squared error {@code L = (1/n)·Σ w_i·(p_i − t_i)²}; {@code grad_i = 2·w_i·(p_i − t_i)/n}.
   *
   * @param weights per-sample weights, or {@code null} for 1
   */
  public static double mse(float[] pred, float[] target, float[] weights, int n, float[] grad) {
    double loss = 0;
    double inv = 1.0 / n;
    for (int i = 0; i < n; i++) {
      double w = weights == null ? 1.0 : weights[i];
      double d = (double) pred[i] - target[i];
      loss += w * d * d;
      grad[i] = (float) (2.0 * w * d * inv);
    }
    return loss * inv;
  }

  /**
   * Huber loss with threshold {@code delta}: quadratic {@code ½·d²} within {@code |d| ≤ δ}, linear
   * {@code δ·(|d| − ½δ)} beyond; weighted mean as in {@link #mse}.
   */
  public static double huber(
      float[] pred, float[] target, float[] weights, int n, double delta, float[] grad) {
    double loss = 0;
    double inv = 1.0 / n;
    for (int i = 0; i < n; i++) {
      double w = weights == null ? 1.0 : weights[i];
      double d = (double) pred[i] - target[i];
      double ad = Math.abs(d);
      if (ad <= delta) {
        loss += w * 0.5 * d * d;
        grad[i] = (float) (w * d * inv);
      } else {
        loss += w * delta * (ad - 0.5 * delta);
        grad[i] = (float) (w * delta * Math.signum(d) * inv);
      }
    }
    return loss * inv;
  }
}
