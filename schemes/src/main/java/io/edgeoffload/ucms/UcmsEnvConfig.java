package io.edgeoffload.ucms;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.units.DataSize;
import io.edgeoffload.core.units.Energy;
import io.edgeoffload.core.units.Frequency;
import io.edgeoffload.core.units.Gain;
import io.edgeoffload.core.units.Power;
import io.edgeoffload.core.units.TimeSpan;

/**
 * The UCMS system (Sec. 3, Table 3). Quantities carry their unit in the YAML ("400 MB", "24 dBm");
 * the accessors of the typed values give SI.
 *
 * @param numUsers N, user devices (UDs)
 * @param numServers M, edge servers (ESs)
 * @param slotsPerEpisode T, time slots per episode (Sec. 5.3: 10, or 100 in the second setting)
 * @param slotDuration length of a slot; every deadline must fit in it (Sec. 3.1)
 * @param deadlineMin lower end of φ_n(t) ~ U[deadlineMin, deadlineMax]
 * @param deadlineMax φ_max(t), upper end of the deadline range (eq. 15g)
 * @param taskSizeMin lower end of β_n(t) ~ U[taskSizeMin, taskSizeMax]
 * @param taskSizeMax upper end of β_n(t)
 * @param cyclesPerBitMin lower end of c_n(t) ~ U[min, max], cycles per bit
 * @param cyclesPerBitMax upper end of c_n(t)
 * @param localFreqMin f^l_min (eq. 15e)
 * @param localFreqMax f^l_max (eq. 15e)
 * @param txPowerMin p^t_min (eq. 15d)
 * @param txPowerMax p^t_max (eq. 15d)
 * @param batteryMax b^h_max, battery capacity; every UD starts full (Sec. 3.4)
 * @param batteryMin b^h_min, the threshold below which a UD is penalised (eq. 25)
 * @param maxUsersPerServer z_max (eq. 15h)
 * @param cpusPerServer U_m, CPUs per ES, one task each at a time (Sec. 3.3)
 * @param storage D_m, storage per ES per slot (eq. 15j)
 * @param serverFreq f^s_m, per CPU (eq. 8)
 * @param channelGainMin lower end of g_{n,m}(t), drawn uniformly in dB every slot (eq. 5)
 * @param channelGainMax upper end of g_{n,m}(t)
 * @param kappa κ, effective switched capacitance (eq. 4)
 * @param bandwidth W, shared by K subchannels (eq. 6)
 * @param subchannels K, subchannels per ES; one task each per slot (eq. 15i)
 * @param harvest d_n(t), energy harvested per slot (its mean under {@code uniform})
 * @param harvestModel {@code constant} (d = harvest) or {@code uniform} (d ~ U[0, 2·harvest])
 * @param rho1 ρ₁, weight of delay in the cost (eq. 14) and penalty (eq. 25)
 * @param rho2 ρ₂, weight of energy in the cost (eq. 14) and penalty (eq. 25)
 * @param selection UD–ES selection: {@code co-selection} (Algorithm 1) or {@code random}
 * @param approval the ES approval strategy for policies without their own (see {@code list})
 * @param penalty {@code corrected}: the penalty lowers the reward; {@code paper-literal}: eq. (26)
 *     as printed, where the non-positive P_n raises it (docs/model-notes.md)
 */
public record UcmsEnvConfig(
    int numUsers,
    int numServers,
    int slotsPerEpisode,
    TimeSpan slotDuration,
    TimeSpan deadlineMin,
    TimeSpan deadlineMax,
    DataSize taskSizeMin,
    DataSize taskSizeMax,
    double cyclesPerBitMin,
    double cyclesPerBitMax,
    Frequency localFreqMin,
    Frequency localFreqMax,
    Power txPowerMin,
    Power txPowerMax,
    Energy batteryMax,
    Energy batteryMin,
    int maxUsersPerServer,
    int cpusPerServer,
    DataSize storage,
    Frequency serverFreq,
    Gain channelGainMin,
    Gain channelGainMax,
    double kappa,
    Frequency bandwidth,
    int subchannels,
    Energy harvest,
    String harvestModel,
    double rho1,
    double rho2,
    String selection,
    String approval,
    String penalty) {

  /** Harvest models. */
  public static final String HARVEST_CONSTANT = "constant";

  public static final String HARVEST_UNIFORM = "uniform";

  /** Selection modes. */
  public static final String SELECTION_CO = "co-selection";

  public static final String SELECTION_RANDOM = "random";

  /** Penalty readings. */
  public static final String PENALTY_CORRECTED = "corrected";

  public static final String PENALTY_LITERAL = "paper-literal";

  public UcmsEnvConfig {
    Check.range("numUsers", numUsers, 1, 100_000);
    Check.range("numServers", numServers, 1, 10_000);
    Check.range("slotsPerEpisode", slotsPerEpisode, 1, 1_000_000);
    present(
        slotDuration,
        deadlineMin,
        deadlineMax,
        taskSizeMin,
        taskSizeMax,
        localFreqMin,
        localFreqMax,
        txPowerMin,
        txPowerMax,
        batteryMax,
        batteryMin,
        storage,
        serverFreq,
        channelGainMin,
        channelGainMax,
        bandwidth,
        harvest);
    Check.positive("slotDuration", slotDuration.seconds());
    Check.positive("deadlineMin", deadlineMin.seconds());
    Check.ordered("deadlineMin", deadlineMin.seconds(), "deadlineMax", deadlineMax.seconds());
    Check.ordered("deadlineMax", deadlineMax.seconds(), "slotDuration", slotDuration.seconds());
    Check.positive("taskSizeMin", taskSizeMin.bits());
    Check.ordered("taskSizeMin", taskSizeMin.bits(), "taskSizeMax", taskSizeMax.bits());
    Check.positive("cyclesPerBitMin", cyclesPerBitMin);
    Check.ordered("cyclesPerBitMin", cyclesPerBitMin, "cyclesPerBitMax", cyclesPerBitMax);
    Check.positive("localFreqMin", localFreqMin.hertz());
    Check.ordered("localFreqMin", localFreqMin.hertz(), "localFreqMax", localFreqMax.hertz());
    Check.positive("txPowerMin", txPowerMin.watts());
    Check.ordered("txPowerMin", txPowerMin.watts(), "txPowerMax", txPowerMax.watts());
    Check.positive("batteryMax", batteryMax.joules());
    Check.nonNegative("batteryMin", batteryMin.joules());
    Check.ordered("batteryMin", batteryMin.joules(), "batteryMax", batteryMax.joules());
    Check.range("maxUsersPerServer", maxUsersPerServer, 1, 100_000);
    Check.range("cpusPerServer", cpusPerServer, 1, 100_000);
    Check.positive("storage", storage.bits());
    Check.positive("serverFreq", serverFreq.hertz());
    Check.positive("channelGainMin", channelGainMin.linear());
    Check.ordered(
        "channelGainMin", channelGainMin.linear(), "channelGainMax", channelGainMax.linear());
    Check.range("kappa", kappa, 1e-35, 1e-15);
    Check.positive("bandwidth", bandwidth.hertz());
    Check.range("subchannels", subchannels, 1, 100_000);
    Check.nonNegative("harvest", harvest.joules());
    Check.oneOf("harvestModel", harvestModel, HARVEST_CONSTANT, HARVEST_UNIFORM);
    Check.range("rho1", rho1, 0.0, 1e6);
    Check.range("rho2", rho2, 0.0, 1e6);
    if (!(rho1 + rho2 > 0)) {
      throw new ConfigException("rho1", rho1, "rho1 + rho2 must be positive");
    }
    Check.oneOf("selection", selection, SELECTION_CO, SELECTION_RANDOM);
    Check.present("approval", approval);
    Check.oneOf("penalty", penalty, PENALTY_CORRECTED, PENALTY_LITERAL);
  }

  private static void present(Object... values) {
    for (Object v : values) {
      if (v == null) {
        throw new ConfigException("(a quantity)", "null", "missing: every key must be given");
      }
    }
  }

  /** Width of one subchannel, W/K (eq. 6). */
  public double subchannelHz() {
    return bandwidth.hertz() / subchannels;
  }
}
