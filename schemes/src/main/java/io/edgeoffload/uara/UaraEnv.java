package io.edgeoffload.uara;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.space.Box;
import io.edgeoffload.uara.allocation.ClosedForm;
import io.edgeoffload.uara.allocation.Outcome;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code uara-v1}: the online UARA system. Every device always has a task (Sec. 6.1); each slot is
 * a fresh snapshot (positions, channels, tasks, batteries, A1 and A4 of Sec. 3.1). Agent i's action
 * is one number, the server index it associates with, or a negative number for local computing. The
 * servers allocate by the closed forms (22)–(24); a server out of memory (13) sends devices back to
 * local computing in device order. Every device's reward is −J(X)/N_MD.
 *
 * <p>Observation of device i, each in [0, 1]: its remaining battery share (1 if mains-powered),
 * (log10 d_i − 3)/6, (log10 f_i − 7)/8, then (log10 R_ij − 4)/5 for every server j, clipped.
 */
public final class UaraEnv implements ParallelEnv {
  /** Info keys, summed over an episode by the runner. */
  public static final List<String> INFO_KEYS =
      List.of(
          "objective",
          "latency_sum",
          "comm_latency_sum",
          "compute_latency_sum",
          "device_energy_j",
          "server_energy_j",
          "weighted_energy",
          "offloaded",
          "tasks",
          "low_battery",
          "low_battery_offloaded",
          "memory_dropped",
          "iterations");

  private final UaraEnvConfig config;
  private final Scenario scenario;
  private final UaraInstance instance;
  private final ClosedForm closedForm;
  private final Outcome outcome = new Outcome();
  private final StepResult result;
  private final Box obsSpace;
  private final Box actSpace;
  private final int[] association;
  private final float[][] obs;
  private SplittableRandom rng;
  private double lastIterations;
  private double lastDropped;

  public UaraEnv(UaraEnvConfig config) {
    this.config = config;
    this.scenario = new Scenario(config);
    int n = config.numDevices();
    int m = config.numServers();
    this.instance = new UaraInstance(n, m);
    this.closedForm = new ClosedForm(m);
    this.result = new StepResult(n, 3 + m, INFO_KEYS.size());
    this.obsSpace = Box.uniform(3 + m, 0f, 1f);
    this.actSpace = Box.uniform(1, -1f, m - 1f);
    this.association = new int[n];
    this.obs = result.observations();
  }

  @Override
  public String id() {
    return "uara-v1";
  }

  public UaraEnvConfig config() {
    return config;
  }

  /** The current slot's problem, which the observations describe (read-only). */
  public UaraInstance instance() {
    return instance;
  }

  /**
   * A solver-backed policy reports its iterations and the devices it sent back to local for lack of
   * memory (13) here, for the {@code iterations} and {@code memory_dropped_share} metrics.
   */
  public void noteSolve(int iterations, int memoryDropped) {
    lastIterations = iterations;
    lastDropped = memoryDropped;
  }

  @Override
  public int numAgents() {
    return config.numDevices();
  }

  @Override
  public Box observationSpace(int agent) {
    return obsSpace;
  }

  @Override
  public Box actionSpace(int agent) {
    return actSpace;
  }

  @Override
  public List<String> infoKeys() {
    return INFO_KEYS;
  }

  @Override
  public float[][] reset(long seed) {
    rng = new SplittableRandom(seed);
    scenario.sample(rng, instance);
    observe();
    return obs;
  }

  @Override
  public StepResult step(float[][] actions) {
    int n = instance.devices();
    int m = instance.servers();
    for (int i = 0; i < n; i++) {
      float a = actions[i][0];
      int j = Math.round(a);
      association[i] = (a < -0.5f || Float.isNaN(a)) ? ClosedForm.LOCAL : Math.min(m - 1, j);
    }
    int dropped = closedForm.enforceMemory(instance, association, null);
    closedForm.evaluate(instance, association, config.lowBattery(), outcome);
    double[] info = result.info();
    info[0] = outcome.objective;
    info[1] = outcome.latency;
    info[2] = outcome.commLatency;
    info[3] = outcome.computeLatency;
    info[4] = outcome.deviceEnergy;
    info[5] = outcome.serverEnergy;
    info[6] = outcome.batteryWeightedEnergy;
    info[7] = outcome.offloaded;
    info[8] = n;
    info[9] = outcome.lowBattery;
    info[10] = outcome.lowBatteryOffloaded;
    info[11] = dropped + lastDropped;
    info[12] = lastIterations;
    lastIterations = 0;
    lastDropped = 0;
    double reward = -outcome.objective / n;
    java.util.Arrays.fill(result.rewards(), reward);
    // The next slot: a fresh snapshot.
    scenario.sample(rng, instance);
    observe();
    return result;
  }

  private void observe() {
    int n = instance.devices();
    int m = instance.servers();
    for (int i = 0; i < n; i++) {
      float[] o = obs[i];
      double b = instance.battery()[i];
      o[0] = Double.isInfinite(b) ? 1f : clip(b / instance.batteryCapacity()[i]);
      o[1] = clip((Math.log10(instance.bits()[i]) - 3) / 6);
      o[2] = clip((Math.log10(instance.flops()[i]) - 7) / 8);
      for (int j = 0; j < m; j++) {
        o[3 + j] = clip((Math.log10(instance.rate()[i * m + j]) - 4) / 5);
      }
    }
  }

  private static float clip(double v) {
    return (float) Math.min(1.0, Math.max(0.0, v));
  }

  @Override
  public float[] globalState() {
    int d = obsSpace.dim();
    float[] s = new float[obs.length * d];
    for (int i = 0; i < obs.length; i++) {
      System.arraycopy(obs[i], 0, s, i * d, d);
    }
    return s;
  }
}
