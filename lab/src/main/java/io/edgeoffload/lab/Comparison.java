package io.edgeoffload.lab;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.metrics.EpisodeMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates several policies on one scenario over one or more root seeds, with common random
 * numbers (episode e of every policy sees the same tasks and channels), and writes one run folder
 * per policy and seed plus a comparison: figures with every policy, bar charts of means with 95%
 * intervals, {@code summary.md} and {@code summary.csv}.
 *
 * <p>With one seed, intervals are over episodes. With several, each seed's mean over its episodes
 * is one sample and intervals are over seeds (the honest unit of replication: episodes within a
 * seed share nothing but the policy, seeds share nothing at all).
 */
public final class Comparison {
  private Comparison() {}

  /** One policy's results, one per seed. */
  public record Entry(String policy, List<Runner.Result> results) {
    /** The per-episode values of a metric, averaged over seeds. */
    double[] meanCurve(String metric) {
      double[] sum = new double[results.get(0).episodes()];
      for (Runner.Result r : results) {
        double[] c = r.column(metric);
        for (int e = 0; e < sum.length; e++) {
          sum[e] += c[e] / results.size();
        }
      }
      return sum;
    }

    /** The samples behind a metric's interval: episodes (one seed) or seed means (several). */
    double[] samples(String metric) {
      if (results.size() == 1) {
        return results.get(0).column(metric);
      }
      double[] means = new double[results.size()];
      for (int i = 0; i < means.length; i++) {
        means[i] = Stats.summarize(results.get(i).column(metric)).mean();
      }
      return means;
    }
  }

  public static <C> List<Entry> run(
      ResolvedConfig<C> resolved, List<String> policies, int episodes, List<Long> seeds, Path out) {
    Scheme<C, ?> scheme = resolved.scheme();
    for (String p : policies) {
      scheme.policies().get(p); // unknown ids fail before any work
    }
    Progress progress =
        new Progress("evaluating", (long) episodes * policies.size() * seeds.size());
    List<Entry> entries = new ArrayList<>();
    for (String policy : policies) {
      List<Runner.Result> results = new ArrayList<>();
      for (long seed : seeds) {
        Runner.Result r = Runner.run(scheme, resolved.config(), policy, episodes, seed, progress);
        results.add(r);
        Path dir =
            seeds.size() == 1 ? out.resolve(policy) : out.resolve(policy).resolve("seed-" + seed);
        RunOutput.write(
            dir,
            RunOutput.RunInfo.of(resolved, r.environment(), policy, episodes, seed),
            resolved.config(),
            r);
      }
      entries.add(new Entry(policy, results));
    }
    progress.finish();
    writeComparison(out.resolve("comparison"), scheme.id() + " / " + resolved.preset(), entries);
    AtomicFiles.write(out.resolve("summary.md"), markdown(resolved, episodes, seeds, entries));
    AtomicFiles.write(out.resolve("summary.csv"), csv(entries));
    AtomicFiles.write(out.resolve("seed_means.csv"), seedMeans(entries, seeds));
    return entries;
  }

  private static void writeComparison(Path dir, String title, List<Entry> entries) {
    List<EpisodeMetric> metrics = entries.get(0).results().get(0).metrics();
    List<String> labels = entries.stream().map(Entry::policy).toList();
    for (EpisodeMetric m : metrics) {
      List<Plots.Curve> curves = new ArrayList<>();
      for (Entry e : entries) {
        curves.add(new Plots.Curve(e.policy(), e.meanCurve(m.name())));
      }
      Plots.episodeChart(
          dir.resolve(m.name()),
          title + ": " + m.name(),
          m.name() + " (" + m.description() + ")",
          curves);
      if (m.headline()) {
        double[] means = new double[entries.size()];
        double[] half = new double[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
          Stats.Summary s = Stats.summarize(entries.get(i).samples(m.name()));
          means[i] = s.mean();
          half[i] = s.halfWidth();
        }
        Plots.meanBars(
            dir.resolve(m.name() + "_bars"),
            title
                + ": mean "
                + m.name()
                + ", 95% CI over "
                + (entries.get(0).results().size() == 1
                    ? "episodes"
                    : entries.get(0).results().size() + " seed means"),
            m.name(),
            labels,
            means,
            half);
      }
    }
  }

  /** A Markdown table: one row per policy, mean ± 95% CI half-width of each headline metric. */
  static String markdown(
      ResolvedConfig<?> resolved, int episodes, List<Long> seeds, List<Entry> entries) {
    List<EpisodeMetric> metrics = entries.get(0).results().get(0).metrics();
    StringBuilder sb = new StringBuilder();
    sb.append("# ")
        .append(resolved.scheme().id())
        .append(" / ")
        .append(resolved.preset())
        .append(": policies compared\n\n");
    sb.append(episodes)
        .append(" episodes per policy and root seed, root seeds ")
        .append(seeds)
        .append(", the same episode seeds for every policy. Mean ± half-width of the two-sided")
        .append(" 95% Student-t interval ")
        .append(seeds.size() == 1 ? "over episodes" : "over the " + seeds.size() + " seed means")
        .append(".");
    if (!resolved.overrides().isEmpty()) {
      sb.append(" Overrides: `").append(String.join("`, `", resolved.overrides())).append("`.");
    }
    sb.append("\n\n");
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
        Stats.Summary s = Stats.summarize(e.samples(m.name()));
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
      for (EpisodeMetric m : e.results().get(0).metrics()) {
        Stats.Summary s = Stats.summarize(e.samples(m.name()));
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

  /** Each run's mean over its episodes: the samples behind multi-seed intervals. */
  static String seedMeans(List<Entry> entries, List<Long> seeds) {
    StringBuilder sb = new StringBuilder("policy,seed,metric,episodes,mean\n");
    for (Entry e : entries) {
      for (int i = 0; i < e.results().size(); i++) {
        Runner.Result r = e.results().get(i);
        for (EpisodeMetric m : r.metrics()) {
          sb.append(e.policy())
              .append(',')
              .append(seeds.get(i))
              .append(',')
              .append(m.name())
              .append(',')
              .append(r.episodes())
              .append(',')
              .append(RunOutput.number(Stats.summarize(r.column(m.name())).mean()))
              .append('\n');
        }
      }
    }
    return sb.toString();
  }
}
