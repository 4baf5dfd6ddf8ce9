package io.edgeoffload.ucms.approval;

/**
 * Lowest offloading cost first (OFFLOADCOST_MADDPG's ES, UCMS Sec. 5.2): requests ranked by ρ₁·(τ^p
 * + τ^o) + ρ₂·e^o (eqs. 7–10, 14).
 */
public final class ApprovalStrategyLowestCost implements ApprovalStrategy {
  @Override
  public String id() {
    return "lowest-cost";
  }

  @Override
  public void score(Requests r, int server, int[] ids, int count, double[] scores) {
    for (int i = 0; i < count; i++) {
      scores[i] = r.offloadCost(ids[i]);
    }
  }
}
