package io.edgeoffload.ucms.learn;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.registry.Registry;
import io.edgeoffload.rl.maddpg.MaddpgConfig;
import io.edgeoffload.ucms.UcmsConfig;
import io.edgeoffload.ucms.UcmsEnv;
import io.edgeoffload.ucms.UcmsEnvConfig;
import io.edgeoffload.ucms.approval.ApprovalStrategyEarliestDeadline;
import io.edgeoffload.ucms.approval.ApprovalStrategyFirstCome;
import io.edgeoffload.ucms.approval.ApprovalStrategyLowestCost;
import io.edgeoffload.ucms.selection.SelectionPolicyRandom;

/**
 * UCMS_MADDPG and its learned baselines (UCMS Sec. 5.2, MODEL-NOTES UCMS 7), all on one MADDPG core
 * with the UD actors and critics of Sec. 4.3; they differ in who approves offloading requests and
 * how UDs are paired with ESs:
 *
 * <table>
 *   <caption>Algorithms</caption>
 *   <tr><th>id</th><th>pairing</th><th>ES approval</th><th>replay</th></tr>
 *   <tr><td>ucms-maddpg</td><td>co-selection (Alg. 1)</td><td>ES critics' advantage</td>
 *       <td>reward/TD-error priority, η-weighted loss (eqs. 27–33)</td></tr>
 *   <tr><td>rd-ucms-maddpg</td><td>random</td><td>ES critics' advantage</td><td>as above</td></tr>
 *   <tr><td>maddpg</td><td>co-selection</td><td>first come</td><td>uniform</td></tr>
 *   <tr><td>offloadcost-maddpg</td><td>co-selection</td><td>lowest offloading cost</td>
 *       <td>uniform</td></tr>
 *   <tr><td>deadline-maddpg</td><td>co-selection</td><td>earliest deadline</td>
 *       <td>uniform</td></tr>
 * </table>
 */
public final class UcmsLearners {
  private UcmsLearners() {}

  /**
   * Sec. 5.1: actors of two 64-unit layers, critics of two 512-unit layers, learning rates 1e-4
   * (actor) and 1e-3 (critic), batch 64, buffer 10⁵, γ = 0.99, Adam. The paper leaves τ, the noise,
   * the warm-up, the update schedule and υ_r open; our choices are documented in
   * docs/schemes/ucms.md. Algorithm 2 trains after every episode; one round of {@code
   * gradientSteps} steps (1) every {@code slotsPerEpisode} environment steps does the same.
   */
  public static MaddpgConfig paperDefaults(UcmsEnvConfig env) {
    int slots = env.slotsPerEpisode();
    return new MaddpgConfig(
        new int[] {64, 64},
        new int[] {512, 512},
        1e-4,
        1e-3,
        0.99,
        0.01,
        64,
        100_000,
        20 * slots,
        slots,
        1,
        0.2,
        0.9998,
        0.02,
        0.0,
        false,
        "reward-td",
        0.6,
        0.4,
        20_000,
        1e-6,
        0.5,
        1.0,
        "priority",
        0.0,
        0.0,
        1);
  }

  /** Uniform replay with plain MSE: the MADDPG baselines' replay. */
  static MaddpgConfig uniform(MaddpgConfig c) {
    return c.with("replay=uniform", "lossWeights=importance");
  }

  /** The registry {@link io.edgeoffload.ucms.UcmsScheme#learners()} returns. */
  public static Registry<Scheme.LearnerFactory<UcmsConfig, UcmsEnv>> registry() {
    return new Registry<Scheme.LearnerFactory<UcmsConfig, UcmsEnv>>("learner")
        .register(
            "ucms-maddpg",
            "UCMS_MADDPG: co-selection, ES critics approve by advantage, reward/TD-error replay",
            (c, env, seed) -> UcmsMaddpg.create("ucms-maddpg", c.maddpg(), env, true, seed))
        .register(
            "rd-ucms-maddpg",
            "RD_UCMS_MADDPG: UCMS_MADDPG with random UD-ES pairing",
            (c, env, seed) -> {
              env.setSelectionPolicy(new SelectionPolicyRandom());
              return UcmsMaddpg.create("rd-ucms-maddpg", c.maddpg(), env, true, seed);
            })
        .register(
            "maddpg",
            "MADDPG: x >= 0.5 offloads, the ES accepts first come, uniform replay",
            (c, env, seed) -> {
              env.setApprovalStrategy(new ApprovalStrategyFirstCome());
              return UcmsMaddpg.create("maddpg", uniform(c.maddpg()), env, false, seed);
            })
        .register(
            "offloadcost-maddpg",
            "OFFLOADCOST_MADDPG: MADDPG whose ES approves the lowest offloading cost first",
            (c, env, seed) -> {
              env.setApprovalStrategy(new ApprovalStrategyLowestCost());
              return UcmsMaddpg.create("offloadcost-maddpg", uniform(c.maddpg()), env, false, seed);
            })
        .register(
            "deadline-maddpg",
            "DEADLINE_MADDPG: MADDPG whose ES approves the earliest deadline first",
            (c, env, seed) -> {
              env.setApprovalStrategy(new ApprovalStrategyEarliestDeadline());
              return UcmsMaddpg.create("deadline-maddpg", uniform(c.maddpg()), env, false, seed);
            });
  }
}
