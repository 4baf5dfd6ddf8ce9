package io.edgeoffload.ucms;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.registry.Registry;
import io.edgeoffload.ucms.approval.ApprovalStrategies;
import io.edgeoffload.ucms.baseline.AllLocalPolicy;
import io.edgeoffload.ucms.baseline.AllOffloadPolicy;
import io.edgeoffload.ucms.baseline.GreedyPolicy;
import io.edgeoffload.ucms.baseline.RandomPolicy;
import io.edgeoffload.ucms.selection.SelectionPolicies;
import java.util.List;

/** UCMS (seed 001): dynamic multi-user, multi-server MEC with deadlines, batteries and storage. */
public final class UcmsScheme implements Scheme<UcmsConfig, UcmsEnv> {
  private static final Registry<String> PRESETS =
      new Registry<String>("preset")
          .register(
              "ucms-paper",
              "Table 3 read literally (β and D_m in MB): nearly every task is late",
              "")
          .register(
              "ucms-kb",
              "Table 3 with β and D_m in KB (MODEL-NOTES UCMS 1): deadlines, subchannels and storage bind",
              "");

  private static final Registry<PolicyFactory<UcmsConfig, UcmsEnv>> POLICIES =
      new Registry<PolicyFactory<UcmsConfig, UcmsEnv>>("policy")
          .register(
              "all-local", "every UD computes locally at full CPU", (c, e) -> new AllLocalPolicy())
          .register(
              "all-offload",
              "every UD asks to offload at full power (full CPU if rejected)",
              (c, e) -> new AllOffloadPolicy())
          .register("random", "uniform random x, f, p for every UD", (c, e) -> new RandomPolicy())
          .register(
              "greedy",
              "each UD takes the cheaper predicted option, local or its co-selected ES",
              (c, e) -> new GreedyPolicy(e));

  /** Headlines: what the lab plots per run, draws as bars in comparisons and prints. */
  private static final List<EpisodeMetric> METRICS =
      List.of(
          new EpisodeMetric(
                  "reward",
                  "reward_mean",
                  EpisodeMetric.EPISODE,
                  "episode return, mean over UDs (eq. 26)")
              .asHeadline(),
          new EpisodeMetric(
                  "cost",
                  "cost_sum",
                  EpisodeMetric.STEPS,
                  "total system cost per slot, Σ_n C_n (eq. 15a)")
              .asHeadline(),
          new EpisodeMetric("mean_delay_s", "delay_sum", "tasks", "mean task delay τ_n, seconds")
              .asHeadline(),
          new EpisodeMetric("mean_energy_j", "energy_sum", "tasks", "mean UD energy e_n, joules")
              .asHeadline(),
          new EpisodeMetric(
                  "timeout_rate", "timeouts", "tasks", "share of tasks past their deadline")
              .asHeadline(),
          new EpisodeMetric(
                  "server_participation", "approvals", "tasks", "share of tasks the ESs approved")
              .asHeadline(),
          new EpisodeMetric(
              "offload_request_rate", "requests", "tasks", "share of tasks with x^u >= 0.5"),
          new EpisodeMetric(
              "approval_rate", "approvals", "requests", "share of offloading requests approved"),
          new EpisodeMetric(
                  "below_bmin_share",
                  "below_bmin",
                  "tasks",
                  "share of UD-slots below b_min (Fig. 11)")
              .asHeadline(),
          new EpisodeMetric("mean_battery_j", "battery_sum", "tasks", "mean battery level, joules"),
          new EpisodeMetric(
              "unassigned_share", "unassigned", "tasks", "share of UD-slots without an ES"),
          new EpisodeMetric(
              "subchannel_use",
              "subchannels_used",
              "subchannel_capacity",
              "share of M·K subchannels used"),
          new EpisodeMetric(
              "storage_use",
              "storage_used_bits",
              "storage_capacity_bits",
              "share of M·D_m storage used"),
          new EpisodeMetric(
              "penalty", "penalty_sum", EpisodeMetric.STEPS, "Σ_n P_n per slot (eq. 25)"));

  @Override
  public String id() {
    return "ucms";
  }

  @Override
  public String description() {
    return "UCMS: multi-user multi-server MEC with deadlines, batteries, subchannels, storage (seed 001)";
  }

  @Override
  public Registry<String> presets() {
    return PRESETS;
  }

  @Override
  public Class<UcmsConfig> configType() {
    return UcmsConfig.class;
  }

  @Override
  public Registry<LearnerFactory<UcmsConfig, UcmsEnv>> learners() {
    return io.edgeoffload.ucms.learn.UcmsLearners.registry();
  }

  @Override
  public UcmsEnv createEnv(UcmsConfig config) {
    UcmsEnvConfig env = config.env();
    return new UcmsEnv(
        env,
        SelectionPolicies.registry().get(env.selection()).get(),
        ApprovalStrategies.registry().get(env.approval()).get());
  }

  @Override
  public int episodeLength(UcmsConfig config) {
    return config.env().slotsPerEpisode();
  }

  @Override
  public Registry<PolicyFactory<UcmsConfig, UcmsEnv>> policies() {
    return POLICIES;
  }

  @Override
  public List<EpisodeMetric> episodeMetrics() {
    return METRICS;
  }
}
