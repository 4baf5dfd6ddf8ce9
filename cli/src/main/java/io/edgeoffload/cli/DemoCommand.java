package io.edgeoffload.cli;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.lab.Comparison;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.RunOutput;
import io.edgeoffload.lab.Schemes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edgeoffload demo}: every built-in UCMS policy on {@code ucms-kb}, compared. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run every built-in policy of the UCMS scheme on preset ucms-kb for a short budget, with the"
          + " same seeds, and write one run folder per policy plus comparison plots and summary.md."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--episodes",
      defaultValue = "200",
      description = "Episodes per policy. Default: ${DEFAULT-VALUE}.")
  int episodes;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Root seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output folder. Default: runs/demo-<date>-<time>.")
  Path out;

  @Option(names = "--force", description = "Overwrite the files of an existing, non-empty DIR.")
  boolean force;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one key of ucms-kb.")
  List<String> overrides = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Configs.positive("--episodes", episodes);
    Scheme<?, ?> scheme = Schemes.get("ucms");
    ResolvedConfig<?> resolved = ResolvedConfig.resolve(scheme, "ucms-kb", null, overrides);
    Path dir =
        out != null
            ? out
            : Path.of(
                "runs",
                "demo-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    RunOutput.checkWritable(dir, force);
    List<String> policies = scheme.policies().ids();
    Comparison.run(resolved, policies, episodes, List.of(seed), dir);
    PrintWriter w = spec.commandLine().getOut();
    try {
      // The table, without the metric glossary that follows it in summary.md.
      String md = Files.readString(dir.resolve("summary.md"));
      int glossary = md.indexOf("\nMetrics:");
      w.println(glossary > 0 ? md.substring(0, glossary) : md);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path abs = dir.toAbsolutePath().normalize();
    w.println("results: " + abs);
    w.println("  summary table:    " + abs.resolve("summary.md"));
    w.println("  comparison plots: " + abs.resolve("comparison") + " (PNG and SVG)");
    w.println(
        "  per-policy runs:  "
            + abs
            + "/<policy>/ (config.yaml, episodes.csv, summary.json, plots/)");
    w.flush();
    return 0;
  }
}
