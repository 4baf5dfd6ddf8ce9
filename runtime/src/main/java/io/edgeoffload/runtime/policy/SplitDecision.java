package io.edgeoffload.runtime.policy;

/**
 * A policy's choice for one request.
 *
 * @param point partition point s; S runs everything on the device
 * @param predictedSeconds the latency the policy expects, seconds (NaN when it makes no prediction)
 */
public record SplitDecision(int point, double predictedSeconds) {}
