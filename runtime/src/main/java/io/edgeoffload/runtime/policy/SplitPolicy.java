package io.edgeoffload.runtime.policy;

/** Chooses the partition point of each request. Implementations must be thread-confined or safe. */
public interface SplitPolicy {

  /** The registry id. */
  String id();

  /** The decision for one request; the point must be one of {@code obs.candidates()}. */
  SplitDecision decide(SplitObservation obs);
}
