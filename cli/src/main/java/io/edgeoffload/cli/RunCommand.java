package io.edgeoffload.cli;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.metrics.EpisodeMetric;
import io.edgeoffload.lab.Progress;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.RunOutput;
import io.edgeoffload.lab.Runner;
import io.edgeoffload.lab.Stats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgeoffload run}: evaluate one policy on one scenario and write a run folder. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate one policy on a scheme's scenario and write DIR/config.yaml, DIR/episodes.csv,"
          + " DIR/summary.json and DIR/plots/ (PNG and SVG).",
      "Example: edgeoffload run --scheme ucms --preset ucms-kb --policy greedy --episodes 20"
          + " --seed 1 --out runs/greedy"
    })
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(names = "--policy", required = true, description = "Policy id (see `edgeoffload list`).")
  String policy;

  @Option(
      names = "--episodes",
      defaultValue = "100",
      description = "Episodes. Default: ${DEFAULT-VALUE}.")
  int episodes;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Root seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--force", description = "Overwrite the files of an existing, non-empty DIR.")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Configs.positive("--episodes", episodes);
    ResolvedConfig<?> resolved = Configs.resolve(config);
    resolved.scheme().policies().get(policy);
    RunOutput.checkWritable(out, force);
    run(resolved);
    return 0;
  }

  private <C> void run(ResolvedConfig<C> resolved) {
    Scheme<C, ?> scheme = resolved.scheme();
    Progress progress = new Progress("run " + policy, episodes);
    Runner.Result result = Runner.run(scheme, resolved.config(), policy, episodes, seed, progress);
    progress.finish();
    RunOutput.write(
        out,
        RunOutput.RunInfo.of(resolved, result.environment(), policy, episodes, seed),
        resolved.config(),
        result);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        Locale.ROOT,
        "%s on %s/%s, %d episodes, seed %d%n",
        policy,
        scheme.id(),
        resolved.preset(),
        episodes,
        seed);
    for (EpisodeMetric m : result.metrics()) {
      if (m.headline()) {
        Stats.Summary s = Stats.summarize(result.column(m.name()));
        w.printf(
            Locale.ROOT, "  %-22s %12.5g ± %.2g (95%% CI)%n", m.name(), s.mean(), s.halfWidth());
      }
    }
    w.println("wrote " + out.toAbsolutePath().normalize());
    w.flush();
  }
}
