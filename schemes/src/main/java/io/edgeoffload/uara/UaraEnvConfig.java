package io.edgeoffload.uara;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.units.DataSize;
import io.edgeoffload.core.units.Energy;
import io.edgeoffload.core.units.Frequency;
import io.edgeoffload.core.units.Power;
import java.util.List;

/**
 * The UARA system (Sec. 3 and 6.1, Tables 3 and 4). Quantities carry their unit in the YAML; the
 * typed values' accessors give SI. Flops and flops per second are plain numbers.
 *
 * @param numDevices N_MD
 * @param numServers N_ES
 * @param slotsPerEpisode slots per episode of the online simulation; each slot is a fresh snapshot
 * @param load task mix: {@code balanced}, {@code comm} or {@code comp} (Sec. 6.1)
 * @param alpha α, weight of battery-weighted energy against delay (P1a)
 * @param bandwidth W, split equally among the servers (A3, eq. 5)
 * @param txPower P_i, every device transmits at full power (Sec. 3.3)
 * @param noiseDensityDbmPerHz N0 in dBm/Hz (Table 3: −174)
 * @param pathLossConstantDb path loss A + B·log10(d[m]) dB: A (Table 3: 41)
 * @param pathLossSlopeDb B (Table 3: 28)
 * @param areaSideM side of the square area in metres; servers sit on a regular grid in it
 * @param minDistanceM distances below this are raised to it (the path-loss model's range)
 * @param clusteredShare share of devices placed in clusters; the rest are uniform (Sec. 6.1)
 * @param clusters clusters per slot, centres uniform in the area
 * @param clusterSpreadM standard deviation of a clustered device around its centre, metres
 * @param deviceEnergyPerFlop δ_cp of the devices, joules per flop (Table 3, eq. 20)
 * @param serverEnergyPerFlop δ_cp,j of the servers, joules per flop (eq. 18)
 * @param txOverhead δ_cm, drawn power per radiated watt (Table 3: 2.6, eq. 16)
 * @param txEnergy {@code full-band}: transmit energy δ_cm·P·d/R_ij as eq. (20) prints it; {@code
 *     allocated}: δ_cm·P·d/(R_ij·y_ij), the energy actually spent
 * @param batteryLevelMin remaining battery of a battery device, lower end of its uniform draw, as a
 *     fraction of capacity
 * @param batteryLevelMax upper end of that draw
 * @param lowBattery a battery device below this fraction of capacity counts as low-battery
 * @param modelMemory VRAM each server spends on the models' parameters, M_j·VRAM_j (eq. 13)
 * @param tasks the task catalogue (Table 4) with each load's mix weights
 * @param devices device types, drawn by share
 * @param servers server types, assigned to servers in turn (server j gets type j mod size)
 */
public record UaraEnvConfig(
    int numDevices,
    int numServers,
    int slotsPerEpisode,
    String load,
    double alpha,
    Frequency bandwidth,
    Power txPower,
    double noiseDensityDbmPerHz,
    double pathLossConstantDb,
    double pathLossSlopeDb,
    double areaSideM,
    double minDistanceM,
    double clusteredShare,
    int clusters,
    double clusterSpreadM,
    double deviceEnergyPerFlop,
    double serverEnergyPerFlop,
    double txOverhead,
    String txEnergy,
    double batteryLevelMin,
    double batteryLevelMax,
    double lowBattery,
    DataSize modelMemory,
    List<TaskType> tasks,
    List<DeviceType> devices,
    List<ServerType> servers) {

  public static final String LOAD_BALANCED = "balanced";
  public static final String LOAD_COMM = "comm";
  public static final String LOAD_COMP = "comp";
  public static final String TX_FULL_BAND = "full-band";
  public static final String TX_ALLOCATED = "allocated";

  /**
   * One task type of Table 4.
   *
   * @param name model name
   * @param input d, bits to send (Table 4, "communication")
   * @param flops f, work in flops (Table 4, "computational")
   * @param parallelFraction ρ, Amdahl's parallel fraction (not published; chosen, see the preset)
   * @param memory m, VRAM the task occupies on a server while it runs (eq. 13)
   * @param balanced mix weight under {@code load: balanced}
   * @param comm mix weight under {@code load: comm}
   * @param comp mix weight under {@code load: comp}
   */
  public record TaskType(
      String name,
      DataSize input,
      double flops,
      double parallelFraction,
      DataSize memory,
      double balanced,
      double comm,
      double comp) {
    public TaskType {
      Check.present("name", name);
      Check.present("input", input);
      Check.present("memory", memory);
      Check.positive("input", input.bits());
      Check.positive("flops", flops);
      Check.range("parallelFraction", parallelFraction, 0.0, 1.0);
      Check.nonNegative("memory", memory.bits());
      Check.nonNegative("balanced", balanced);
      Check.nonNegative("comm", comm);
      Check.nonNegative("comp", comp);
    }

    double weight(String load) {
      return switch (load) {
        case LOAD_COMM -> comm;
        case LOAD_COMP -> comp;
        default -> balanced;
      };
    }
  }

  /**
   * A device model (public spec sheets, cited in the preset).
   *
   * @param name model name
   * @param coreFlops F_MD, flops per second of one core (eq. 8)
   * @param cores Z_MD (eq. 8)
   * @param battery capacity; ignored when {@code mains}
   * @param mains true for a mains-powered device (B = ∞, Sec. 3.5)
   * @param share probability that a device is of this type
   */
  public record DeviceType(
      String name, double coreFlops, int cores, Energy battery, boolean mains, double share) {
    public DeviceType {
      Check.present("name", name);
      Check.present("battery", battery);
      Check.positive("coreFlops", coreFlops);
      Check.range("cores", cores, 1, 1_000_000);
      Check.positive("battery", battery.joules());
      Check.nonNegative("share", share);
    }
  }

  /**
   * A server GPU (public spec sheets, cited in the preset).
   *
   * @param name model name
   * @param coreFlops F_ES, flops per second of one core (here a streaming multiprocessor, eq. 9)
   * @param cores Z_ES (eq. 9)
   * @param vram memory
   */
  public record ServerType(String name, double coreFlops, int cores, DataSize vram) {
    public ServerType {
      Check.present("name", name);
      Check.present("vram", vram);
      Check.positive("coreFlops", coreFlops);
      Check.range("cores", cores, 1, 1_000_000);
      Check.positive("vram", vram.bits());
    }
  }

  public UaraEnvConfig {
    Check.range("numDevices", numDevices, 1, 1_000_000);
    Check.range("numServers", numServers, 1, 10_000);
    Check.range("slotsPerEpisode", slotsPerEpisode, 1, 1_000_000);
    Check.oneOf("load", load, LOAD_BALANCED, LOAD_COMM, LOAD_COMP);
    Check.range("alpha", alpha, 0.0, 1e9);
    Check.present("bandwidth", bandwidth);
    Check.present("txPower", txPower);
    Check.positive("bandwidth", bandwidth.hertz());
    Check.positive("txPower", txPower.watts());
    Check.range("noiseDensityDbmPerHz", noiseDensityDbmPerHz, -250.0, 0.0);
    Check.range("pathLossConstantDb", pathLossConstantDb, -100.0, 300.0);
    Check.range("pathLossSlopeDb", pathLossSlopeDb, 0.0, 100.0);
    Check.positive("areaSideM", areaSideM);
    Check.positive("minDistanceM", minDistanceM);
    Check.range("clusteredShare", clusteredShare, 0.0, 1.0);
    Check.range("clusters", clusters, 1, 100_000);
    Check.nonNegative("clusterSpreadM", clusterSpreadM);
    Check.nonNegative("deviceEnergyPerFlop", deviceEnergyPerFlop);
    Check.nonNegative("serverEnergyPerFlop", serverEnergyPerFlop);
    Check.nonNegative("txOverhead", txOverhead);
    Check.oneOf("txEnergy", txEnergy, TX_FULL_BAND, TX_ALLOCATED);
    Check.range("batteryLevelMin", batteryLevelMin, 1e-6, 1.0);
    Check.range("batteryLevelMax", batteryLevelMax, 1e-6, 1.0);
    Check.ordered("batteryLevelMin", batteryLevelMin, "batteryLevelMax", batteryLevelMax);
    Check.range("lowBattery", lowBattery, 0.0, 1.0);
    Check.present("modelMemory", modelMemory);
    Check.nonNegative("modelMemory", modelMemory.bits());
    nonEmpty("tasks", tasks);
    nonEmpty("devices", devices);
    nonEmpty("servers", servers);
    double w = 0;
    for (TaskType t : tasks) {
      w += t.weight(load);
    }
    if (!(w > 0)) {
      throw new ConfigException("tasks", load, "no task has a positive weight under this load");
    }
    double s = 0;
    for (DeviceType d : devices) {
      s += d.share();
    }
    if (!(s > 0)) {
      throw new ConfigException("devices", s, "the shares must sum to a positive number");
    }
    for (ServerType t : servers) {
      if (!(t.vram().bits() > modelMemory.bits())) {
        throw new ConfigException(
            "modelMemory",
            modelMemory,
            "must be below every server's VRAM (" + t.name() + ": " + t.vram() + ")");
      }
    }
    tasks = List.copyOf(tasks);
    devices = List.copyOf(devices);
    servers = List.copyOf(servers);
  }

  private static void nonEmpty(String key, List<?> list) {
    if (list == null || list.isEmpty()) {
      throw new ConfigException(key, list, "must list at least one entry");
    }
  }

  /** True when the transmit energy uses the allocated share (not eq. 20's full band). */
  public boolean allocatedTxEnergy() {
    return txEnergy.equals(TX_ALLOCATED);
  }
}
