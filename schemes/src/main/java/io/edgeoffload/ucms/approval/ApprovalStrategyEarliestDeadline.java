package io.edgeoffload.ucms.approval;

/** Earliest deadline first (DEADLINE_MADDPG's ES, UCMS Sec. 5.2): requests ranked by φ_n. */
public final class ApprovalStrategyEarliestDeadline implements ApprovalStrategy {
  @Override
  public String id() {
    return "earliest-deadline";
  }

  @Override
  public void score(Requests r, int server, int[] ids, int count, double[] scores) {
    for (int i = 0; i < count; i++) {
      scores[i] = r.deadline(ids[i]);
    }
  }
}
