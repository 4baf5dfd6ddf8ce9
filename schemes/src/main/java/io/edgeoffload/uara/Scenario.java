package io.edgeoffload.uara;

import io.edgeoffload.core.physics.Radio;
import io.edgeoffload.core.units.Units;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws UARA instances from a configuration (Sec. 6.1): servers on a regular grid, devices placed
 * in Gaussian clusters plus uniformly, the 3GPP path loss A + B·log10(d), each device of a random
 * type with a random task from the load's mix and a random remaining battery.
 */
public final class Scenario {
  private final UaraEnvConfig c;
  private final double[] serverX;
  private final double[] serverY;
  private final double[] taskCdf;
  private final double[] deviceCdf;
  private final double noiseWatts;
  private final double bandPerServer;
  private final double[] clusterX;
  private final double[] clusterY;

  public Scenario(UaraEnvConfig config) {
    this.c = config;
    int m = c.numServers();
    serverX = new double[m];
    serverY = new double[m];
    int cols = (int) Math.ceil(Math.sqrt(m));
    int rows = (int) Math.ceil(m / (double) cols);
    for (int j = 0; j < m; j++) {
      int col = j % cols;
      int row = j / cols;
      serverX[j] = (col + 0.5) * c.areaSideM() / cols;
      serverY[j] = (row + 0.5) * c.areaSideM() / rows;
    }
    taskCdf = cdf(c.tasks().stream().mapToDouble(t -> t.weight(c.load())).toArray());
    deviceCdf = cdf(c.devices().stream().mapToDouble(UaraEnvConfig.DeviceType::share).toArray());
    // A3: frequency reuse N_ES, each server owns W/N_ES.
    bandPerServer = c.bandwidth().hertz() / m;
    noiseWatts = Units.dbmToWatts(c.noiseDensityDbmPerHz()) * bandPerServer;
    clusterX = new double[c.clusters()];
    clusterY = new double[c.clusters()];
  }

  private static double[] cdf(double[] w) {
    double[] out = new double[w.length];
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i];
      out[i] = s;
    }
    for (int i = 0; i < w.length; i++) {
      out[i] /= s;
    }
    return out;
  }

  private static int draw(double[] cdf, SplittableRandom rng) {
    double u = rng.nextDouble();
    for (int i = 0; i < cdf.length; i++) {
      if (u < cdf[i]) {
        return i;
      }
    }
    return cdf.length - 1;
  }

  /** A new instance of the configured size. */
  public UaraInstance sample(SplittableRandom rng) {
    return sample(rng, new UaraInstance(c.numDevices(), c.numServers()));
  }

  /** Redraws {@code out} in place (positions, channels, tasks, devices, batteries). */
  public UaraInstance sample(SplittableRandom rng, UaraInstance out) {
    int n = out.devices();
    int m = out.servers();
    List<UaraEnvConfig.ServerType> types = c.servers();
    for (int j = 0; j < m; j++) {
      UaraEnvConfig.ServerType t = types.get(j % types.size());
      out.coreFlops()[j] = t.coreFlops();
      out.cores()[j] = t.cores();
      // eq. (13): the VRAM left after the models' parameters, in bytes.
      out.memoryCapacity()[j] = Units.bitsToBytes(t.vram().bits() - c.modelMemory().bits());
    }
    double side = c.areaSideM();
    for (int k = 0; k < clusterX.length; k++) {
      clusterX[k] = side * rng.nextDouble();
      clusterY[k] = side * rng.nextDouble();
    }
    double pt = c.txPower().watts();
    for (int i = 0; i < n; i++) {
      double x;
      double y;
      if (rng.nextDouble() < c.clusteredShare()) {
        int k = rng.nextInt(clusterX.length);
        x = clamp(clusterX[k] + c.clusterSpreadM() * gaussian(rng), side);
        y = clamp(clusterY[k] + c.clusterSpreadM() * gaussian(rng), side);
      } else {
        x = side * rng.nextDouble();
        y = side * rng.nextDouble();
      }
      UaraEnvConfig.TaskType task = c.tasks().get(draw(taskCdf, rng));
      UaraEnvConfig.DeviceType dev = c.devices().get(draw(deviceCdf, rng));
      out.bits()[i] = task.input().bits();
      out.flops()[i] = task.flops();
      out.parallelFraction()[i] = task.parallelFraction();
      out.memory()[i] = Units.bitsToBytes(task.memory().bits());
      out.localCoreFlops()[i] = dev.coreFlops();
      out.localCores()[i] = dev.cores();
      out.txPower()[i] = pt;
      if (dev.mains()) {
        out.batteryCapacity()[i] = Double.POSITIVE_INFINITY;
        out.battery()[i] = Double.POSITIVE_INFINITY;
      } else {
        double capJ = dev.battery().joules();
        out.batteryCapacity()[i] = capJ;
        out.battery()[i] =
            capJ
                * (c.batteryLevelMin()
                    + (c.batteryLevelMax() - c.batteryLevelMin()) * rng.nextDouble());
      }
      for (int j = 0; j < m; j++) {
        double d = Math.max(c.minDistanceM(), Math.hypot(x - serverX[j], y - serverY[j]));
        // Table 3: path loss 41 + 28·log10(d[m]) dB.
        double lossDb = c.pathLossConstantDb() + c.pathLossSlopeDb() * Math.log10(d);
        double snr = pt * Units.dbToLinear(-lossDb) / noiseWatts; // SNR = |h|²P/N0 (Sec. 3.3)
        // UARA eq. (5): R_ij = W_j log2(1 + SNR_ij).
        out.rate()[i * m + j] = Radio.shannonRate(bandPerServer, snr);
      }
    }
    out.parameters(
        c.alpha(),
        c.deviceEnergyPerFlop(),
        c.serverEnergyPerFlop(),
        c.txOverhead(),
        c.allocatedTxEnergy());
    return out.derive();
  }

  private static double clamp(double v, double side) {
    return Math.min(side, Math.max(0.0, v));
  }

  private static double gaussian(SplittableRandom rng) {
    // Box–Muller from two uniforms (SplittableRandom has no nextGaussian on Java 17).
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }
}
