package io.edgeoffload.runtime.policy;

/**
 * Always the same point: {@code local-only} (s = S) and {@code point:S} (offload at s whenever the
 * server is up, else local). Baselines for the testbed, and deterministic choices for tests.
 */
public final class FixedPointPolicy implements SplitPolicy {

  private final String id;
  private final int point;

  /**
   * @param point the point; {@code Integer.MAX_VALUE} means S, whatever the model
   */
  public FixedPointPolicy(String id, int point) {
    this.id = id;
    this.point = point;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SplitDecision decide(SplitObservation obs) {
    int s = point == Integer.MAX_VALUE ? obs.localPoint() : point;
    if (s != obs.localPoint() && !obs.offloadable(s)) {
      s = obs.localPoint();
    }
    return new SplitDecision(s, LatencyPrediction.seconds(obs, s));
  }
}
