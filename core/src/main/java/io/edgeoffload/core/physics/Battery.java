package io.edgeoffload.core.physics;

/** Battery physics shared by the schemes. Joules. */
public final class Battery {
  private Battery() {}

  /**
   * The next battery level after spending {@code spent} and harvesting {@code harvested}, clamped
   * to {@code [0, capacity]}: {@code min(max(b − e + d, 0), b_max)}.
   */
  public static double next(double level, double spent, double harvested, double capacity) {
    return Math.min(Math.max(level - spent + harvested, 0.0), capacity);
  }
}
