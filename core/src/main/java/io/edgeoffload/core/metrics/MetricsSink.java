package io.edgeoffload.core.metrics;

/**
 * Where algorithms and runners report scalars, under namespaced keys ({@code
 * charts/episode_reward}, {@code losses/critic}, {@code env/timeout_rate}). Algorithms never write
 * files or draw plots; the lab decides what a sink does with the values.
 */
@FunctionalInterface
public interface MetricsSink {
  /** A sink that drops everything. */
  MetricsSink NONE = (key, step, value) -> {};

  void scalar(String key, long step, double value);
}
