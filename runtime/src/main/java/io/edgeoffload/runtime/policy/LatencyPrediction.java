package io.edgeoffload.runtime.policy;

/** The latency model behind {@code latency-optimal}, one method per term. */
public final class LatencyPrediction {

  private LatencyPrediction() {}

  /**
   * Predicted end-to-end latency of point s, seconds: COLLAB eq. (2), L = L_local + I/R + L_server,
   * with I/R the transfer of the crossing bytes at the measured rate plus the measured base round
   * trip, and L_server the server's reported wait plus its service time for s (in place of the
   * paper's L_0 · number of MDs on the server). At s = S only L_local remains.
   */
  public static double seconds(SplitObservation obs, int s) {
    double local = obs.deviceSeconds().getOrDefault(s, Double.POSITIVE_INFINITY);
    if (s == obs.localPoint()) {
      return local; // COLLAB eq. (2) with I = 0 and no server part
    }
    if (!obs.offloadable(s)) {
      return Double.POSITIVE_INFINITY;
    }
    double transfer =
        8.0 * obs.bytesSent().getOrDefault(s, 0L) / obs.bandwidthBitsPerSecond()
            + obs.baseLatencySeconds(); // COLLAB eq. (2): I_n / R_n
    return local + transfer + serverWaitSeconds(obs) + obs.load().serviceSeconds().get(s);
  }

  /**
   * Expected wait at the server, seconds: the requests ahead (queued and running) shared over the
   * workers, each taking the mean reported service time (an M/D/c-style estimate; the paper's
   * counterpart is the L_0 · Σ 1(m_i = m_n) term of COLLAB eq. (2)).
   */
  public static double serverWaitSeconds(SplitObservation obs) {
    var l = obs.load();
    double ahead = l.queued() + l.running();
    return ahead / Math.max(1, l.workers()) * l.meanServiceSeconds();
  }
}
