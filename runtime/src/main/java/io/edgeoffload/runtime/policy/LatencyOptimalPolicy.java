package io.edgeoffload.runtime.policy;

/**
 * {@code latency-optimal}: the candidate with the smallest predicted latency ({@link
 * LatencyPrediction}); local-only wins ties, and is the only choice while the server is down.
 */
public final class LatencyOptimalPolicy implements SplitPolicy {

  /** Registry id. */
  public static final String ID = "latency-optimal";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SplitDecision decide(SplitObservation obs) {
    int best = obs.localPoint();
    double bestSeconds = LatencyPrediction.seconds(obs, best);
    for (int s : obs.candidates()) {
      double t = LatencyPrediction.seconds(obs, s);
      if (t < bestSeconds) {
        best = s;
        bestSeconds = t;
      }
    }
    return new SplitDecision(best, bestSeconds);
  }
}
