package io.edgeoffload.collab.baseline;

import io.edgeoffload.collab.CollabActions;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabEnvConfig;
import io.edgeoffload.collab.CollabModel;
import io.edgeoffload.collab.Workload;
import io.edgeoffload.core.Policy;

/**
 * A fixed schedule, not from the paper: a reference for what one decision per MD and window can
 * reach. With C channels and N > C MDs, in window k the C MDs {@code (kC + j) mod N}, j = 0..C−1,
 * offload the raw input (the point with no device MACs) on channel j and server j mod M at P_max,
 * w_off tasks each; the other MDs run w_loc tasks locally. So no two MDs ever share a channel (eq.
 * 1) and every MD offloads in turn. (w_loc, w_off) maximise the predicted tasks per second of a
 * window, (N − C)·w_loc + C·w_off over max(w_loc·L_loc, w_off·L_off), with L_loc = 5·L_0 (eq. 2 on
 * the device) and L_off the raw input's transmission at the mean channel gain of the current
 * distances (eq. 1, no interference) plus its server latency under the schedule's load (eq. 2).
 * With N ≤ C every MD offloads, W_max tasks each. Where offloading the raw input is not faster than
 * local inference, every MD runs W_max tasks locally (local-only).
 */
public final class RoundRobinPolicy implements Policy {
  private final CollabEnvBase env;
  private final int raw;
  private final int fixedLocal;
  private final int fixedOffload;
  private long window;

  /** The schedule with the window sizes it predicts best. */
  public RoundRobinPolicy(CollabEnvBase env) {
    this(env, 0, 0);
  }

  /**
   * The schedule with fixed window sizes (1..W_max; 0 and 0: chosen as the class comment says), for
   * comparing schedules.
   */
  public RoundRobinPolicy(CollabEnvBase env, int localWindow, int offloadWindow) {
    int wMax = env.config().windowMax();
    boolean chosen = localWindow == 0 && offloadWindow == 0;
    if (!chosen && (localWindow < 1 || localWindow > wMax)) {
      throw new IllegalArgumentException("localWindow " + localWindow + " must be in 1.." + wMax);
    }
    if (!chosen && (offloadWindow < 1 || offloadWindow > wMax)) {
      throw new IllegalArgumentException(
          "offloadWindow " + offloadWindow + " must be in 1.." + wMax);
    }
    this.env = env;
    this.raw = rawInputPoint(env.workload());
    this.fixedLocal = localWindow;
    this.fixedOffload = offloadWindow;
  }

  /** L_local = localFactor · L_0 of the whole model on an MD (eq. 2 on the device). */
  static double localLatency(CollabEnvBase env) {
    Workload w = env.workload();
    return CollabModel.localLatency(
        w.totalMacs(), w.totalMacs(), w.baseLatency(), env.config().localFactor());
  }

  /**
   * The predicted latency of the slowest raw-input offload of the MDs {@code sending} when {@code
   * concurrent} MDs send at once, each on a channel of its own at P_max and at the mean channel
   * gain of its current distance (eq. 1, no interference), the servers sharing the load evenly (eq.
   * 2).
   */
  static double slowestRawOffload(CollabEnvBase env, int raw, int[] sending, int concurrent) {
    CollabEnvConfig c = env.config();
    Workload w = env.workload();
    double p = c.txPowerMax().watts();
    int load = (concurrent + c.numServers() - 1) / c.numServers(); // tasks per server
    double server =
        CollabModel.serverLatency(w.serverMacs(raw), w.totalMacs(), w.baseLatency(), load);
    double slowest = 0;
    for (int i : sending) {
      double gain =
          CollabModel.gain(env.distance(i), c.referenceDistanceM(), c.pathLossExponent(), 0.0);
      double rate = CollabModel.rate(c.bandwidth().hertz(), p, gain, c.noise().watts(), 0.0);
      slowest = Math.max(slowest, CollabModel.transLatency(w.bits(raw), rate) + server);
    }
    return slowest;
  }

  /** The point that sends the raw input: no device MACs, bits to send. */
  public static int rawInputPoint(Workload w) {
    for (int s = 0; s < w.size(); s++) {
      if (w.deviceMacs(s) == 0 && w.bits(s) > 0) {
        return s;
      }
    }
    throw new IllegalStateException("workload " + w.model() + " has no raw-input point");
  }

  @Override
  public String id() {
    return "round-robin";
  }

  @Override
  public void reset(long seed) {
    window = 0;
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    CollabEnvConfig c = env.config();
    Workload w = env.workload();
    int n = actions.length;
    int channels = c.numChannels();
    int servers = c.numServers();
    int wMax = c.windowMax();
    double p = c.txPowerMax().watts();
    int senders = Math.min(n, channels);
    double local = localLatency(env);
    int first = (int) ((window * senders) % n);
    int[] sending = new int[senders];
    for (int j = 0; j < senders; j++) {
      sending[j] = (first + j) % n;
    }
    double slowest = slowestRawOffload(env, raw, sending, senders);
    int wLocal = wMax;
    int wOff = 0;
    if (fixedOffload > 0) {
      wLocal = fixedLocal;
      wOff = fixedOffload;
    } else if (slowest < local) {
      if (senders == n) {
        wOff = wMax;
      } else {
        double best = -1;
        for (int a = 1; a <= wMax; a++) {
          for (int b = 1; b <= wMax; b++) {
            double perSecond = ((n - senders) * a + senders * b) / Math.max(a * local, b * slowest);
            if (perSecond > best + 1e-12) {
              best = perSecond;
              wLocal = a;
              wOff = b;
            }
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      CollabActions.fill(actions[i], wMax, wLocal, w.localIndex(), 0, 0, 0.0);
    }
    if (wOff > 0) {
      for (int j = 0; j < senders; j++) {
        int i = (first + j) % n;
        CollabActions.fill(actions[i], wMax, wOff, raw, j, j % servers, p);
      }
    }
    window++;
  }
}
