package io.edgeoffload.ucms.approval;

/**
 * First come, first approved: requests ranked by arrival at the ES, i.e. by transmission delay τ^o
 * (eq. 7; MODEL-NOTES UCMS 4 and 7, the MADDPG baseline's ES).
 */
public final class ApprovalStrategyFirstCome implements ApprovalStrategy {
  @Override
  public String id() {
    return "first-come";
  }

  @Override
  public void score(Requests r, int server, int[] ids, int count, double[] scores) {
    for (int i = 0; i < count; i++) {
      scores[i] = r.transmissionDelay(ids[i]);
    }
  }
}
