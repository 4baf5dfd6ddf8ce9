package io.edgeoffload.ucms;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.testing.ParallelEnvContract;
import org.junit.jupiter.api.Nested;

/** {@code ucms-v1} under the environment contract, in several configurations. */
class UcmsEnvContractTest {
  private static ParallelEnv env(String preset, String... sets) {
    return new UcmsScheme().createEnv(new UcmsConfig(UcmsFixtures.config(preset, sets)));
  }

  @Nested
  class KbPreset extends ParallelEnvContract {
    @Override
    protected ParallelEnv createEnv() {
      return env("ucms-kb", "env.numUsers=12");
    }
  }

  @Nested
  class PaperPresetRandomSelection extends ParallelEnvContract {
    @Override
    protected ParallelEnv createEnv() {
      return env("ucms-paper", "env.selection=random", "env.numUsers=20");
    }
  }

  @Nested
  class SmallBatteryUniformHarvest extends ParallelEnvContract {
    @Override
    protected ParallelEnv createEnv() {
      return env(
          "ucms-kb",
          "env.numUsers=57",
          "env.batteryMax=1 J",
          "env.batteryMin=0.5 J",
          "env.harvestModel=uniform",
          "env.approval=earliest-deadline");
    }
  }
}
