package io.edgeoffload.collab;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.core.space.Box;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What both COLLAB MDPs share: the task queues, the distances and shadowing, the observation, the
 * action space and the decoding of one task's decision into its latency and energy.
 *
 * <p>Observation of every MD (the global state S_k of eq. 7, the same row for all): for each MD n,
 * X_n / tasksMean and d_n / distanceMaxM.
 */
public abstract class CollabEnvBase implements ParallelEnv {
  /** Info keys, in order. */
  public static final List<String> INFO =
      List.of(
          "reward",
          "latency_s",
          "energy_j",
          "tasks",
          "wait_s",
          "offloaded",
          "windows",
          "makespan_s");

  static final int I_REWARD = 0;
  static final int I_LATENCY = 1;
  static final int I_ENERGY = 2;
  static final int I_TASKS = 3;
  static final int I_WAIT = 4;
  static final int I_OFFLOADED = 5;
  static final int I_WINDOWS = 6;
  static final int I_MAKESPAN = 7;

  protected final CollabEnvConfig cfg;
  protected final Workload work;
  protected final int n;
  protected final int wMax;
  protected final int obsDim;
  private final Box obsSpace;
  private final Box actSpace;
  protected final StepResult result;
  protected final int[] remaining;
  protected final double[] distance;
  protected final double[] gain;
  private final float[] state;
  private final float[][] obs;
  private SplittableRandom tasksRng;
  private SplittableRandom channelRng;

  protected CollabEnvBase(CollabEnvConfig cfg, Workload work) {
    this.cfg = cfg;
    this.work = work;
    this.n = cfg.numDevices();
    this.wMax = cfg.windowMax();
    this.obsDim = 2 * n;
    float[] lo = new float[obsDim];
    float[] hi = new float[obsDim];
    for (int i = 0; i < n; i++) {
      hi[2 * i] = (float) (cfg.maxTasks() / cfg.tasksMean());
      hi[2 * i + 1] =
          (float) (Math.max(cfg.distanceMaxM(), cfg.distanceFixedM()) / cfg.distanceMaxM());
    }
    obsSpace = new Box(lo, hi);
    int aw = CollabActions.width(wMax);
    float[] alo = new float[aw];
    float[] ahi = new float[aw];
    ahi[CollabActions.window()] = wMax - 1;
    for (int x = 0; x < wMax; x++) {
      ahi[CollabActions.point(wMax, x)] = work.size() - 1;
      ahi[CollabActions.channel(wMax, x)] = cfg.numChannels() - 1;
      ahi[CollabActions.server(wMax, x)] = cfg.numServers() - 1;
      ahi[CollabActions.power(wMax, x)] = (float) cfg.txPowerMax().watts();
    }
    actSpace = new Box(alo, ahi);
    result = new StepResult(n, obsDim, INFO.size());
    remaining = new int[n];
    distance = new double[n];
    gain = new double[n];
    state = new float[obsDim];
    obs = new float[n][obsDim];
  }

  /**
   * One task as the environment executed it: MD {@code md}, its position {@code x} (in the task
   * window of {@code collab-v1}; the slot's index in the episode in {@code collab-slotted-v1}), the
   * decoded point, channel, server and power (W), the co-channel received power it suffered (W),
   * its transmission time and whole latency (s), and the tasks the server ran alongside it.
   */
  public record Task(
      int md,
      int x,
      int point,
      boolean offloads,
      int channel,
      int server,
      double powerW,
      double interferenceW,
      double transmissionS,
      double latencyS,
      int serverLoad) {}

  private java.util.function.Consumer<Task> taskListener;

  /** Tells {@code listener} (null for none) of every task executed; it changes nothing. */
  public void onTask(java.util.function.Consumer<Task> listener) {
    this.taskListener = listener;
  }

  /** Tells the listener, if any, of one task MD {@code md} executed under decision {@code d}. */
  protected final void report(
      int md,
      int x,
      Decision d,
      double interferenceW,
      double transmissionS,
      double latencyS,
      int serverLoad) {
    if (taskListener != null) {
      taskListener.accept(
          new Task(
              md,
              x,
              d.point,
              d.offloads,
              d.channel,
              d.server,
              d.power,
              interferenceW,
              transmissionS,
              latencyS,
              serverLoad));
    }
  }

  public CollabEnvConfig config() {
    return cfg;
  }

  public Workload workload() {
    return work;
  }

  /** Tasks MD i still has to run. */
  public int remaining(int i) {
    return remaining[i];
  }

  /** d of MD i for the coming decision, metres. */
  public double distance(int i) {
    return distance[i];
  }

  @Override
  public int numAgents() {
    return n;
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
    return INFO;
  }

  @Override
  public float[][] reset(long seed) {
    RandomStreams streams = new RandomStreams(seed);
    tasksRng = streams.stream("tasks");
    channelRng = streams.stream("channel");
    for (int i = 0; i < n; i++) {
      remaining[i] =
          cfg.taskModel().equals(CollabEnvConfig.TASKS_FIXED)
              ? cfg.fixedTaskCount()
              : Math.min(cfg.maxTasks(), Math.max(1, poisson(tasksRng, cfg.tasksMean())));
    }
    onReset();
    drawDistances();
    writeObservations(obs);
    return obs;
  }

  /** Subclasses reset their own state here. */
  protected void onReset() {}

  /** Knuth's method in log space for large λ (exact, λ ≤ a few thousand). */
  static int poisson(SplittableRandom rng, double lambda) {
    // Products of uniforms until they fall below e^-λ, done with sums of logs to avoid underflow.
    double sum = 0;
    int k = 0;
    while (true) {
      sum += -Math.log(1.0 - rng.nextDouble());
      if (sum > lambda) {
        return k;
      }
      k++;
    }
  }

  /** d_{n,k} ~ U[d_min, d_max] (or fixed) per MD and decision (Sec. V-A). */
  protected final void drawDistances() {
    for (int i = 0; i < n; i++) {
      distance[i] =
          cfg.distanceModel().equals(CollabEnvConfig.DISTANCE_FIXED)
              ? cfg.distanceFixedM()
              : RandomStreams.uniform(channelRng, cfg.distanceMinM(), cfg.distanceMaxM());
    }
  }

  /** G_n for the coming decision: path loss at d_n and a fresh shadowing draw (Sec. V-A). */
  protected final void drawGains() {
    for (int i = 0; i < n; i++) {
      double shadow = cfg.shadowFadingDb() * channelRng.nextGaussian();
      gain[i] =
          CollabModel.gain(distance[i], cfg.referenceDistanceM(), cfg.pathLossExponent(), shadow);
    }
  }

  protected final void writeObservations(float[][] out) {
    for (int i = 0; i < n; i++) {
      state[2 * i] = (float) (remaining[i] / cfg.tasksMean());
      state[2 * i + 1] = (float) (distance[i] / cfg.distanceMaxM());
    }
    for (int i = 0; i < n; i++) {
      System.arraycopy(state, 0, out[i], 0, obsDim);
    }
  }

  protected final boolean allDone() {
    for (int r : remaining) {
      if (r > 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public float[] globalState() {
    return state.clone();
  }

  /** The decoded decision of one task. */
  protected static final class Decision {
    int point;
    int channel;
    int server;
    double power;
    boolean offloads;
  }

  /** Decodes task x of MD i's action row. */
  protected final void decode(float[] row, int x, Decision out) {
    out.point = CollabActions.index(row[CollabActions.point(wMax, x)], work.size());
    out.channel = CollabActions.index(row[CollabActions.channel(wMax, x)], cfg.numChannels());
    out.server = CollabActions.index(row[CollabActions.server(wMax, x)], cfg.numServers());
    double pMax = cfg.txPowerMax().watts();
    double p = row[CollabActions.power(wMax, x)];
    // C2 of eq. (4): 0 ≤ P ≤ P_limit; a task that sends data sends at ≥ P_limit/1000.
    out.power = Double.isNaN(p) ? pMax : Math.max(pMax * 1e-3, Math.min(pMax, p));
    out.offloads = work.serverMacs(out.point) > 0 || work.bits(out.point) > 0;
  }

  /** Bits task with point i sends (AgileNN keeps featureSplit of them on the MD). */
  protected final double sentBits(int point) {
    return work.bits(point) * (1.0 - cfg.featureSplit());
  }

  /** MACs task with point i runs on the MD (AgileNN adds its share of the server part). */
  protected final double deviceMacs(int point) {
    return work.deviceMacs(point) + cfg.featureSplit() * work.serverMacs(point);
  }

  /** MACs task with point i runs on the server. */
  protected final double serverMacs(int point) {
    return work.serverMacs(point) * (1.0 - cfg.featureSplit());
  }

  /**
   * Latency of one task (eq. 2) given its rate and server load; also stores the transmission time
   * in {@code trans[0]}.
   */
  protected final double taskLatency(Decision d, double rate, int load, double[] trans) {
    double total = work.totalMacs();
    double l0 = work.baseLatency();
    double tl = CollabModel.transLatency(sentBits(d.point), rate);
    trans[0] = tl;
    return CollabModel.localLatency(deviceMacs(d.point), total, l0, cfg.localFactor())
        + tl
        + CollabModel.serverLatency(serverMacs(d.point), total, l0, load);
  }

  /** Energy of one task (eq. 3). */
  protected final double taskEnergy(Decision d, double transLatency) {
    return CollabModel.energy(d.power, transLatency, cfg.zetaPerMac(), deviceMacs(d.point));
  }

  protected final float[][] observationsBuffer() {
    return result.observations();
  }
}
