package io.edgeoffload.collab;

import io.edgeoffload.core.StepResult;
import java.util.Arrays;

/**
 * {@code collab-v1}: the task-aware MDP of Sec. IV-A. One step is one task window k: every MD n
 * runs W_{n,k} tasks in sequence (its action's window size, capped by its queue), the window lasts
 * as long as its slowest MD, and the reward is eq. (8).
 *
 * <p>Task x of every MD starts in the x-th position of the window; our reading of "sharing" inside
 * a window: task x of MD n is interfered with by task x of the other MDs that send on the same
 * channel (eq. 1), and is served alongside task x of the MDs that chose the same server (eq. 2).
 * Distances are redrawn after every window, shadow fading at every window.
 */
public final class CollabEnv extends CollabEnvBase {
  public static final String ID = "collab-v1";

  private final int[] window;
  private final Decision[] dec;
  private final double[] latency;
  private final double[] rx;
  private final int[] load;
  private final double[] trans = new double[1];

  public CollabEnv(CollabEnvConfig cfg, Workload work) {
    super(cfg, work);
    window = new int[n];
    dec = new Decision[n];
    for (int i = 0; i < n; i++) {
      dec[i] = new Decision();
    }
    latency = new double[n];
    rx = new double[n];
    load = new int[cfg.numServers()];
  }

  @Override
  public String id() {
    return ID;
  }

  /** W_{n,k} of the last window. */
  public int lastWindow(int i) {
    return window[i];
  }

  /** L_{n,k} of the last window, seconds. */
  public double lastLatency(int i) {
    return latency[i];
  }

  @Override
  public StepResult step(float[][] actions) {
    double[] info = result.info();
    Arrays.fill(info, 0.0);
    if (allDone()) {
      Arrays.fill(result.rewards(), 0.0);
      Arrays.fill(result.terminated(), true);
      writeObservations(result.observations());
      return result;
    }
    drawGains();
    int active = 0;
    int tasks = 0;
    for (int i = 0; i < n; i++) {
      int w = CollabActions.index(actions[i][CollabActions.window()], wMax) + 1;
      window[i] = Math.min(w, remaining[i]);
      latency[i] = 0;
      tasks += window[i];
      if (window[i] > 0) {
        active++;
      }
    }
    double energy = 0;
    int offloaded = 0;
    for (int x = 0; x < wMax; x++) {
      Arrays.fill(load, 0);
      for (int i = 0; i < n; i++) {
        if (x < window[i]) {
          decode(actions[i], x, dec[i]);
          rx[i] = sentBits(dec[i].point) > 0 ? dec[i].power * gain[i] : 0.0;
          if (serverMacs(dec[i].point) > 0) {
            load[dec[i].server]++;
          }
        } else {
          rx[i] = 0.0;
        }
      }
      for (int i = 0; i < n; i++) {
        if (x >= window[i]) {
          continue;
        }
        Decision d = dec[i];
        double inter = 0;
        for (int j = 0; j < n; j++) {
          if (j != i && x < window[j] && dec[j].channel == d.channel) {
            inter += rx[j]; // COLLAB eq. (1): co-channel MDs interfere
          }
        }
        double rate =
            CollabModel.rate(cfg.bandwidth().hertz(), d.power, gain[i], cfg.noise().watts(), inter);
        double l = taskLatency(d, rate, load[d.server], trans); // COLLAB eq. (2)
        report(i, x, d, inter, trans[0], l, load[d.server]);
        latency[i] += l; // L_{n,k} = Σ_x L_{n,k,x} (Sec. IV-A)
        energy += taskEnergy(d, trans[0]); // COLLAB eq. (3)
        if (d.offloads) {
          offloaded++;
        }
      }
    }
    double windowLatency = 0;
    for (int i = 0; i < n; i++) {
      if (window[i] > 0) {
        windowLatency = Math.max(windowLatency, latency[i]);
      }
    }
    double waitSum = 0;
    for (int i = 0; i < n; i++) {
      if (window[i] > 0) {
        waitSum += windowLatency - latency[i];
      }
    }
    double meanWait = waitSum / active;
    double meanWindow = (double) tasks / n; // W_k, the sample of W(π) (Sec. IV-A)
    double r =
        CollabModel.reward( // COLLAB eq. (8)
            windowLatency,
            meanWait,
            energy,
            cfg.rewardPerTask() ? meanWindow : 1.0,
            cfg.alpha(),
            cfg.beta(),
            n,
            cfg.rewardLatencyUnit().seconds());
    for (int i = 0; i < n; i++) {
      remaining[i] -= window[i];
    }
    boolean done = allDone();
    Arrays.fill(result.rewards(), r);
    Arrays.fill(result.terminated(), done);
    Arrays.fill(result.truncated(), false);
    info[I_REWARD] = r;
    info[I_LATENCY] = windowLatency;
    info[I_ENERGY] = energy;
    info[I_TASKS] = tasks;
    info[I_WAIT] = waitSum;
    info[I_OFFLOADED] = offloaded;
    info[I_WINDOWS] = 1;
    info[I_MAKESPAN] = windowLatency;
    drawDistances();
    writeObservations(result.observations());
    return result;
  }
}
