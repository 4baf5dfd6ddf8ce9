package io.edgeoffload.uara;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.testing.ParallelEnvContract;
import org.junit.jupiter.api.Nested;

/** {@code uara-v1} under the environment contract. */
class UaraEnvContractTest {
  @Nested
  class Balanced extends ParallelEnvContract {
    @Override
    protected ParallelEnv createEnv() {
      return new UaraScheme().createEnv(UaraFixtures.config("uara", "env.numDevices=12"));
    }
  }

  @Nested
  class CommAllocatedEnergy extends ParallelEnvContract {
    @Override
    protected ParallelEnv createEnv() {
      return new UaraScheme()
          .createEnv(
              UaraFixtures.config(
                  "uara-literal",
                  "env.numDevices=30",
                  "env.numServers=7",
                  "env.load=comm",
                  "env.txEnergy=allocated"));
    }
  }
}
