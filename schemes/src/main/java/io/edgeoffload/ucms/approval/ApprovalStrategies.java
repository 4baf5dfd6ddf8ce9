package io.edgeoffload.ucms.approval;

import io.edgeoffload.core.registry.Registry;
import java.util.function.Supplier;

/** The registry of built-in ES approval strategies. */
public final class ApprovalStrategies {
  private ApprovalStrategies() {}

  /** A new registry (strategies hold no state, but each environment gets its own instance). */
  public static Registry<Supplier<ApprovalStrategy>> registry() {
    return new Registry<Supplier<ApprovalStrategy>>("approval strategy")
        .register(
            "first-come",
            "approve in order of arrival (transmission delay), MADDPG baseline",
            ApprovalStrategyFirstCome::new)
        .register(
            "lowest-cost",
            "approve the lowest predicted offloading cost first, OFFLOADCOST_MADDPG",
            ApprovalStrategyLowestCost::new)
        .register(
            "earliest-deadline",
            "approve the earliest deadline first, DEADLINE_MADDPG",
            ApprovalStrategyEarliestDeadline::new);
  }
}
