package io.edgeoffload.cli;

import io.edgeoffload.lab.Comparison;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.RunOutput;
import io.edgeoffload.lab.Seeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgeoffload compare}: several policies × several seeds on one scenario. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate several policies over several root seeds on one scenario (same episode seeds for"
          + " every policy) and write per-run folders, comparison plots, summary.md and summary.csv.",
      "Intervals are over seed means when there are several seeds.",
      "Example: edgeoffload compare --preset ucms-kb --episodes 1000 --seeds 1-5 --out runs/kb"
    })
final class CompareCommand implements Callable<Integer> {
  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(
      names = "--policies",
      split = ",",
      description = "Policy ids, comma-separated. Default: every policy of the scheme.")
  List<String> policies = new ArrayList<>();

  @Option(
      names = "--episodes",
      defaultValue = "100",
      description = "Episodes per run. Default: ${DEFAULT-VALUE}.")
  int episodes;

  @Option(
      names = "--seeds",
      defaultValue = "1",
      description = "Root seeds: a list (1,2,7) or a range (1-5). Default: ${DEFAULT-VALUE}.")
  String seeds;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--force", description = "Overwrite the files of an existing, non-empty DIR.")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Configs.positive("--episodes", episodes);
    List<Long> seedList = parseSeeds(seeds);
    ResolvedConfig<?> resolved = Configs.resolve(config);
    List<String> ids = policies.isEmpty() ? resolved.scheme().policies().ids() : policies;
    ids.forEach(resolved.scheme().policies()::get);
    RunOutput.checkWritable(out, force);
    Comparison.run(resolved, ids, episodes, seedList, out);
    PrintWriter w = spec.commandLine().getOut();
    try {
      w.print(Files.readString(out.resolve("summary.md")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    w.println("results: " + out.toAbsolutePath().normalize());
    w.flush();
    return 0;
  }

  /** "1,2,7" or "1-5" ({@link Seeds#parse}). */
  static List<Long> parseSeeds(String text) {
    return Seeds.parse("--seeds", text);
  }
}
