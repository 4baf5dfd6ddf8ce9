package io.edgeoffload.collab.baseline;

import io.edgeoffload.collab.CollabActions;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabEnvConfig;
import io.edgeoffload.collab.Workload;
import io.edgeoffload.core.Policy;

/**
 * A fixed schedule, not from the paper: the best schedule we know with every window full (W_max
 * tasks per MD), which eq. (8)'s return favours (docs/model-notes.md, COLLAB 12). With C channels
 * and N > C MDs, at task position x of window k the MDs rank by (i − x − k) mod N; the N − C of
 * lowest rank run the task locally and rank N − C + j offloads the raw input on channel j and
 * server j mod M at P_max. So no two MDs share a channel at a position (eq. 1, model note 5), and
 * over a window the local tasks spread as evenly as they can (3 MDs, 2 channels, W_max = 5: 2, 2
 * and 1). With N ≤ C every MD offloads every task. Where offloading the raw input is not faster
 * than local inference ({@link RoundRobinPolicy#slowestRawOffload} against L_local), every task
 * runs locally (local-only).
 */
public final class RotationPolicy implements Policy {
  private final CollabEnvBase env;
  private final int raw;
  private long window;

  public RotationPolicy(CollabEnvBase env) {
    this.env = env;
    this.raw = RoundRobinPolicy.rawInputPoint(env.workload());
  }

  @Override
  public String id() {
    return "rotation";
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
    int wMax = c.windowMax();
    int senders = Math.min(n, c.numChannels());
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    boolean pays =
        RoundRobinPolicy.slowestRawOffload(env, raw, all, senders)
            < RoundRobinPolicy.localLatency(env);
    double p = c.txPowerMax().watts();
    for (int i = 0; i < n; i++) {
      CollabActions.fill(actions[i], wMax, wMax, w.localIndex(), 0, 0, 0.0);
      if (!pays) {
        continue;
      }
      for (int x = 0; x < wMax; x++) {
        int rank = (int) Math.floorMod(i - x - window, (long) n);
        int channel = rank - (n - senders);
        if (channel >= 0) {
          actions[i][CollabActions.point(wMax, x)] = raw;
          actions[i][CollabActions.channel(wMax, x)] = channel;
          actions[i][CollabActions.server(wMax, x)] = channel % c.numServers();
          actions[i][CollabActions.power(wMax, x)] = (float) p;
        }
      }
    }
    window++;
  }
}
