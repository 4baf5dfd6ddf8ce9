package io.edgeoffload.rl.replay;

import io.edgeoffload.core.config.Check;

/**
 * The reward/TD-error trade-off priority of UCMS Sec. 4.3.1:
 *
 * <pre>
 *   η_r = |r| + ε                      UCMS eq. (27)
 *   η_δ = |δ| + ε                      UCMS eq. (28)
 *   η   = υ_r·η_r + υ_δ·η_δ,  υ_r + υ_δ = 1    UCMS eq. (29)
 * </pre>
 *
 * so η = υ_r|r| + (1 − υ_r)|δ| + ε. It is non-decreasing in |r| and in |δ|, even in both signs, and
 * is the TD-error priority {@link TdErrorPriority} at υ_r = 0. The paper gives no value of υ_r; the
 * reading and its consequences (the two terms are in different units unless rewards are scaled,
 * sampling is over the whole buffer, eq. 30) are in docs/model-notes.md (UCMS 12).
 *
 * @param rewardWeight υ_r ∈ [0, 1]; υ_δ = 1 − υ_r (eq. 29)
 * @param epsilon ε > 0 of eqs. (27)–(28)
 */
public record RewardTdErrorPriority(double rewardWeight, double epsilon)
    implements PriorityFunction {
  public RewardTdErrorPriority {
    Check.range("rewardWeight", rewardWeight, 0.0, 1.0);
    Check.positive("epsilon", epsilon);
  }

  /** υ_δ = 1 − υ_r (UCMS eq. 29). */
  public double tdErrorWeight() {
    return 1.0 - rewardWeight;
  }

  @Override
  public double priority(double reward, double tdError) {
    double etaR = Math.abs(reward) + epsilon; // UCMS eq. (27)
    double etaDelta = Math.abs(tdError) + epsilon; // UCMS eq. (28)
    return rewardWeight * etaR + (1.0 - rewardWeight) * etaDelta; // UCMS eq. (29)
  }
}
