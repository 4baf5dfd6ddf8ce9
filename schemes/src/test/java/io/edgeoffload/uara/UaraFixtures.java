package io.edgeoffload.uara;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.core.config.ConfigLoader;
import java.util.SplittableRandom;

/** Configurations and random instances for UARA tests. */
public final class UaraFixtures {
  private UaraFixtures() {}

  /** A preset with overrides, bound and validated. */
  public static UaraConfig config(String preset, String... sets) {
    ObjectNode tree = ConfigLoader.readResource("presets/uara/" + preset + ".yaml");
    for (String s : sets) {
      ConfigLoader.set(tree, s);
    }
    return ConfigLoader.bind(tree, UaraConfig.class);
  }

  /** An instance drawn from the preset {@code uara} with n devices, m servers and a load. */
  public static UaraInstance scenario(long seed, int n, int m, String load, String... sets) {
    String[] all = new String[sets.length + 3];
    all[0] = "env.numDevices=" + n;
    all[1] = "env.numServers=" + m;
    all[2] = "env.load=" + load;
    System.arraycopy(sets, 0, all, 3, sets.length);
    return new Scenario(config("uara", all).env()).sample(new SplittableRandom(seed));
  }

  /**
   * A synthetic instance with every quantity drawn over a wide range, so that communication,
   * parallel compute, serial compute and energy all matter in some instances.
   *
   * @param memoryTight when true, servers hold only about two tasks each
   */
  public static UaraInstance random(
      SplittableRandom rng, int n, int m, double alpha, boolean allocated, boolean memoryTight) {
    UaraInstance in = new UaraInstance(n, m);
    for (int j = 0; j < m; j++) {
      in.coreFlops()[j] = pow10(rng, 10.5, 12);
      in.cores()[j] = 1 + rng.nextInt(100);
      in.memoryCapacity()[j] = memoryTight ? 2.2 : 1e9;
    }
    for (int i = 0; i < n; i++) {
      in.bits()[i] = pow10(rng, 3, 8);
      in.flops()[i] = pow10(rng, 8, 14);
      in.parallelFraction()[i] = rng.nextDouble();
      in.memory()[i] = 0.5 + rng.nextDouble();
      boolean mains = rng.nextInt(4) == 0;
      in.batteryCapacity()[i] = mains ? Double.POSITIVE_INFINITY : 5e4;
      in.battery()[i] = mains ? Double.POSITIVE_INFINITY : 5e4 * (0.02 + 0.98 * rng.nextDouble());
      in.txPower()[i] = 0.1 + rng.nextDouble();
      in.localCoreFlops()[i] = pow10(rng, 10, 11.5);
      in.localCores()[i] = 1 + rng.nextInt(8);
      for (int j = 0; j < m; j++) {
        in.rate()[i * m + j] = pow10(rng, 5, 8.5);
      }
    }
    return in.parameters(alpha, 1e-9, 1e-11, 2.6, allocated).derive();
  }

  private static double pow10(SplittableRandom rng, double lo, double hi) {
    return Math.pow(10, lo + (hi - lo) * rng.nextDouble());
  }
}
