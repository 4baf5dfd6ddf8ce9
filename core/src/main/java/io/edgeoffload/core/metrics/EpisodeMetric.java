package io.edgeoffload.core.metrics;

import java.util.List;

/**
 * An episode-level metric defined as a ratio of per-step info values summed over the episode, so
 * that rates are exact ("timeouts / tasks", not a mean of per-step rates).
 *
 * @param name column name in result files, e.g. {@code timeout_rate}
 * @param numerator info key summed over the episode
 * @param denominator info key summed over the episode, or {@link #STEPS} for a per-step mean, or
 *     {@link #EPISODE} for an episode total
 * @param description one line for readers of result files and plots
 * @param headline true for the metrics a reader looks at first: the lab plots them for every run,
 *     draws their bar charts in comparisons and prints them after a run
 */
public record EpisodeMetric(
    String name, String numerator, String denominator, String description, boolean headline) {
  /** Denominator: the number of steps in the episode. */
  public static final String STEPS = "#steps";

  /** Denominator: none (the metric is the episode total). */
  public static final String EPISODE = "#episode";

  public EpisodeMetric {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("metric name must not be blank");
    }
  }

  /** A metric that is not a headline. */
  public EpisodeMetric(String name, String numerator, String denominator, String description) {
    this(name, numerator, denominator, description, false);
  }

  /** This metric marked as a headline. */
  public EpisodeMetric asHeadline() {
    return new EpisodeMetric(name, numerator, denominator, description, true);
  }

  /** Checks that the metric's keys exist in {@code infoKeys}. */
  public void checkKeys(List<String> infoKeys) {
    if (!infoKeys.contains(numerator)) {
      throw new IllegalArgumentException(
          "metric " + name + ": unknown info key '" + numerator + "'; known: " + infoKeys);
    }
    if (!denominator.equals(STEPS)
        && !denominator.equals(EPISODE)
        && !infoKeys.contains(denominator)) {
      throw new IllegalArgumentException(
          "metric " + name + ": unknown info key '" + denominator + "'; known: " + infoKeys);
    }
  }

  /**
   * The metric's value from episode sums of the info values (in {@code infoKeys} order). A ratio
   * with a zero denominator is 0 (e.g. the approval rate of an episode with no request).
   */
  public double value(double[] sums, List<String> infoKeys, int steps) {
    double num = sums[infoKeys.indexOf(numerator)];
    double den =
        switch (denominator) {
          case STEPS -> steps;
          case EPISODE -> 1.0;
          default -> sums[infoKeys.indexOf(denominator)];
        };
    return den == 0.0 ? 0.0 : num / den;
  }
}
