package io.edgeoffload.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.core.metrics.EpisodeMetric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A run's folder: {@code config.yaml} (resolved configuration and provenance), {@code episodes.csv}
 * (one row per episode, simulation outcomes only, so the same seed gives a byte-identical file),
 * {@code summary.json} (means and 95% confidence intervals over episodes) and {@code plots/}. Every
 * file is written atomically.
 */
public final class RunOutput {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final MathContext DIGITS = new MathContext(10);

  private RunOutput() {}

  /** What was run. */
  public record RunInfo(
      String scheme,
      String environment,
      String preset,
      String policy,
      int episodes,
      long seed,
      List<String> overrides,
      Path configFile) {

    /** What is run when {@code policy} is evaluated under a resolved configuration. */
    public static RunInfo of(
        ResolvedConfig<?> resolved, String environment, String policy, int episodes, long seed) {
      return new RunInfo(
          resolved.scheme().id(),
          environment,
          resolved.preset(),
          policy,
          episodes,
          seed,
          resolved.overrides(),
          resolved.configFile());
    }
  }

  /**
   * Refuses an output folder that exists and is not empty, unless {@code force}; refuses a path
   * that is a file. Call before any work, so that a refusal writes nothing.
   */
  public static void checkWritable(Path dir, boolean force) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ConfigException("--out", dir, "is a file, not a folder");
    }
    if (!force && Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new ConfigException(
              "--out", dir, "exists and is not empty; choose another folder or pass --force");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Writes the whole run folder. */
  public static void write(Path dir, RunInfo info, Object config, Runner.Result result) {
    AtomicFiles.write(dir.resolve("config.yaml"), configYaml(info, config));
    AtomicFiles.write(dir.resolve("episodes.csv"), episodesCsv(result));
    AtomicFiles.write(dir.resolve("summary.json"), summaryJson(info, result));
    for (EpisodeMetric m : result.metrics()) {
      if (m.headline()) { // the scheme's headline metrics are plotted for every run
        Plots.episodeChart(
            dir.resolve("plots").resolve(m.name()),
            info.scheme() + " / " + info.preset() + " / " + info.policy() + ": " + m.name(),
            m.name() + " (" + m.description() + ")",
            List.of(new Plots.Curve(info.policy(), result.column(m.name()))));
      }
    }
  }

  /** The resolved configuration, what was run, and provenance. */
  public static String configYaml(RunInfo info, Object config) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("scheme", info.scheme());
    run.put("environment", info.environment());
    run.put("preset", info.preset());
    run.put("policy", info.policy());
    run.put("episodes", info.episodes());
    run.put("seed", info.seed());
    run.put("config_file", info.configFile() == null ? null : info.configFile().toString());
    run.put("overrides", info.overrides());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run", run);
    doc.put("config", ConfigLoader.toTree(config));
    doc.put("provenance", Provenance.collect());
    return "# EdgeOffload run. Re-run with: edgeoffload run --config THIS_FILE "
        + "--scheme "
        + info.scheme()
        + " --preset "
        + info.preset()
        + " --policy "
        + info.policy()
        + " --episodes "
        + info.episodes()
        + " --seed "
        + info.seed()
        + " --out DIR\n"
        + ConfigLoader.toYaml(doc);
  }

  /** One row per episode: index, seed, then every metric. */
  public static String episodesCsv(Runner.Result r) {
    StringBuilder sb = new StringBuilder("episode,seed");
    for (EpisodeMetric m : r.metrics()) {
      sb.append(',').append(m.name());
    }
    sb.append('\n');
    for (int e = 0; e < r.episodes(); e++) {
      sb.append(e).append(',').append(r.episodeSeeds()[e]);
      for (double v : r.values()[e]) {
        sb.append(',').append(number(v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** A number with 10 significant digits, the same text on every platform. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toString();
  }

  /** Means and 95% confidence intervals of every metric over episodes. */
  public static String summaryJson(RunInfo info, Runner.Result r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("scheme", info.scheme());
    doc.put("environment", info.environment());
    doc.put("preset", info.preset());
    doc.put("policy", info.policy());
    doc.put("episodes", info.episodes());
    doc.put("seed", info.seed());
    doc.put("interval", "two-sided 95% Student-t interval of the mean over episodes");
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (EpisodeMetric m : r.metrics()) {
      Stats.Summary s = Stats.summarize(r.column(m.name()));
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("mean", s.mean());
      one.put("sd", s.sd());
      one.put("ci95_low", s.ciLow());
      one.put("ci95_high", s.ciHigh());
      one.put("n", s.n());
      one.put("description", m.description());
      metrics.put(m.name(), one);
    }
    doc.put("metrics", metrics);
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Metric names of a result, in order. */
  public static List<String> names(Runner.Result r) {
    List<String> out = new ArrayList<>();
    r.metrics().forEach(m -> out.add(m.name()));
    return out;
  }
}
