package io.edgeoffload.collab;

import io.edgeoffload.core.StepResult;
import java.util.Arrays;

/**
 * {@code collab-slotted-v1}: the time-based MDP that Fig. 7 compares against. One step is a slot of
 * fixed length τ; each MD's action applies, as one decision (its task-1 entries; the window entry
 * is ignored), to every task the MD starts inside the slot. A task that outlasts the slot keeps the
 * MD busy into the next ones, whose decisions then do not touch it: the history dependence Sec.
 * IV-A describes.
 *
 * <p>Our reading of the reward (the paper gives none; "it does not include a waiting time
 * penalty"): r_t = −(Δ_t + (β/N)·E_t), with Δ_t the time of the slot during which some MD still
 * works (in {@code rewardLatencyUnit}) and E_t the energy of the tasks started in it, so that an
 * episode's return is the objective of eq. (4). With {@code slotReward: started} (a probe) the
 * reward is eq. (8) without its waiting term over the tasks started in the slot: the longest MD's
 * sum of their latencies and their energy, divided by W_t = tasks started / N (0 when none starts).
 * Interference and server load count the MDs that start tasks in the same slot.
 */
public final class CollabSlottedEnv extends CollabEnvBase {
  public static final String ID = "collab-slotted-v1";

  private final double[] clock;
  private final boolean[] started;
  private final Decision[] dec;
  private final double[] rx;
  private final int[] load;
  private final boolean[] active;
  private final double[] startedLatency;
  private final double[] trans = new double[1];
  private double now;
  private int slot;

  public CollabSlottedEnv(CollabEnvConfig cfg, Workload work) {
    super(cfg, work);
    clock = new double[n];
    started = new boolean[n];
    dec = new Decision[n];
    for (int i = 0; i < n; i++) {
      dec[i] = new Decision();
    }
    rx = new double[n];
    load = new int[cfg.numServers()];
    active = new boolean[n];
    startedLatency = new double[n];
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  protected void onReset() {
    Arrays.fill(clock, 0.0);
    Arrays.fill(started, false);
    now = 0;
    slot = 0;
  }

  private double maxClock() {
    double m = 0;
    for (double c : clock) {
      m = Math.max(m, c);
    }
    return m;
  }

  @Override
  public StepResult step(float[][] actions) {
    double[] info = result.info();
    Arrays.fill(info, 0.0);
    double tau = cfg.slotLength().seconds();
    double end = now + tau;
    if (allDone() && maxClock() <= now) {
      Arrays.fill(result.rewards(), 0.0);
      Arrays.fill(result.terminated(), true);
      writeObservations(result.observations());
      return result;
    }
    drawGains();
    Arrays.fill(load, 0);
    for (int i = 0; i < n; i++) {
      active[i] = remaining[i] > 0 && clock[i] < end;
      if (active[i]) {
        decode(actions[i], 0, dec[i]);
        rx[i] = sentBits(dec[i].point) > 0 ? dec[i].power * gain[i] : 0.0;
        if (serverMacs(dec[i].point) > 0) {
          load[dec[i].server]++;
        }
      } else {
        rx[i] = 0.0;
      }
    }
    double energy = 0;
    int tasks = 0;
    int offloaded = 0;
    for (int i = 0; i < n; i++) {
      if (!active[i]) {
        continue;
      }
      Decision d = dec[i];
      double inter = 0;
      for (int j = 0; j < n; j++) {
        if (j != i && active[j] && dec[j].channel == d.channel) {
          inter += rx[j]; // COLLAB eq. (1)
        }
      }
      double rate =
          CollabModel.rate(cfg.bandwidth().hertz(), d.power, gain[i], cfg.noise().watts(), inter);
      double l = taskLatency(d, rate, load[d.server], trans); // COLLAB eq. (2)
      double e = taskEnergy(d, trans[0]); // COLLAB eq. (3)
      double t = Math.max(clock[i], now);
      startedLatency[i] = 0;
      while (remaining[i] > 0 && t < end) {
        t += l;
        startedLatency[i] += l;
        remaining[i]--;
        report(i, slot, d, inter, trans[0], l, load[d.server]);
        energy += e;
        tasks++;
        if (d.offloads) {
          offloaded++;
        }
      }
      clock[i] = t;
      started[i] = true;
    }
    boolean done = allDone() && maxClock() <= end;
    double elapsed = done ? Math.max(0.0, maxClock() - now) : tau;
    double wait = 0;
    if (done) {
      double m = maxClock();
      for (int i = 0; i < n; i++) {
        if (started[i]) {
          wait += m - clock[i];
        }
      }
    }
    double r;
    if (cfg.slotReward().equals(CollabEnvConfig.SLOT_REWARD_STARTED)) {
      // eq. (8) less its waiting term, over the tasks started in this slot (a probe, note 9)
      double longest = 0;
      for (int i = 0; i < n; i++) {
        if (active[i]) {
          longest = Math.max(longest, startedLatency[i]);
        }
      }
      r =
          tasks == 0
              ? 0.0
              : CollabModel.reward(
                  longest,
                  0.0,
                  energy,
                  cfg.rewardPerTask() ? (double) tasks / n : 1.0,
                  cfg.alpha(),
                  cfg.beta(),
                  n,
                  cfg.rewardLatencyUnit().seconds());
    } else {
      r =
          -(elapsed / cfg.rewardLatencyUnit().seconds()
              + cfg.beta() / n * energy); // eq. (4) per slot
    }
    now = end;
    slot++;
    Arrays.fill(result.rewards(), r);
    Arrays.fill(result.terminated(), done);
    Arrays.fill(result.truncated(), false);
    info[I_REWARD] = r;
    info[I_LATENCY] = elapsed;
    info[I_ENERGY] = energy;
    info[I_TASKS] = tasks;
    info[I_WAIT] = wait;
    info[I_OFFLOADED] = offloaded;
    info[I_WINDOWS] = 1;
    info[I_MAKESPAN] = elapsed;
    drawDistances();
    writeObservations(result.observations());
    return result;
  }
}
