package io.edgeoffload.ucms.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.rl.maddpg.MaddpgConfig;
import io.edgeoffload.rl.replay.RewardTdErrorPriority;
import io.edgeoffload.ucms.UcmsConfig;
import io.edgeoffload.ucms.UcmsEnv;
import io.edgeoffload.ucms.UcmsEnvConfig;
import io.edgeoffload.ucms.UcmsScheme;
import io.edgeoffload.ucms.selection.SelectionPolicy;
import io.edgeoffload.ucms.selection.SelectionPolicyRandom;
import org.junit.jupiter.api.Test;

class UcmsLearnersTest {

  static UcmsConfig config(String... sets) {
    var tree = ConfigLoader.readResource("presets/ucms/ucms-kb.yaml");
    for (String s : sets) {
      ConfigLoader.set(tree, s);
    }
    return ConfigLoader.bind(tree, UcmsConfig.class);
  }

  /**
   * The ESs' learned approval (their critics' advantage) keeps UCMS P1's constraints in every slot:
   * at most K subchannels (15i) and D_m bits (15j) per ES, only UDs that asked (x ≥ 0.5), only at
   * their own ES. The critics are untrained, so their advantages approve some requests and refuse
   * others: both must happen for the test to mean anything.
   */
  @Test
  void learnedApprovalKeepsSubchannelAndStorageLimits() {
    UcmsConfig c =
        config(
            "env.numUsers=30",
            "env.subchannels=3",
            "env.storage=60 KB",
            "maddpg.criticHidden=[32]",
            "maddpg.warmupSteps=1000000");
    UcmsEnvConfig e = c.env();
    UcmsScheme scheme = new UcmsScheme();
    UcmsEnv env = scheme.createEnv(c);
    UcmsMaddpg learner = (UcmsMaddpg) scheme.learners().get("ucms-maddpg").create(c, env, 5);
    assertThat(env.approvalStrategy()).isSameAs(learner.servers());
    int n = e.numUsers();
    int m = e.numServers();
    float[][] actions = new float[n][3];
    float[][] obs = copy(env.reset(1));
    int approved = 0;
    int refusedWithRoom = 0;
    for (int t = 0; t < 80; t++) {
      learner.explore(obs, actions);
      int[] assigned = new int[n];
      double[] bits = new double[n];
      for (int u = 0; u < n; u++) {
        assigned[u] = env.assignedServer(u);
        bits[u] = env.taskBits(u);
      }
      StepResult r = env.step(actions);
      int[] channels = new int[m];
      double[] stored = new double[m];
      for (int u = 0; u < n; u++) {
        int s = env.lastServer(u);
        if (s != SelectionPolicy.UNASSIGNED) {
          assertThat(actions[u][0]).as("approved only on request").isGreaterThanOrEqualTo(0.5f);
          assertThat(s).as("at its own ES").isEqualTo(assigned[u]);
          channels[s]++;
          stored[s] += bits[u];
          approved++;
        }
      }
      for (int s = 0; s < m; s++) {
        assertThat(channels[s]).isLessThanOrEqualTo(e.subchannels()); // (15i)
        assertThat(stored[s]).isLessThanOrEqualTo(e.storage().bits()); // (15j)
      }
      for (int u = 0; u < n; u++) {
        int s = assigned[u];
        if (s >= 0
            && actions[u][0] >= 0.5f
            && env.lastServer(u) < 0
            && channels[s] < e.subchannels()
            && stored[s] + bits[u] <= e.storage().bits()) {
          refusedWithRoom++; // the critic said no although the ES had room
        }
      }
      obs = copy(r.observations());
    }
    assertThat(approved).isPositive();
    assertThat(refusedWithRoom).isPositive();
  }

  /**
   * A UCMS_MADDPG policy file carries the UDs' actors and the ESs' critics: a learner built with
   * another seed (other actors, other critics) and loaded from it makes the same requests and the
   * ESs approve the same ones, slot by slot, as the learner that wrote it.
   */
  @Test
  void aPolicyFileCarriesTheServersApprovals(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    UcmsConfig c = config("env.numUsers=12", "maddpg.criticHidden=[32]");
    UcmsScheme scheme = new UcmsScheme();
    UcmsEnv envA = scheme.createEnv(c);
    UcmsEnv envB = scheme.createEnv(c);
    UcmsMaddpg a = (UcmsMaddpg) scheme.learners().get("ucms-maddpg").create(c, envA, 5);
    UcmsMaddpg b = (UcmsMaddpg) scheme.learners().get("ucms-maddpg").create(c, envB, 6);
    java.nio.file.Path policy = dir.resolve("policy.bin");
    a.savePolicy(policy);
    java.nio.file.Path ckpt = dir.resolve("checkpoint.bin");
    a.save(ckpt);
    // No user critics, targets, optimiser moments or replay (at N = 30 and the default widths:
    // 441 MiB against 7.3 MiB).
    assertThat(java.nio.file.Files.size(policy)).isLessThan(java.nio.file.Files.size(ckpt) / 4);
    assertThat(b.servers().critic(0).params()).isNotEqualTo(a.servers().critic(0).params());
    b.load(policy);
    assertThat(b.servers().critic(0).params()).containsExactly(a.servers().critic(0).params());
    int n = c.env().numUsers();
    float[][] actA = new float[n][3];
    float[][] actB = new float[n][3];
    float[][] obsA = copy(envA.reset(3));
    float[][] obsB = copy(envB.reset(3));
    int approved = 0;
    for (int t = 0; t < 30; t++) {
      a.act(obsA, actA);
      b.act(obsB, actB);
      assertThat(actB).isDeepEqualTo(actA);
      StepResult ra = envA.step(actA);
      double[] infoA = ra.info().clone();
      double[] rewA = ra.rewards().clone();
      obsA = copy(ra.observations());
      StepResult rb = envB.step(actB);
      assertThat(rb.info()).containsExactly(infoA);
      assertThat(rb.rewards()).containsExactly(rewA);
      for (int u = 0; u < n; u++) {
        assertThat(envB.lastServer(u)).isEqualTo(envA.lastServer(u));
        approved += envA.lastServer(u) >= 0 ? 1 : 0;
      }
      obsB = copy(rb.observations());
      if (ra.done()) {
        obsA = copy(envA.reset(100 + t));
        obsB = copy(envB.reset(100 + t));
      }
    }
    assertThat(approved).as("some requests approved, so approvals were compared").isPositive();
  }

  @Test
  void ucmsMaddpgReplaysByTheRewardTdErrorPriorityOfEq29() {
    UcmsConfig c = config("env.numUsers=4", "env.numServers=2", "maddpg.rewardWeight=0.3");
    UcmsScheme scheme = new UcmsScheme();
    UcmsMaddpg l =
        (UcmsMaddpg) scheme.learners().get("ucms-maddpg").create(c, scheme.createEnv(c), 1);
    MaddpgConfig cfg = l.core().config();
    assertThat(cfg.lossWeights()).isEqualTo("priority"); // eq. (33)
    RewardTdErrorPriority p = (RewardTdErrorPriority) l.core().priorityFunction();
    assertThat(p.rewardWeight()).isEqualTo(0.3);
    double eps = cfg.perEpsilon();
    // η = υ_r(|r| + ε) + υ_δ(|δ| + ε), υ_δ = 1 − υ_r (eqs. 27–29)
    assertThat(p.priority(-2.0, 0.5))
        .isCloseTo(0.3 * (2.0 + eps) + 0.7 * (0.5 + eps), offset(1e-12));
    // The MADDPG baselines replay uniformly with plain MSE.
    UcmsMaddpg b = (UcmsMaddpg) scheme.learners().get("maddpg").create(c, scheme.createEnv(c), 1);
    assertThat(b.core().priorityFunction()).isNull();
    assertThat(b.servers()).isNull();
  }

  @Test
  void theRandomPairingVariantPairsAtRandom() {
    UcmsConfig c = config("env.numUsers=4", "env.numServers=2");
    UcmsScheme scheme = new UcmsScheme();
    UcmsEnv env = scheme.createEnv(c);
    scheme.learners().get("rd-ucms-maddpg").create(c, env, 1);
    assertThat(env.selectionPolicy()).isInstanceOf(SelectionPolicyRandom.class);
  }

  private static float[][] copy(float[][] a) {
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
