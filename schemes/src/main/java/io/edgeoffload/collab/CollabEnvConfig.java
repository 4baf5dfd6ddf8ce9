package io.edgeoffload.collab;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.units.Frequency;
import io.edgeoffload.core.units.Power;
import io.edgeoffload.core.units.TimeSpan;

/**
 * The COLLAB system (Sec. III, Table III). Quantities carry their unit in the YAML ("1 MHz", "1 W",
 * "8.6015 ms"); the accessors of the typed values give SI.
 *
 * @param numDevices N, mobile devices (MDs)
 * @param numServers M, computing MEC servers
 * @param numChannels C, wireless channels, reusable by several MDs (eq. 1)
 * @param model the DNN every MD runs: {@code resnet50}, {@code googlenet} or {@code mobilenetv2}
 * @param partitioning {@code operator}: every partition point of Algorithm 1; {@code chain}: only
 *     the single-tensor cuts (Neurosurgeon, Table V)
 * @param elementBytes bytes per tensor element of the data sent (4: float32, MODEL-NOTES COLLAB 1)
 * @param taskModel {@code poisson}: X_n ~ Poisson(tasksMean) per episode (training); {@code fixed}:
 *     X_n = tasksMean (evaluation, Sec. V-A)
 * @param tasksMean λ of the task count; also the scale of X_n in the observation
 * @param fixedTasks X_n under {@code fixed} (0: tasksMean rounded); Table IV evaluates 50–200
 * @param maxTasks cap on a drawn X_n (and the episode-length bound)
 * @param distanceModel {@code uniform}: d ~ U[distanceMinM, distanceMaxM] per MD and decision;
 *     {@code fixed}: d = distanceFixedM (evaluation)
 * @param distanceMinM lower end of d, metres
 * @param distanceMaxM upper end of d, metres
 * @param distanceFixedM d under {@code fixed}, metres
 * @param referenceDistanceM d̂ of the path loss (d̂/d)^h, metres
 * @param pathLossExponent h
 * @param shadowFadingDb σ of the log-normal shadow fading, dB (0: none)
 * @param txPowerMax P_limit (eq. 4, C2)
 * @param bandwidth B_c of every channel (eq. 1)
 * @param noise σ_c, background noise power of a channel (eq. 1)
 * @param windowMax W_max, tasks per MD per task window
 * @param zetaPerMmac ζ, device energy per million MACs, joules (eq. 3; MODEL-NOTES COLLAB 1)
 * @param beta β, energy penalty factor (eq. 8)
 * @param alpha α, waiting-time penalty factor (eq. 8)
 * @param baseLatency L_0 of ResNet-50 on an unloaded server (eq. 2); other models scale it by their
 *     MACs (MODEL-NOTES COLLAB 3)
 * @param localFactor L_local = localFactor · L_0 for the whole model on an MD (Sec. V-A: 5)
 * @param rewardLatencyUnit the unit latency is counted in inside the reward (eq. 8); 1 ms matches
 *     the magnitudes of Table IV
 * @param rewardPerTask {@code true}: eq. (8) as printed, the window's cost divided by its mean size
 *     W_k; {@code false} (not in the paper): the window's cost itself, so that an episode's return
 *     is its total latency plus the weighted waiting and energy (docs/model-notes.md, COLLAB 12)
 * @param mdp {@code task-aware} ({@code collab-v1}) or {@code time-based} ({@code
 *     collab-slotted-v1})
 * @param slotLength slot of the time-based MDP (Fig. 7: 10, 50, 300 ms)
 * @param slotReward the time-based MDP's reward (the paper gives none; MODEL-NOTES COLLAB 9):
 *     {@code elapsed}, the time the slot adds to the episode plus the energy of the tasks started
 *     in it, so that the return is eq. (4)'s objective; {@code started} (a probe), eq. (8) without
 *     its waiting term over the tasks started in the slot, each charged its whole latency at once
 * @param featureSplit AgileNN's split ratio of the intermediate features: that share of the data is
 *     not sent and the server-side remainder of its share runs on the MD (0: off)
 */
public record CollabEnvConfig(
    int numDevices,
    int numServers,
    int numChannels,
    String model,
    String partitioning,
    int elementBytes,
    String taskModel,
    double tasksMean,
    int fixedTasks,
    int maxTasks,
    String distanceModel,
    double distanceMinM,
    double distanceMaxM,
    double distanceFixedM,
    double referenceDistanceM,
    double pathLossExponent,
    double shadowFadingDb,
    Power txPowerMax,
    Frequency bandwidth,
    Power noise,
    int windowMax,
    double zetaPerMmac,
    double beta,
    double alpha,
    TimeSpan baseLatency,
    double localFactor,
    TimeSpan rewardLatencyUnit,
    boolean rewardPerTask,
    String mdp,
    TimeSpan slotLength,
    String slotReward,
    double featureSplit) {

  public static final String PARTITION_OPERATOR = "operator";
  public static final String PARTITION_CHAIN = "chain";
  public static final String TASKS_POISSON = "poisson";
  public static final String TASKS_FIXED = "fixed";
  public static final String DISTANCE_UNIFORM = "uniform";
  public static final String DISTANCE_FIXED = "fixed";
  public static final String MDP_TASK_AWARE = "task-aware";
  public static final String MDP_TIME_BASED = "time-based";
  public static final String SLOT_REWARD_ELAPSED = "elapsed";
  public static final String SLOT_REWARD_STARTED = "started";

  public CollabEnvConfig {
    Check.range("numDevices", numDevices, 1, 64);
    Check.range("numServers", numServers, 1, 64);
    Check.range("numChannels", numChannels, 1, 64);
    Check.oneOf("model", model, "resnet50", "googlenet", "mobilenetv2");
    Check.oneOf("partitioning", partitioning, PARTITION_OPERATOR, PARTITION_CHAIN);
    Check.range("elementBytes", elementBytes, 1, 8);
    Check.oneOf("taskModel", taskModel, TASKS_POISSON, TASKS_FIXED);
    Check.range("tasksMean", tasksMean, 1.0, 100_000.0);
    Check.range("maxTasks", maxTasks, 1, 1_000_000);
    Check.range("fixedTasks", fixedTasks, 0, maxTasks);
    if (maxTasks < tasksMean) {
      throw new ConfigException("maxTasks", maxTasks, "must be at least tasksMean = " + tasksMean);
    }
    Check.oneOf("distanceModel", distanceModel, DISTANCE_UNIFORM, DISTANCE_FIXED);
    Check.positive("distanceMinM", distanceMinM);
    Check.ordered("distanceMinM", distanceMinM, "distanceMaxM", distanceMaxM);
    Check.positive("distanceFixedM", distanceFixedM);
    Check.positive("referenceDistanceM", referenceDistanceM);
    Check.range("pathLossExponent", pathLossExponent, 0.0, 10.0);
    Check.range("shadowFadingDb", shadowFadingDb, 0.0, 40.0);
    Check.present("txPowerMax", txPowerMax);
    Check.present("bandwidth", bandwidth);
    Check.present("noise", noise);
    Check.positive("txPowerMax", txPowerMax.watts());
    Check.positive("bandwidth", bandwidth.hertz());
    Check.positive("noise", noise.watts());
    Check.range("windowMax", windowMax, 1, 64);
    Check.nonNegative("zetaPerMmac", zetaPerMmac);
    Check.nonNegative("beta", beta);
    Check.nonNegative("alpha", alpha);
    Check.present("baseLatency", baseLatency);
    Check.positive("baseLatency", baseLatency.seconds());
    Check.range("localFactor", localFactor, 1e-3, 1e6);
    Check.present("rewardLatencyUnit", rewardLatencyUnit);
    Check.positive("rewardLatencyUnit", rewardLatencyUnit.seconds());
    Check.oneOf("mdp", mdp, MDP_TASK_AWARE, MDP_TIME_BASED);
    Check.present("slotLength", slotLength);
    Check.positive("slotLength", slotLength.seconds());
    Check.oneOf("slotReward", slotReward, SLOT_REWARD_ELAPSED, SLOT_REWARD_STARTED);
    if (!(featureSplit >= 0 && featureSplit < 1)) {
      throw new ConfigException("featureSplit", featureSplit, "must lie in [0, 1)");
    }
  }

  /** X_n of every MD under the fixed task model. */
  public int fixedTaskCount() {
    return fixedTasks > 0 ? fixedTasks : (int) Math.round(tasksMean);
  }

  /** ζ in joules per MAC (SI). */
  public double zetaPerMac() {
    return zetaPerMmac * 1e-6;
  }
}
