package io.edgeoffload.uara;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.core.registry.Registry;
import io.edgeoffload.uara.baseline.BaselineSolver;
import io.edgeoffload.uara.pricing.PricingSolver;
import java.util.List;
import java.util.function.Function;

/** UARA (seed 004): pricing-based user association and closed-form resource allocation. */
public final class UaraScheme implements Scheme<UaraConfig, UaraEnv> {
  private static final Registry<String> PRESETS =
      new Registry<String>("preset")
          .register(
              "uara",
              "Tables 3 and 4 with MobileNetV3 at 8e7 flops; 80 MDs, 4 ESs, balanced load",
              "")
          .register("uara-literal", "Tables 3 and 4 as printed (MobileNetV3 at 8e12 flops)", "");

  /** Solver ids and factories, shared by the policies and {@code uara solve}. */
  private static final Registry<Function<UaraConfig, AssociationSolver>> SOLVERS =
      new Registry<Function<UaraConfig, AssociationSolver>>("solver")
          .register(
              "pricing",
              "Algorithm 1: prices, picks by (29), sub-gradient steps (31)",
              c -> new PricingSolver(c.pricing()))
          .register(
              "pricing-polish",
              "Algorithm 1, then best-response moves while J falls (our addition)",
              c -> new PricingSolver(c.pricing().withPolish(true)))
          .register(
              "random",
              "local with probability ε, else a uniformly random ES",
              c -> baseline(BaselineSolver.Rule.RANDOM, c))
          .register(
              "max-sinr",
              "local with probability ε, else the ES with the best channel",
              c -> baseline(BaselineSolver.Rule.MAX_SINR, c))
          .register(
              "max-compute",
              "local with probability ε, else the ES with most compute per task",
              c -> baseline(BaselineSolver.Rule.MAX_COMPUTE, c))
          .register(
              "combined",
              "local with probability ε, else the ES of least estimated delay",
              c -> baseline(BaselineSolver.Rule.COMBINED, c));

  private static final Registry<PolicyFactory<UaraConfig, UaraEnv>> POLICIES = buildPolicies();

  private static final List<EpisodeMetric> METRICS =
      List.of(
          new EpisodeMetric(
                  "objective", "objective", EpisodeMetric.STEPS, "J(X) per slot, P1 (our reading)")
              .asHeadline(),
          new EpisodeMetric(
                  "mean_latency_s", "latency_sum", "tasks", "mean task latency, s (eq. 19)")
              .asHeadline(),
          new EpisodeMetric(
              "mean_comm_latency_s",
              "comm_latency_sum",
              "tasks",
              "mean transmission delay per task, s (eq. 6; 0 when local)"),
          new EpisodeMetric(
              "mean_compute_latency_s",
              "compute_latency_sum",
              "tasks",
              "mean computation delay per task, s (eq. 8 or 9)"),
          new EpisodeMetric(
                  "device_energy_j",
                  "device_energy_j",
                  "tasks",
                  "mean device energy per task, J (eqs. 16, 20)")
              .asHeadline(),
          new EpisodeMetric(
              "server_energy_j",
              "server_energy_j",
              "tasks",
              "mean server energy per task, J (eq. 18)"),
          new EpisodeMetric(
                  "offload_share", "offloaded", "tasks", "share of tasks offloaded to an ES")
              .asHeadline(),
          new EpisodeMetric(
              "low_battery_offload_share",
              "low_battery_offloaded",
              "low_battery",
              "share of low-battery devices' tasks offloaded"),
          new EpisodeMetric(
              "memory_dropped_share",
              "memory_dropped",
              "tasks",
              "share of tasks sent back to local for lack of VRAM (eq. 13)"),
          new EpisodeMetric(
              "iterations", "iterations", EpisodeMetric.STEPS, "price iterations per slot"));

  private static BaselineSolver baseline(BaselineSolver.Rule rule, UaraConfig c) {
    return new BaselineSolver(rule, c.baseline().epsilon());
  }

  private static Registry<PolicyFactory<UaraConfig, UaraEnv>> buildPolicies() {
    Registry<PolicyFactory<UaraConfig, UaraEnv>> r = new Registry<>("policy");
    for (Registry.Entry<Function<UaraConfig, AssociationSolver>> e : SOLVERS.entries()) {
      r.register(e.id(), e.description(), (c, env) -> new SolverPolicy(e.value().apply(c), env));
    }
    return r;
  }

  /** The association solvers by id (the same ids as the policies). */
  public static Registry<Function<UaraConfig, AssociationSolver>> solvers() {
    return SOLVERS;
  }

  @Override
  public String id() {
    return "uara";
  }

  @Override
  public String description() {
    return "UARA: pricing-based user association, closed-form bandwidth and GPU shares (seed 004)";
  }

  @Override
  public Registry<String> presets() {
    return PRESETS;
  }

  @Override
  public Class<UaraConfig> configType() {
    return UaraConfig.class;
  }

  @Override
  public UaraEnv createEnv(UaraConfig config) {
    return new UaraEnv(config.env());
  }

  @Override
  public int episodeLength(UaraConfig config) {
    return config.env().slotsPerEpisode();
  }

  @Override
  public Registry<PolicyFactory<UaraConfig, UaraEnv>> policies() {
    return POLICIES;
  }

  @Override
  public List<EpisodeMetric> episodeMetrics() {
    return METRICS;
  }
}
