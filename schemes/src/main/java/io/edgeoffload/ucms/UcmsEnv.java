package io.edgeoffload.ucms;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.core.space.Box;
import io.edgeoffload.core.units.Units;
import io.edgeoffload.core.util.IndexSort;
import io.edgeoffload.ucms.approval.ApprovalStrategy;
import io.edgeoffload.ucms.selection.SelectionPolicy;
import io.edgeoffload.ucms.selection.SelectionProblem;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The UCMS environment {@code ucms-v1}: N user devices and M edge servers over time slots (UCMS
 * Sec. 3 and 4.1–4.2).
 *
 * <p>A slot: nature draws tasks, channel gains and harvest ({@link SlotSource}); UDs and ESs are
 * paired by the selection policy (Algorithm 1 or random); each UD observes its state (eq. 20) and
 * acts (x^u, f^u, p^u) ∈ [0,1]³ (eq. 21); requests with x^u ≥ 0.5 go to the UD's ES, whose approval
 * strategy ranks them (eq. 24) within subchannels (15i) and storage (15j); approved tasks queue on
 * the ES's CPUs ({@link ServerQueue}, eq. 9); the others run locally with f^l (eqs. 3–4); delays,
 * energies, costs, deadlines, battery and rewards follow eqs. (11)–(14), (25)–(26).
 *
 * <p>Observation of UD n, all in [0, 1]: β/β_max, c/c_max, φ/φ_max, f^l/f^l_max (last slot's),
 * p^t/p^t_max (last slot's), b/b_max, then g_{n,m} for every ES in dB mapped linearly from [g_min,
 * g_max] onto [0, 1]. The environment never ends an episode by itself; wrap it in a {@code
 * TimeLimit} of T slots.
 */
public final class UcmsEnv implements ParallelEnv {
  /** Versioned id: a change to reward or dynamics bumps it. */
  public static final String ID = "ucms-v1";

  /** Per-step info values (sums over UDs or ESs within the slot), in order. */
  public static final List<String> INFO_KEYS =
      List.of(
          "tasks",
          "requests",
          "requests_unassigned",
          "approvals",
          "timeouts",
          "delay_sum",
          "energy_sum",
          "cost_sum",
          "penalty_sum",
          "reward_mean",
          "below_bmin",
          "battery_sum",
          "unassigned",
          "subchannels_used",
          "subchannel_capacity",
          "storage_used_bits",
          "storage_capacity_bits");

  private static final int I_TASKS = 0;
  private static final int I_REQUESTS = 1;
  private static final int I_REQ_UNASSIGNED = 2;
  private static final int I_APPROVALS = 3;
  private static final int I_TIMEOUTS = 4;
  private static final int I_DELAY = 5;
  private static final int I_ENERGY = 6;
  private static final int I_COST = 7;
  private static final int I_PENALTY = 8;
  private static final int I_REWARD = 9;
  private static final int I_BELOW = 10;
  private static final int I_BATTERY = 11;
  private static final int I_UNASSIGNED = 12;
  private static final int I_SUB_USED = 13;
  private static final int I_SUB_CAP = 14;
  private static final int I_STORE_USED = 15;
  private static final int I_STORE_CAP = 16;

  /** Observation entries before the M channel gains. */
  public static final int OBS_FIXED = 6;

  /** Action entries: x^u, f^u, p^u (eq. 21). */
  public static final int ACTION_DIM = 3;

  private final UcmsEnvConfig cfg;
  private final int n;
  private final int m;
  private final SlotSource source;
  private SelectionPolicy selection;
  private ApprovalStrategy approval;
  private final Box obsSpace;
  private final Box actSpace;
  private final double gainMinDb;
  private final double gainSpanDb;
  private final boolean literalPenalty;

  // Slot data and state.
  private final SlotData slot;
  private final double[] battery;
  private final double[] lastFreq;
  private final double[] lastPower;
  private final int[] assignment;
  private final SelectionProblem problem;
  private SplittableRandom selectionRng;
  private DoubleSupplier selectionDraw;
  private int t;
  private boolean started;

  // Per-step scratch (no allocation in step).
  private final boolean[] request;
  private final boolean[] offloaded;
  private final int[] servedBy;
  private final double[] freq;
  private final double[] power;
  private final double[] txDelay;
  private final double[] procDelay;
  private final double[] offCost;
  private final double[] delay;
  private final double[] energy;
  private final double[] cost;
  private final double[] start;
  private final double[] release;
  private final double[] scoreOf;
  private final double[] scores;
  private final int[] ids;
  private final int[] scratch;
  private final ServerQueue queue = new ServerQueue();
  private final StepResult result;
  private final float[][] firstObs;
  private final float[] global;
  private final ApprovalStrategy.Requests requests = new RequestView();

  /** An environment with random slot data and the selection and approval the config names. */
  public UcmsEnv(UcmsEnvConfig config, SelectionPolicy selection, ApprovalStrategy approval) {
    this(config, new SlotSourceRandom(config), selection, approval);
  }

  /** An environment over any slot source (tests inject fixed data). */
  public UcmsEnv(
      UcmsEnvConfig config,
      SlotSource source,
      SelectionPolicy selection,
      ApprovalStrategy approval) {
    this.cfg = config;
    this.n = config.numUsers();
    this.m = config.numServers();
    this.source = source;
    this.selection = selection;
    this.approval = approval;
    this.obsSpace = Box.uniform(OBS_FIXED + m, 0f, 1f);
    this.actSpace = Box.uniform(ACTION_DIM, 0f, 1f);
    this.gainMinDb = Units.linearToDb(config.channelGainMin().linear());
    this.gainSpanDb = Units.linearToDb(config.channelGainMax().linear()) - gainMinDb;
    this.literalPenalty = UcmsEnvConfig.PENALTY_LITERAL.equals(config.penalty());
    this.slot = new SlotData(n, m);
    this.battery = new double[n];
    this.lastFreq = new double[n];
    this.lastPower = new double[n];
    this.assignment = new int[n];
    this.problem = new SelectionProblem(n, m, config.maxUsersPerServer());
    this.request = new boolean[n];
    this.offloaded = new boolean[n];
    this.servedBy = new int[n];
    this.freq = new double[n];
    this.power = new double[n];
    this.txDelay = new double[n];
    this.procDelay = new double[n];
    this.offCost = new double[n];
    this.delay = new double[n];
    this.energy = new double[n];
    this.cost = new double[n];
    this.start = new double[n];
    this.release = new double[n];
    this.scoreOf = new double[n];
    this.scores = new double[n];
    this.ids = new int[n];
    this.scratch = new int[n];
    this.result = new StepResult(n, OBS_FIXED + m, INFO_KEYS.size());
    this.firstObs = new float[n][OBS_FIXED + m];
    this.global = new float[n * (OBS_FIXED + m)];
  }

  @Override
  public String id() {
    return ID;
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
    return INFO_KEYS;
  }

  /**
   * Replaces the UD–ES pairing (e.g. random pairing for RD_UCMS_MADDPG); takes effect from the next
   * {@link #reset}.
   */
  public void setSelectionPolicy(SelectionPolicy policy) {
    this.selection = policy;
  }

  /** The UD–ES pairing in use. */
  public SelectionPolicy selectionPolicy() {
    return selection;
  }

  /** Replaces the ES approval step (learning algorithms bring their own). */
  public void setApprovalStrategy(ApprovalStrategy strategy) {
    this.approval = strategy;
  }

  public ApprovalStrategy approvalStrategy() {
    return approval;
  }

  public UcmsEnvConfig config() {
    return cfg;
  }

  @Override
  public float[][] reset(long seed) {
    RandomStreams streams = new RandomStreams(seed);
    source.reset(streams.seedOf("slots"));
    selectionRng = streams.stream("selection");
    selectionDraw = selectionRng::nextDouble;
    // Every UD starts fully charged (Sec. 3.4); last slot's f and p start at their maxima.
    Arrays.fill(battery, cfg.batteryMax().joules());
    Arrays.fill(lastFreq, cfg.localFreqMax().hertz());
    Arrays.fill(lastPower, cfg.txPowerMax().watts());
    t = 0;
    started = true;
    beginSlot();
    writeObservations(firstObs);
    return firstObs;
  }

  /** Draws the slot's data and pairs UDs with ESs (Sec. 4.1, every slot). */
  private void beginSlot() {
    source.next(t, slot);
    double pMax = cfg.txPowerMax().watts();
    double fs = cfg.serverFreq().hertz();
    double w = cfg.subchannelHz();
    for (int u = 0; u < n; u++) {
      double bits = slot.taskBits[u];
      double tauP = UcmsModel.processingDelay(bits, slot.cyclesPerBit[u], fs); // eq. (8)
      for (int s = 0; s < m; s++) {
        // What each side can predict before powers are chosen: full power, no queue.
        double tauO = UcmsModel.transmissionDelay(bits, UcmsModel.rate(w, pMax, slot.gain[u][s]));
        double userCost =
            UcmsModel.cost(
                cfg.rho1(), cfg.rho2(), tauP + tauO, UcmsModel.offloadEnergy(pMax, tauO));
        problem.set(u, s, userCost, tauP + tauO); // eq. (18) term, eq. (19)
      }
    }
    selection.select(problem, selectionDraw, assignment);
  }

  private void writeObservations(float[][] out) {
    double betaMax = cfg.taskSizeMax().bits();
    double cMax = cfg.cyclesPerBitMax();
    double phiMax = cfg.deadlineMax().seconds();
    double fMax = cfg.localFreqMax().hertz();
    double pMax = cfg.txPowerMax().watts();
    double bMax = cfg.batteryMax().joules();
    for (int u = 0; u < n; u++) {
      float[] o = out[u];
      // UCMS eq. (20): task, local power, transmit power, battery, channel gains.
      o[0] = unit(slot.taskBits[u] / betaMax);
      o[1] = unit(slot.cyclesPerBit[u] / cMax);
      o[2] = unit(slot.deadline[u] / phiMax);
      o[3] = unit(lastFreq[u] / fMax);
      o[4] = unit(lastPower[u] / pMax);
      o[5] = unit(battery[u] / bMax);
      for (int s = 0; s < m; s++) {
        double db = Units.linearToDb(slot.gain[u][s]);
        o[OBS_FIXED + s] = gainSpanDb > 0 ? unit((db - gainMinDb) / gainSpanDb) : 1f;
      }
    }
  }

  private static float unit(double x) {
    return (float) Math.min(1.0, Math.max(0.0, x));
  }

  @Override
  public StepResult step(float[][] actions) {
    if (!started) {
      throw new IllegalStateException("call reset(seed) before step");
    }
    if (actions.length != n) {
      throw new IllegalArgumentException("expected " + n + " action rows, got " + actions.length);
    }
    double[] info = result.info();
    Arrays.fill(info, 0.0);
    double fMin = cfg.localFreqMin().hertz();
    double fMax = cfg.localFreqMax().hertz();
    double pMin = cfg.txPowerMin().watts();
    double pMax = cfg.txPowerMax().watts();
    double w = cfg.subchannelHz();
    double fs = cfg.serverFreq().hertz();

    // 1. UD pre-decisions (eqs. 21–23).
    for (int u = 0; u < n; u++) {
      float[] a = actions[u];
      if (a.length != ACTION_DIM) {
        throw new IllegalArgumentException(
            "action of UD " + u + " has " + a.length + " entries; expected 3 (x, f, p)");
      }
      double x = clip01(a[0], u, "x");
      freq[u] = UcmsModel.localFrequency(clip01(a[1], u, "f"), fMin, fMax); // eq. (22)
      power[u] = UcmsModel.txPower(clip01(a[2], u, "p"), pMin, pMax); // eq. (23)
      request[u] = UcmsModel.wantsOffload(x);
      offloaded[u] = false;
      servedBy[u] = SelectionPolicy.UNASSIGNED;
      int s = assignment[u];
      if (s == SelectionPolicy.UNASSIGNED) {
        info[I_UNASSIGNED]++;
      }
      if (request[u]) {
        info[I_REQUESTS]++;
        if (s == SelectionPolicy.UNASSIGNED) {
          info[I_REQ_UNASSIGNED]++;
        } else {
          // What the ES sees of the request: arrival τ^o and predicted cost at the chosen p.
          double bits = slot.taskBits[u];
          txDelay[u] =
              UcmsModel.transmissionDelay(bits, UcmsModel.rate(w, power[u], slot.gain[u][s]));
          procDelay[u] = UcmsModel.processingDelay(bits, slot.cyclesPerBit[u], fs);
          offCost[u] =
              UcmsModel.cost(
                  cfg.rho1(),
                  cfg.rho2(),
                  procDelay[u] + txDelay[u],
                  UcmsModel.offloadEnergy(power[u], txDelay[u]));
        }
      }
    }

    // 2. Each ES approves within subchannels (15i) and storage (15j), then runs its queue (eq. 9).
    for (int s = 0; s < m; s++) {
      int k = 0;
      for (int u = 0; u < n; u++) {
        if (request[u] && assignment[u] == s) {
          ids[k++] = u;
        }
      }
      if (k == 0) {
        continue;
      }
      approval.score(requests, s, ids, k, scores);
      for (int i = 0; i < k; i++) {
        scoreOf[ids[i]] = scores[i];
      }
      IndexSort.sort(ids, k, scratch, u -> scoreOf[u]);
      int channelsLeft = cfg.subchannels();
      double storageLeft = cfg.storage().bits();
      int approved = 0;
      for (int i = 0; i < k && channelsLeft > 0; i++) {
        int u = ids[i];
        double sc = scoreOf[u];
        if (Double.isNaN(sc) || sc == Double.POSITIVE_INFINITY) {
          continue;
        }
        if (slot.taskBits[u] <= storageLeft) {
          offloaded[u] = true;
          servedBy[u] = s;
          channelsLeft--;
          storageLeft -= slot.taskBits[u];
          ids[approved++] = u;
          info[I_STORE_USED] += slot.taskBits[u];
        }
      }
      info[I_APPROVALS] += approved;
      info[I_SUB_USED] += approved;
      // Arrival order at the ES: transmission delay (eq. 7).
      IndexSort.sort(ids, approved, scratch, u -> txDelay[u]);
      queue.run(
          ids,
          approved,
          txDelay,
          procDelay,
          slot.deadline,
          cfg.cpusPerServer(),
          delay,
          start,
          release);
    }

    // 3. Delay, energy, cost (eqs. 3–4, 10–12, 14) and deadlines (15g).
    double costSum = 0;
    for (int u = 0; u < n; u++) {
      double bits = slot.taskBits[u];
      double tau;
      double e;
      if (offloaded[u]) {
        tau = delay[u]; // τ^a from the queue, eq. (9)
        e = UcmsModel.offloadEnergy(power[u], txDelay[u]); // eq. (10)
      } else {
        tau = UcmsModel.localDelay(bits, slot.cyclesPerBit[u], freq[u]); // eq. (3)
        e = UcmsModel.localEnergy(cfg.kappa(), bits, slot.cyclesPerBit[u], freq[u]); // eq. (4)
        delay[u] = tau;
      }
      energy[u] = e; // eqs. (11)–(12) pick the branch taken
      cost[u] = UcmsModel.cost(cfg.rho1(), cfg.rho2(), tau, e); // eq. (14)
      costSum += cost[u];
      if (tau > slot.deadline[u]) {
        info[I_TIMEOUTS]++; // dropped (Sec. 3.1, MODEL-NOTES UCMS 5)
      }
      info[I_DELAY] += tau;
      info[I_ENERGY] += e;
    }
    double meanCost = costSum / n;

    // 4. Battery (eq. 13), penalty (eq. 25), reward (eq. 26).
    double bMax = cfg.batteryMax().joules();
    double bMin = cfg.batteryMin().joules();
    double[] rewards = result.rewards();
    double rewardSum = 0;
    for (int u = 0; u < n; u++) {
      battery[u] = UcmsModel.nextBattery(battery[u], energy[u], slot.harvest[u], bMax);
      double p =
          UcmsModel.penalty(cfg.rho1(), cfg.rho2(), slot.deadline[u], delay[u], battery[u], bMin);
      rewards[u] = UcmsModel.reward(meanCost, p, literalPenalty);
      rewardSum += rewards[u];
      info[I_PENALTY] += p;
      info[I_BATTERY] += battery[u];
      if (battery[u] < bMin) {
        info[I_BELOW]++;
      }
      lastFreq[u] = freq[u];
      lastPower[u] = power[u];
    }
    info[I_TASKS] = n;
    info[I_COST] = costSum;
    info[I_REWARD] = rewardSum / n;
    info[I_SUB_CAP] = (double) m * cfg.subchannels();
    info[I_STORE_CAP] = m * cfg.storage().bits();

    // 5. Next slot.
    t++;
    beginSlot();
    writeObservations(result.observations());
    Arrays.fill(result.terminated(), false);
    Arrays.fill(result.truncated(), false);
    return result;
  }

  private static double clip01(float v, int ud, String what) {
    if (Float.isNaN(v)) {
      throw new IllegalArgumentException("action " + what + " of UD " + ud + " is NaN");
    }
    return Math.min(1.0, Math.max(0.0, v));
  }

  @Override
  public float[] globalState() {
    float[][] obs = t == 0 ? firstObs : result.observations();
    int d = OBS_FIXED + m;
    for (int u = 0; u < n; u++) {
      System.arraycopy(obs[u], 0, global, u * d, d);
    }
    return global;
  }

  // ---- Read access for policies that use the model (baselines, optimisers) and for tests. ----

  /** The slot index (0-based) of the current observations. */
  public int slot() {
    return t;
  }

  /** The ES that UD {@code u} is paired with this slot, or -1. */
  public int assignedServer(int u) {
    return assignment[u];
  }

  /** β of UD {@code u}'s current task, bits. */
  public double taskBits(int u) {
    return slot.taskBits[u];
  }

  /** c of UD {@code u}'s current task, cycles per bit. */
  public double cyclesPerBit(int u) {
    return slot.cyclesPerBit[u];
  }

  /** φ of UD {@code u}'s current task, seconds. */
  public double deadline(int u) {
    return slot.deadline[u];
  }

  /** g_{u,s} this slot, linear. */
  public double gain(int u, int s) {
    return slot.gain[u][s];
  }

  /** b_u now, joules. */
  public double battery(int u) {
    return battery[u];
  }

  /** Whether UD {@code u}'s last task was offloaded (approved). */
  public boolean lastOffloaded(int u) {
    return offloaded[u];
  }

  /** The ES that ran UD {@code u}'s last task, or -1 if it ran locally. */
  public int lastServer(int u) {
    return servedBy[u];
  }

  /** τ_u of the last step, seconds. */
  public double lastDelay(int u) {
    return delay[u];
  }

  /** e_u of the last step, joules. */
  public double lastEnergy(int u) {
    return energy[u];
  }

  /** C_u of the last step (eq. 14). */
  public double lastCost(int u) {
    return cost[u];
  }

  /** When UD {@code u}'s offloaded task started on an ES CPU in the last step. */
  public double lastStart(int u) {
    return start[u];
  }

  /** When the ES CPU that ran UD {@code u}'s last task became free. */
  public double lastRelease(int u) {
    return release[u];
  }

  /** τ^o of UD {@code u}'s last request at its chosen power, seconds. */
  public double lastTransmissionDelay(int u) {
    return txDelay[u];
  }

  private final class RequestView implements ApprovalStrategy.Requests {
    @Override
    public double taskBits(int ud) {
      return slot.taskBits[ud];
    }

    @Override
    public double deadline(int ud) {
      return slot.deadline[ud];
    }

    @Override
    public double transmissionDelay(int ud) {
      return txDelay[ud];
    }

    @Override
    public double offloadCost(int ud) {
      return offCost[ud];
    }
  }
}
