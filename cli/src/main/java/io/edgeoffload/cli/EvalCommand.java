package io.edgeoffload.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.lab.Progress;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.RunOutput;
import io.edgeoffload.lab.Runner;
import io.edgeoffload.lab.Schemes;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.Trainer;
import io.edgeoffload.lab.recipe.Trained;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edgeoffload eval}: evaluate a trained policy saved by {@code train}. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a trained policy (a folder written by `edgeoffload train`) on fresh episodes of"
          + " its scenario, deterministically; writes a run folder like `run` does.",
      "Example: edgeoffload eval --policy runs/ucms-maddpg --episodes 100 --out runs/eval"
    })
final class EvalCommand implements Callable<Integer> {

  @Option(names = "--policy", required = true, paramLabel = "DIR", description = "Training run.")
  Path policyDir;

  @Option(
      names = "--episodes",
      defaultValue = "100",
      description = "Episodes. Default: ${DEFAULT-VALUE}.")
  int episodes;

  @Option(
      names = "--seed",
      description = "Root seed of the evaluation episodes. Default: derived from the run's seed.")
  Long seed;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Change the scenario.")
  List<String> overrides = new java.util.ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder. Default: none.")
  Path out;

  @Option(
      names = "--best",
      description =
          "Evaluate the learner of the best probe (DIR/best.bin, written by `train --keep-best`)"
              + " instead of the final one.")
  boolean best;

  @Option(names = "--force", description = "Overwrite the files of an existing, non-empty DIR.")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The evaluation episodes' root seed for a run trained with {@code seed}. */
  static long evalSeed(long seed) {
    return RandomStreams.derive(seed, "evaluation");
  }

  @Override
  public Integer call() {
    Configs.positive("--episodes", episodes);
    Path cfgFile = policyDir.resolve("config.yaml");
    if (!Files.isRegularFile(cfgFile) || !Files.isRegularFile(Trainer.learnerFile(policyDir))) {
      throw new ConfigException(
          "--policy",
          policyDir,
          "holds no config.yaml and checkpoint.bin (or policy.bin) (not a training run)");
    }
    if (best && !Files.isRegularFile(policyDir.resolve(Trainer.BEST))) {
      throw new ConfigException(
          "--best", policyDir, "holds no best.bin (train with --probe-every K --keep-best)");
    }
    ObjectNode doc = ConfigLoader.readFile(cfgFile);
    JsonNode run = doc.get("run");
    if (run == null || !run.has("algorithm")) {
      throw new ConfigException("--policy", policyDir, "config.yaml is not a training run's");
    }
    if (out != null) {
      RunOutput.checkWritable(out, force);
    }
    ResolvedConfig<?> resolved =
        ResolvedConfig.resolve(
            Schemes.get(run.get("scheme").asText()),
            run.get("preset").asText(),
            cfgFile,
            overrides);
    return eval(resolved, run.get("algorithm").asText(), run.get("seed").asLong());
  }

  private <C, E extends ParallelEnv> int eval(
      ResolvedConfig<C> resolved, String algo, long trainSeed) {
    @SuppressWarnings("unchecked")
    Scheme<C, E> scheme = (Scheme<C, E>) resolved.scheme();
    long s = seed != null ? seed : evalSeed(trainSeed);
    Progress progress = new Progress("eval " + algo, episodes);
    Runner.Result r =
        Runner.run(
            scheme,
            resolved.config(),
            Trained.factory(
                scheme,
                algo,
                trainSeed,
                best ? policyDir.resolve(Trainer.BEST) : Trainer.learnerFile(policyDir)),
            episodes,
            s,
            progress);
    progress.finish();
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        Locale.ROOT,
        "%s (trained, %s%s) on %s/%s, %d episodes, seed %d%n",
        algo,
        policyDir,
        best ? ", best probe" : "",
        scheme.id(),
        resolved.preset(),
        episodes,
        s);
    for (String m : RunOutput.names(r)) {
      Stats.Summary sum = Stats.summarize(r.column(m));
      w.printf(Locale.ROOT, "  %-22s %12.5g ± %.2g (95%% CI)%n", m, sum.mean(), sum.halfWidth());
    }
    if (out != null) {
      RunOutput.write(
          out,
          RunOutput.RunInfo.of(resolved, r.environment(), algo + " (trained)", episodes, s),
          resolved.config(),
          r);
      w.println("wrote " + out.toAbsolutePath().normalize());
    }
    w.flush();
    return 0;
  }
}
