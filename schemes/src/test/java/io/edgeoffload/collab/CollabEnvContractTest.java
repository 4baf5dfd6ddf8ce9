package io.edgeoffload.collab;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.testing.ParallelEnvContract;
import org.junit.jupiter.api.Nested;

/** {@code collab-v1} and {@code collab-slotted-v1} under the environment contract. */
class CollabEnvContractTest {
  @Nested
  class TaskAwarePaper extends ParallelEnvContract {
    @Override
    protected ParallelEnv createEnv() {
      return CollabFixtures.env("collab-paper", "env.tasksMean=8", "env.maxTasks=20");
    }
  }

  @Nested
  class TaskAwareWideMobileNetChain extends ParallelEnvContract {
    @Override
    protected ParallelEnv createEnv() {
      return CollabFixtures.env(
          "collab-wide", "env.model=mobilenetv2", "env.partitioning=chain", "env.numDevices=4");
    }
  }

  @Nested
  class TimeBased extends ParallelEnvContract {
    @Override
    protected ParallelEnv createEnv() {
      return CollabFixtures.env(
          "collab-wide", "env.mdp=time-based", "env.slotLength=10 ms", "env.tasksMean=5");
    }
  }
}
