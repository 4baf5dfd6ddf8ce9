package io.edgeoffload.runtime.policy;

import io.edgeoffload.runtime.wire.ServerLoad;
import java.util.List;
import java.util.Map;

/**
 * What a device knows when it decides a request.
 *
 * @param requestId the request's id
 * @param localPoint S, the point that runs everything on the device
 * @param candidates points the device may choose, ascending, S last; the points other than S are
 *     served by the server when {@code serverAvailable}
 * @param bytesSent bytes sent at each candidate (0 at S)
 * @param deviceSeconds predicted device compute of each candidate (its head; at S the full model),
 *     seconds
 * @param serverAvailable whether the last contact with the server succeeded
 * @param bandwidthBitsPerSecond estimated uplink rate, bit/s
 * @param baseLatencySeconds estimated round trip of an empty request, seconds
 * @param load the server's last report (null when never reached)
 * @param deadlineSeconds the request's deadline, seconds
 */
public record SplitObservation(
    long requestId,
    int localPoint,
    List<Integer> candidates,
    Map<Integer, Long> bytesSent,
    Map<Integer, Double> deviceSeconds,
    boolean serverAvailable,
    double bandwidthBitsPerSecond,
    double baseLatencySeconds,
    ServerLoad load,
    double deadlineSeconds) {

  /** Copies. */
  public SplitObservation {
    candidates = List.copyOf(candidates);
    bytesSent = Map.copyOf(bytesSent);
    deviceSeconds = Map.copyOf(deviceSeconds);
  }

  /** Whether s can be offloaded now: the server is up and reports a service time for s. */
  public boolean offloadable(int s) {
    return s != localPoint
        && serverAvailable
        && load != null
        && load.serviceSeconds().containsKey(s);
  }
}
