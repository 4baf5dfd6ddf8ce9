package io.edgeoffload.lab;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.metrics.EpisodeMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates several policies on one scenario with the same seeds (common random numbers: episode e
 * of every policy sees the same tasks and channels) and writes one run folder per policy plus a
 * comparison: figures with every policy, bar charts of means with 95% intervals, {@code summary.md}
 * and {@code summary.csv}.
 */
public final class Comparison {
  private static final List<String> BARS =
      List.of("reward", "cost", "timeout_rate", "server_participation", "mean_energy_j");

  private Comparison() {}

  /** One policy's results. */
  public record Entry(String policy, Runner.Result result) {}

  public static <C> List<Entry> run(
      ResolvedConfig<C> resolved, List<String> policies, int episodes, long seed, Path out) {
    Scheme<C, ?> scheme = resolved.scheme();
    for (String p : policies) {
      scheme.policies().get(p); // unknown ids fail before any work
    }
    Progress progress = new Progress("evaluating", (long) episodes * policies.size());
    List<Entry> entries = new ArrayList<>();
    String envId = scheme.createEnv(resolved.config()).id();
    for (String policy : policies) {
      Runner.Result r = Runner.run(scheme, resolved.config(), policy, episodes, seed, progress);
      entries.add(new Entry(policy, r));
      RunOutput.write(
          out.resolve(policy),
          new RunOutput.RunInfo(
              scheme.id(),
              envId,
              resolved.preset(),
              policy,
              episodes,
              seed,
              resolved.overrides(),
              resolved.configFile()),
          resolved.config(),
          r);
    }
    progress.finish();
    writeComparison(out.resolve("comparison"), scheme.id() + " / " + resolved.preset(), entries);
    AtomicFiles.write(out.resolve("summary.md"), markdown(resolved, episodes, seed, entries));
    AtomicFiles.write(out.resolve("summary.csv"), csv(entries));
    return entries;
  }

  private static void writeComparison(Path dir, String title, List<Entry> entries) {
    List<EpisodeMetric> metrics = entries.get(0).result().metrics();
    List<String> labels = entries.stream().map(Entry::policy).toList();
    for (EpisodeMetric m : metrics) {
      List<Plots.Curve> curves = new ArrayList<>();
      for (Entry e : entries) {
        curves.add(new Plots.Curve(e.policy(), e.result().column(m.name())));
      }
      Plots.episodeChart(
          dir.resolve(m.name()),
          title + ": " + m.name(),
          m.name() + " (" + m.description() + ")",
          curves);
      if (BARS.contains(m.name())) {
        double[] means = new double[entries.size()];
        double[] half = new double[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
          Stats.Summary s = Stats.summarize(entries.get(i).result().column(m.name()));
          means[i] = s.mean();
          half[i] = s.halfWidth();
        }
        Plots.meanBars(
            dir.resolve(m.name() + "_bars"),
            title + ": mean " + m.name() + " with 95% CI",
            m.name(),
            labels,
            means,
            half);
      }
    }
  }

  /** A Markdown table: one row per policy, mean ± 95% CI half-width of each headline metric. */
  static String markdown(ResolvedConfig<?> resolved, int episodes, long seed, List<Entry> entries) {
    List<EpisodeMetric> metrics = entries.get(0).result().metrics();
    StringBuilder sb = new StringBuilder();
    sb.append("# ")
        .append(resolved.scheme().id())
        .append(" / ")
        .append(resolved.preset())
        .append(": policies compared\n\n");
    sb.append(episodes)
        .append(" episodes per policy, root seed ")
        .append(seed)
        .append(", the same episode seeds for every policy. Mean ± half-width of the two-sided")
        .append(" 95% Student-t interval over episodes.\n\n");
    sb.append("| policy |");
    for (EpisodeMetric m : metrics) {
      sb.append(' ').append(m.name()).append(" |");
    }
    sb.append("\n|---|");
    sb.append("---:|".repeat(metrics.size()));
    sb.append('\n');
    for (Entry e : entries) {
      sb.append("| ").append(e.policy()).append(" |");
      for (EpisodeMetric m : metrics) {
        Stats.Summary s = Stats.summarize(e.result().column(m.name()));
        sb.append(String.format(Locale.ROOT, " %.4g ± %.2g |", s.mean(), s.halfWidth()));
      }
      sb.append('\n');
    }
    sb.append("\nMetrics:\n\n");
    for (EpisodeMetric m : metrics) {
      sb.append("- `").append(m.name()).append("`: ").append(m.description()).append('\n');
    }
    return sb.toString();
  }

  static String csv(List<Entry> entries) {
    StringBuilder sb = new StringBuilder("policy,metric,n,mean,sd,ci95_low,ci95_high\n");
    for (Entry e : entries) {
      for (EpisodeMetric m : e.result().metrics()) {
        Stats.Summary s = Stats.summarize(e.result().column(m.name()));
        sb.append(e.policy())
            .append(',')
            .append(m.name())
            .append(',')
            .append(s.n())
            .append(',')
            .append(RunOutput.number(s.mean()))
            .append(',')
            .append(RunOutput.number(s.sd()))
            .append(',')
            .append(RunOutput.number(s.ciLow()))
            .append(',')
            .append(RunOutput.number(s.ciHigh()))
            .append('\n');
      }
    }
    return sb.toString();
  }
}
