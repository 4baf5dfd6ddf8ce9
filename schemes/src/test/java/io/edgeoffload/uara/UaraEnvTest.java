package io.edgeoffload.uara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.core.Policy;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.uara.allocation.ClosedForm;
import org.junit.jupiter.api.Test;

/** What {@code uara-v1} reports per slot. */
class UaraEnvTest {
  private static double info(UaraEnv env, StepResult r, String key) {
    return r.info()[env.infoKeys().indexOf(key)];
  }

  @Test
  void everyDeviceThatChoseAServerIsOffloadedOrCountedAsDroppedForMemory() {
    UaraConfig c =
        UaraFixtures.config("uara", "env.numDevices=160", "env.load=comp", "baseline.epsilon=0");
    UaraEnv env = new UaraScheme().createEnv(c);
    Policy p = new UaraScheme().policies().get("random").create(c, env);
    float[][] obs = env.reset(3);
    p.reset(4);
    float[][] actions = new float[160][1];
    double dropped = 0;
    for (int t = 0; t < 5; t++) {
      p.act(obs, actions);
      StepResult r = env.step(actions);
      assertThat(info(env, r, "offloaded") + info(env, r, "memory_dropped")).isEqualTo(160);
      dropped += info(env, r, "memory_dropped");
      obs = r.observations();
    }
    // 160 requests over four ESs, two of them RTX 2080s with room for about 13 Llama 2 requests.
    assertThat(dropped).isPositive();
  }

  @Test
  void rewardIsMinusTheObjectivePerDeviceAndLocalActionsComputeLocally() {
    UaraConfig c = UaraFixtures.config("uara", "env.numDevices=30");
    UaraEnv env = new UaraScheme().createEnv(c);
    env.reset(5);
    UaraInstance inst = env.instance();
    float[][] actions = new float[30][1];
    for (float[] a : actions) {
      a[0] = -1f;
    }
    double allLocal = inst.localCostSum();
    StepResult r = env.step(actions);
    assertThat(info(env, r, "offloaded")).isZero();
    assertThat(info(env, r, "objective")).isCloseTo(allLocal, within(1e-9 * allLocal));
    assertThat(r.rewards()[7]).isCloseTo(-allLocal / 30, within(1e-9 * allLocal));
    assertThat(ClosedForm.LOCAL).isNegative();
  }
}
