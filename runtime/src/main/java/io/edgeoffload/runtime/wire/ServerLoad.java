package io.edgeoffload.runtime.wire;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the server reports about itself with every reply and on request: its model, its load and its
 * recent service times.
 *
 * @param model model id the server runs
 * @param queued admitted requests waiting for a worker
 * @param running requests being computed
 * @param workers size of the worker pool
 * @param maxSessions most requests admitted at once (queued + running); beyond, requests are shed
 * @param serviceSeconds for every point the server has a tail for: mean compute time of its recent
 *     runs (or of the warm-up run), seconds
 */
public record ServerLoad(
    String model,
    int queued,
    int running,
    int workers,
    int maxSessions,
    Map<Integer, Double> serviceSeconds) {
  /** Copies, sorted by point. */
  public ServerLoad {
    serviceSeconds = java.util.Collections.unmodifiableMap(new TreeMap<>(serviceSeconds));
  }

  /** Mean of the service times over the points, seconds (0 without points). */
  public double meanServiceSeconds() {
    return serviceSeconds.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
