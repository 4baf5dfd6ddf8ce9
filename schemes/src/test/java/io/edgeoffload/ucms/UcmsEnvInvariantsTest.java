package io.edgeoffload.ucms;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.core.StepResult;
import io.edgeoffload.ucms.approval.ApprovalStrategies;
import io.edgeoffload.ucms.selection.SelectionPolicy;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Constraints of UCMS P1 hold in every slot under random actions, every approval strategy and both
 * selections: subchannels (15i), storage (15j), user capacity (15h), battery in [0, b_max] (13).
 */
class UcmsEnvInvariantsTest {
  @Test
  void constraintsHoldEverySlot() {
    String[][] variants = {
      {"env.numUsers=48"},
      {"env.numUsers=57", "env.selection=random"},
      {"env.numUsers=30", "env.subchannels=3", "env.storage=60 KB", "env.cpusPerServer=2"},
      {"env.numUsers=20", "env.batteryMax=1 J", "env.batteryMin=0.5 J", "env.harvestModel=uniform"}
    };
    SplittableRandom rng = new SplittableRandom(31);
    for (String[] v : variants) {
      for (String approval : ApprovalStrategies.registry().ids()) {
        String[] sets = new String[v.length + 1];
        System.arraycopy(v, 0, sets, 0, v.length);
        sets[v.length] = "env.approval=" + approval;
        UcmsEnvConfig c = UcmsFixtures.config("ucms-kb", sets);
        UcmsEnv env = new UcmsScheme().createEnv(new UcmsConfig(c));
        int n = c.numUsers();
        int m = c.numServers();
        float[][] actions = new float[n][3];
        env.reset(rng.nextLong());
        for (int t = 0; t < 60; t++) {
          int[] assignedBefore = new int[n];
          int[] perServer = new int[m];
          for (int u = 0; u < n; u++) {
            assignedBefore[u] = env.assignedServer(u);
            if (assignedBefore[u] != SelectionPolicy.UNASSIGNED) {
              perServer[assignedBefore[u]]++;
            }
            for (int k = 0; k < 3; k++) {
              actions[u][k] = (float) rng.nextDouble();
            }
          }
          for (int s = 0; s < m; s++) {
            assertThat(perServer[s]).isLessThanOrEqualTo(c.maxUsersPerServer()); // (15h)
          }
          double[] bits = new double[n];
          for (int u = 0; u < n; u++) {
            bits[u] = env.taskBits(u);
          }
          StepResult r = env.step(actions);
          int[] channels = new int[m];
          double[] stored = new double[m];
          for (int u = 0; u < n; u++) {
            int s = env.lastServer(u);
            if (s != SelectionPolicy.UNASSIGNED) {
              assertThat(s).as("offloaded only to its own ES").isEqualTo(assignedBefore[u]);
              assertThat(actions[u][0])
                  .as("offloaded only on request")
                  .isGreaterThanOrEqualTo(0.5f);
              channels[s]++;
              stored[s] += bits[u];
            }
            assertThat(env.battery(u)).isBetween(0.0, c.batteryMax().joules()); // eq. (13)
          }
          for (int s = 0; s < m; s++) {
            assertThat(channels[s]).isLessThanOrEqualTo(c.subchannels()); // (15i)
            assertThat(stored[s]).isLessThanOrEqualTo(c.storage().bits()); // (15j)
          }
          double used = r.info()[UcmsEnv.INFO_KEYS.indexOf("subchannels_used")];
          assertThat(used).isEqualTo(r.info()[UcmsEnv.INFO_KEYS.indexOf("approvals")]);
        }
      }
    }
  }

  @Test
  void withMoreUdsThanPlacesTheSurplusComputesLocally() {
    UcmsEnvConfig c = UcmsFixtures.config("ucms-kb", "env.numUsers=57"); // 3 × 16 = 48 places
    UcmsEnv env = new UcmsScheme().createEnv(new UcmsConfig(c));
    env.reset(3);
    float[][] all = new float[57][];
    for (int u = 0; u < 57; u++) {
      all[u] = new float[] {1f, 1f, 1f};
    }
    for (int t = 0; t < 10; t++) {
      int unassigned = 0;
      boolean[] was = new boolean[57];
      for (int u = 0; u < 57; u++) {
        was[u] = env.assignedServer(u) == SelectionPolicy.UNASSIGNED;
        unassigned += was[u] ? 1 : 0;
      }
      assertThat(unassigned).isEqualTo(9);
      StepResult r = env.step(all);
      for (int u = 0; u < 57; u++) {
        if (was[u]) {
          assertThat(env.lastOffloaded(u)).isFalse();
        }
      }
      assertThat(r.info()[UcmsEnv.INFO_KEYS.indexOf("requests_unassigned")]).isEqualTo(9);
    }
  }
}
