package io.edgeoffload.collab.baseline;

import io.edgeoffload.collab.CollabActions;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabEnvConfig;
import io.edgeoffload.collab.CollabModel;
import io.edgeoffload.collab.Workload;
import io.edgeoffload.core.Policy;

/**
 * Neurosurgeon-style partitioning (Kang et al., the COLLAB paper's [20]) made multi-device: MDs
 * decide in turn, each taking the partition point, channel and server that minimise its predicted
 * per-task cost L + β·E (eq. 8 for one MD, latency in the reward's unit) given the decisions of the
 * MDs before it (their interference, eq. 1, and server load, eq. 2), with mean shadowing and full
 * power; two rounds of such best responses. W_max tasks per window. {@code chainOnly} restricts the
 * points to chain cuts ({@code neurosurgeon}); otherwise every operator-level point is a candidate
 * ({@code greedy}).
 */
public final class GreedyPartitionPolicy implements Policy {
  private static final int ROUNDS = 2;

  private final String id;
  private final CollabEnvBase env;
  private final boolean chainOnly;
  private final int[] point;
  private final int[] channel;
  private final int[] server;
  private final double[] gain;

  public GreedyPartitionPolicy(String id, CollabEnvBase env, boolean chainOnly) {
    this.id = id;
    this.env = env;
    this.chainOnly = chainOnly;
    int n = env.numAgents();
    point = new int[n];
    channel = new int[n];
    server = new int[n];
    gain = new double[n];
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    CollabEnvConfig c = env.config();
    Workload w = env.workload();
    int n = actions.length;
    double p = c.txPowerMax().watts();
    for (int i = 0; i < n; i++) {
      gain[i] =
          CollabModel.gain(env.distance(i), c.referenceDistanceM(), c.pathLossExponent(), 0.0);
      point[i] = -1; // undecided: neither interferes nor loads a server
    }
    double total = w.totalMacs();
    double l0 = w.baseLatency();
    double split = c.featureSplit();
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < n; i++) {
        double bestCost = Double.POSITIVE_INFINITY;
        int bs = w.localIndex();
        int bc = 0;
        int bm = 0;
        for (int ch = 0; ch < c.numChannels(); ch++) {
          double inter = 0;
          for (int j = 0; j < n; j++) {
            if (j != i && point[j] >= 0 && channel[j] == ch && w.bits(point[j]) > 0) {
              inter += p * gain[j];
            }
          }
          double rate =
              CollabModel.rate(c.bandwidth().hertz(), p, gain[i], c.noise().watts(), inter);
          for (int m = 0; m < c.numServers(); m++) {
            int load = 1;
            for (int j = 0; j < n; j++) {
              if (j != i && point[j] >= 0 && server[j] == m && w.serverMacs(point[j]) > 0) {
                load++;
              }
            }
            for (int s = 0; s < w.size(); s++) {
              if (chainOnly && !w.isChainCut(s)) {
                continue;
              }
              double dev = w.deviceMacs(s) + split * w.serverMacs(s);
              double srv = w.serverMacs(s) * (1 - split);
              double tl = CollabModel.transLatency(w.bits(s) * (1 - split), rate);
              double lat =
                  CollabModel.localLatency(dev, total, l0, c.localFactor())
                      + tl
                      + CollabModel.serverLatency(srv, total, l0, load);
              double e = CollabModel.energy(tl > 0 ? p : 0, tl, c.zetaPerMac(), dev);
              double cost = lat / c.rewardLatencyUnit().seconds() + c.beta() * e;
              if (cost < bestCost) {
                bestCost = cost;
                bs = s;
                bc = ch;
                bm = m;
              }
            }
          }
        }
        point[i] = bs;
        channel[i] = bc;
        server[i] = bm;
      }
    }
    for (int i = 0; i < n; i++) {
      CollabActions.fill(
          actions[i], c.windowMax(), c.windowMax(), point[i], channel[i], server[i], p);
    }
  }
}
