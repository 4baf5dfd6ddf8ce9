package io.edgeoffload.lab.sweep;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.core.util.WorkProgress;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Provenance;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.Stats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes one run into its folder {@code runsRoot/<id>/}: {@code run.yaml} (the spec, the resolved
 * configuration, provenance) first, then the kind's own files (checkpoints), then one CSV per phase
 * and {@code summary.json}, and last {@code result.json}, the marker of a finished run (done or
 * failed). Every file is written atomically, so a run killed midway leaves no {@code result.json}
 * and is run again, resuming from its checkpoints where its kind keeps any.
 *
 * <p>A run that throws is a finished run with status {@code failed} and its error: it never stops
 * the sweep. A run stopped because its thread was interrupted (its sweep abandoned it) is not
 * finished: it writes no {@code result.json}.
 */
public final class RunExecutor {
  /** The marker file of a finished run. */
  public static final String RESULT = "result.json";

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final String HOST = host();

  private RunExecutor() {}

  /** The folder of run {@code id} under {@code runsRoot}. */
  public static Path dir(Path runsRoot, String id) {
    return runsRoot.resolve(id);
  }

  /**
   * Executes {@code spec} in {@code runsRoot/<id>/}; never throws for a failure of the run itself.
   */
  public static RunResult execute(RunSpec spec, Path runsRoot, String engine) {
    Path dir = dir(runsRoot, spec.id());
    long start = System.currentTimeMillis();
    RunResult result;
    try {
      Files.createDirectories(dir);
      ResolvedConfig<?> resolved = RunKinds.resolve(spec);
      AtomicFiles.write(dir.resolve("run.yaml"), runYaml(spec, resolved.config()));
      RunKind.Outcome out;
      // The run's progress reports reach the sweep's bar through InFlight.
      try (WorkProgress.Scope ignored = WorkProgress.listen(f -> InFlight.report(spec.id(), f))) {
        out = RunKinds.get(spec.kind()).execute(spec, dir);
      } finally {
        InFlight.end(spec.id());
      }
      for (RunResult.Series s : out.series()) {
        AtomicFiles.write(dir.resolve(s.phase() + "_episodes.csv"), csv(s));
      }
      AtomicFiles.write(dir.resolve("summary.json"), summaryJson(spec, out));
      result =
          new RunResult(
              spec.id(),
              RunResult.DONE,
              null,
              out.environment(),
              out.series(),
              start,
              System.currentTimeMillis(),
              HOST,
              engine);
    } catch (OutOfMemoryError e) {
      // The run's objects are unreachable once we are here: record it and let the sweep go on.
      result =
          failed(
              spec,
              describe(e)
                  + "\n(out of memory: run fewer at once with --parallel, or give the JVM more"
                  + " with EDGEOFFLOAD_JAVA_OPTS=-Xmx…)",
              start,
              engine);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) { // NOPMD: a failed run is recorded, whatever failed
      result = failed(spec, describe(e), start, engine);
      if (Thread.currentThread().isInterrupted()) {
        // Abandoned by its sweep (training stops with a CancellationException; a write in
        // progress fails with ClosedByInterruptException): not finished, so no result.json, and
        // the run resumes from its checkpoints next time.
        return result;
      }
    }
    try {
      AtomicFiles.write(dir.resolve(RESULT), JSON.writeValueAsBytes(result));
    } catch (IOException | RuntimeException e) {
      // The result still reaches the database through the engine; the folder is re-run later.
    }
    return result;
  }

  private static RunResult failed(RunSpec spec, String error, long start, String engine) {
    return new RunResult(
        spec.id(),
        RunResult.FAILED,
        error,
        null,
        List.of(),
        start,
        System.currentTimeMillis(),
        HOST,
        engine);
  }

  /**
   * The finished result recorded in a run folder, or null when there is none (or it is damaged).
   */
  public static RunResult read(Path runsRoot, String id) {
    Path f = dir(runsRoot, id).resolve(RESULT);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      RunResult r = JSON.readValue(f.toFile(), RunResult.class);
      return id.equals(r.runId()) ? r : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A failure in a few lines: type, message, and the first frames of the project's code. */
  static String describe(Throwable e) {
    StringWriter sw = new StringWriter();
    e.printStackTrace(new PrintWriter(sw));
    String[] lines = sw.toString().split("\n");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(lines.length, 12); i++) {
      sb.append(lines[i].stripTrailing()).append('\n');
    }
    return sb.toString().strip();
  }

  static String runYaml(RunSpec spec, Object config) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("id", spec.id());
    run.put("sweep", spec.sweep());
    run.put("kind", spec.kind());
    run.put("scheme", spec.scheme());
    run.put("preset", spec.preset());
    run.put("policy", spec.policy());
    run.put("seed", spec.seed());
    run.put("episodes", spec.episodes());
    run.put("train_episodes", spec.trainEpisodes());
    run.put("params", spec.params());
    run.put("point", spec.point());
    run.put("overrides", spec.overrides());
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run", run);
    doc.put("config", ConfigLoader.toTree(config));
    doc.put("provenance", Provenance.cached());
    return "# EdgeOffload sweep run " + spec.id() + "\n" + ConfigLoader.toYaml(doc);
  }

  static String csv(RunResult.Series s) {
    StringBuilder sb = new StringBuilder("episode,seed");
    for (String m : s.metrics()) {
      sb.append(',').append(m);
    }
    sb.append('\n');
    for (int e = 0; e < s.episodes(); e++) {
      sb.append(e).append(',').append(s.seeds()[e]);
      for (double v : s.values()[e]) {
        sb.append(',').append(Double.toString(v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String summaryJson(RunSpec spec, RunKind.Outcome out) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", spec.id());
    doc.put("environment", out.environment());
    doc.put("interval", "two-sided 95% Student-t interval of the mean over episodes");
    for (RunResult.Series s : out.series()) {
      Map<String, Object> phase = new LinkedHashMap<>();
      for (String m : s.metrics()) {
        Stats.Summary sum = Stats.summarize(s.column(m));
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("mean", sum.mean());
        one.put("ci95_low", sum.ciLow());
        one.put("ci95_high", sum.ciHigh());
        one.put("n", sum.n());
        phase.put(m, one);
      }
      doc.put(s.phase(), phase);
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
