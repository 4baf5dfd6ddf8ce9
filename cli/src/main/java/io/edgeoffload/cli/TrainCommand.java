package io.edgeoffload.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Plots;
import io.edgeoffload.lab.Progress;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.RunOutput;
import io.edgeoffload.lab.Runner;
import io.edgeoffload.lab.Schemes;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.Trainer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code edgeoffload train}: trains a learning algorithm, checkpointing every K episodes, then
 * evaluates the trained policy. {@code --resume DIR} continues an interrupted run to the same
 * result as an uninterrupted one.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a learning algorithm on a scheme's scenario. Writes DIR/config.yaml,"
          + " DIR/checkpoint.bin (every --checkpoint-every episodes), DIR/train_episodes.csv,"
          + " DIR/plots/ and, after training, DIR/eval/ (the trained policy evaluated).",
      "Example: edgeoffload train --scheme ucms --algo ucms-maddpg --preset ucms-kb"
          + " --episodes 2000 --seed 1 --out runs/ucms-maddpg",
      "Resume: edgeoffload train --resume runs/ucms-maddpg"
    })
final class TrainCommand implements Callable<Integer> {
  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(names = "--algo", description = "Algorithm id (see `edgeoffload list`).")
  String algo;

  @Option(
      names = "--episodes",
      description = "Training episodes in total. Default: 100, or the resumed run's.")
  Integer episodes;

  @Option(names = "--seed", defaultValue = "1", description = "Root seed. Default: 1.")
  long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder of a new run.")
  Path out;

  @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR.")
  Path resume;

  @Option(
      names = "--checkpoint-every",
      defaultValue = "50",
      description = "Episodes between checkpoints. Default: ${DEFAULT-VALUE}.")
  int checkpointEvery;

  @Option(
      names = "--eval-episodes",
      defaultValue = "20",
      description = "Evaluation episodes after training (0: none). Default: ${DEFAULT-VALUE}.")
  int evalEpisodes;

  @Option(
      names = "--probe-every",
      defaultValue = "0",
      description =
          "Every this many training episodes, evaluate the deterministic policy on"
              + " --probe-episodes fixed episodes into DIR/train_probe.csv (0: never; a resumed"
              + " run keeps its own). Default: ${DEFAULT-VALUE}.")
  int probeEvery;

  @Option(
      names = "--probe-episodes",
      defaultValue = "10",
      description = "Episodes per probe. Default: ${DEFAULT-VALUE}.")
  int probeEpisodes;

  @Option(
      names = "--keep-best",
      description =
          "Also keep the learner of the best probe so far (highest mean reward on the probe"
              + " episodes) as DIR/best.bin, and evaluate it into DIR/eval-best/ beside the final"
              + " one; needs --probe-every. `eval --best` evaluates it later.")
  boolean keepBest;

  @Option(names = "--force", description = "Overwrite the files of an existing, non-empty DIR.")
  boolean force;

  /** Stops as if interrupted after this many episodes in total (for tests of --resume). */
  @Option(names = "--stop-after", hidden = true, defaultValue = "2147483647")
  int stopAfter;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Configs.positive("--checkpoint-every", checkpointEvery);
    if (probeEvery < 0) {
      throw new ConfigException("--probe-every", probeEvery, "must be 0 (no probes) or more");
    }
    Configs.positive("--probe-episodes", probeEpisodes);
    if (keepBest && probeEvery == 0) {
      throw new ConfigException(
          "--keep-best", true, "needs probes to choose by: add --probe-every K (K ≥ 1)");
    }
    if (evalEpisodes < 0) {
      throw new ConfigException("--eval-episodes", evalEpisodes, "must be 0 or more");
    }
    Path dir;
    ResolvedConfig<?> resolved;
    int total;
    if (resume != null) {
      if (out != null || algo != null) {
        throw new ConfigException(
            "--resume",
            resume,
            "takes its scheme, algorithm, seed and config from the run; drop"
                + " --out and --algo");
      }
      dir = resume;
      Path cfgFile = dir.resolve("config.yaml");
      if (!Files.isRegularFile(cfgFile)) {
        throw new ConfigException("--resume", dir, "holds no config.yaml (not a training run)");
      }
      ObjectNode doc = ConfigLoader.readFile(cfgFile);
      JsonNode run = doc.get("run");
      if (run == null || !run.has("algorithm")) {
        throw new ConfigException("--resume", dir, "config.yaml is not a training run's");
      }
      algo = run.get("algorithm").asText();
      seed = run.get("seed").asLong();
      probeEvery = run.path("probe_every").asInt(0);
      probeEpisodes = run.path("probe_episodes").asInt(10);
      keepBest = run.path("keep_best").asBoolean(false);
      total = episodes != null ? episodes : run.get("episodes").asInt();
      resolved =
          ResolvedConfig.resolve(
              Schemes.get(run.get("scheme").asText()),
              run.get("preset").asText(),
              cfgFile,
              List.of());
    } else {
      if (out == null || algo == null) {
        throw new ConfigException("--out", out, "a new run needs --algo and --out (or --resume)");
      }
      dir = out;
      total = episodes != null ? episodes : 100;
      resolved = effective(Configs.resolve(config), algo);
      RunOutput.checkWritable(dir, force);
    }
    Configs.positive("--episodes", total);
    return train(resolved, dir, total);
  }

  private <C, E extends io.edgeoffload.core.ParallelEnv> int train(
      ResolvedConfig<C> resolved, Path dir, int total) {
    @SuppressWarnings("unchecked")
    Scheme<C, E> scheme = (Scheme<C, E>) resolved.scheme();
    if (resume == null) {
      AtomicFiles.write(dir.resolve("config.yaml"), trainYaml(resolved, total));
    }
    Trainer.Options options =
        probeEvery == 0
            ? Trainer.Options.NONE
            : new Trainer.Options(probeEvery, probeEpisodes, keepBest);
    Progress progress = new Progress("train " + algo, total);
    Trainer.Result r =
        Trainer.train(
            scheme,
            resolved.config(),
            algo,
            total,
            seed,
            dir,
            checkpointEvery,
            resume != null,
            stopAfter,
            MetricsSink.NONE,
            progress,
            options);
    progress.finish();
    // Keep the metrics, let the trained learner go: evaluation loads it afresh from the
    // checkpoint (which is what `eval` does too), and a 48-agent learner is large.
    Trainer.Result trained = r.withoutLearner();
    r = null;
    PrintWriter w = spec.commandLine().getOut();
    int done = trained.values().length;
    if (done > 0) {
      List<Plots.Curve> curve = new ArrayList<>();
      double[] reward = column(trained, "reward");
      if (reward != null) {
        curve.add(new Plots.Curve(algo, reward));
        Plots.episodeChart(
            dir.resolve("plots").resolve("train_reward"),
            scheme.id() + " / " + resolved.preset() + " / " + algo + ": training reward",
            "reward per training episode",
            curve);
      }
      probePlots(trained, dir.resolve("plots"), scheme.id() + " / " + resolved.preset());
    }
    w.printf(
        Locale.ROOT,
        "%s on %s/%s: %d of %d episodes trained, seed %d; checkpoint in %s%n",
        algo,
        scheme.id(),
        resolved.preset(),
        done,
        total,
        seed,
        Trainer.learnerFile(dir));
    if (done == total && evalEpisodes > 0) {
      evaluate(scheme, resolved, Trainer.learnerFile(dir), dir.resolve("eval"), "", w);
      if (keepBest) {
        int best = trained.bestProbe();
        w.printf(
            Locale.ROOT,
            "best probe: after %d episodes, mean probe reward %.5g%n",
            trained.diagnostics().probeAfter()[best],
            column(trained.metrics(), trained.diagnostics().probeValues(), "reward")[best]);
        evaluate(scheme, resolved, dir.resolve(Trainer.BEST), dir.resolve("eval-best"), "best ", w);
      }
    }
    w.println("wrote " + dir.toAbsolutePath().normalize());
    w.flush();
    return 0;
  }

  /**
   * Evaluates the learner saved in {@code file} on fresh episodes (the seed `eval` uses), writes a
   * run folder to {@code evalDir} and prints the headline metrics, each line prefixed by {@code
   * label}.
   */
  private <C, E extends ParallelEnv> void evaluate(
      Scheme<C, E> scheme,
      ResolvedConfig<C> resolved,
      Path file,
      Path evalDir,
      String label,
      PrintWriter w) {
    Runner.Result eval =
        Runner.run(
            scheme,
            resolved.config(),
            io.edgeoffload.lab.recipe.Trained.factory(scheme, algo, seed, file),
            evalEpisodes,
            EvalCommand.evalSeed(seed),
            null);
    RunOutput.write(
        evalDir,
        RunOutput.RunInfo.of(
            resolved,
            eval.environment(),
            algo + " (trained" + (label.isEmpty() ? "" : ", " + label.strip()) + ")",
            evalEpisodes,
            EvalCommand.evalSeed(seed)),
        resolved.config(),
        eval);
    for (var m : eval.metrics()) {
      if (m.headline()) {
        Stats.Summary s = Stats.summarize(eval.column(m.name()));
        w.printf(
            Locale.ROOT,
            "  %seval %-18s %12.5g ± %.2g (95%% CI)%n",
            label,
            m.name(),
            s.mean(),
            s.halfWidth());
      }
    }
  }

  /** The configuration the algorithm runs under (the scheme may fix settings it needs). */
  private static <C> ResolvedConfig<C> effective(ResolvedConfig<C> r, String algo) {
    r.scheme().learners().get(algo);
    C c = r.scheme().configFor(algo, r.config());
    return new ResolvedConfig<>(r.scheme(), r.preset(), c, r.configFile(), r.overrides());
  }

  private static double[] column(Trainer.Result r, String name) {
    return column(r.metrics(), r.values(), name);
  }

  /** Metric {@code name}'s column of {@code rows} (one cell per metric), or null. */
  private static double[] column(
      List<? extends io.edgeoffload.core.metrics.EpisodeMetric> metrics,
      double[][] rows,
      String name) {
    for (int k = 0; k < metrics.size(); k++) {
      if (metrics.get(k).name().equals(name)) {
        double[] c = new double[rows.length];
        for (int e = 0; e < c.length; e++) {
          c[e] = rows[e][k];
        }
        return c;
      }
    }
    return null;
  }

  /**
   * One plot per headline metric of the probes (the deterministic policy against the training
   * episodes done), {@code plots/probe_<metric>}; a log axis where a positive metric spans more
   * than two decades (early policies can be catastrophically worse than late ones).
   */
  private void probePlots(Trainer.Result t, Path plots, String where) {
    Trainer.Diagnostics d = t.diagnostics();
    if (d.probeAfter().length == 0) {
      return;
    }
    double[] x = java.util.Arrays.stream(d.probeAfter()).asDoubleStream().toArray();
    for (int k = 0; k < t.metrics().size(); k++) {
      var m = t.metrics().get(k);
      if (!m.headline()) {
        continue;
      }
      double[] y = new double[x.length];
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < y.length; r++) {
        y[r] = d.probeValues()[r][k];
        lo = Math.min(lo, y[r]);
        hi = Math.max(hi, y[r]);
      }
      Plots.lineChart(
          plots.resolve("probe_" + m.name()),
          where + " / " + algo + ": " + m.name() + " of the deterministic policy (probes)",
          "training episodes done",
          m.name() + " (mean over " + probeEpisodes + " probe episodes)",
          List.of(new Plots.Series(algo, x, y, null)),
          lo > 0 && hi > 100 * lo,
          "#");
    }
  }

  private String trainYaml(ResolvedConfig<?> resolved, int total) {
    String yaml =
        RunOutput.configYaml(
            RunOutput.RunInfo.of(resolved, "", algo, total, seed), resolved.config());
    // The run block of a training run names the algorithm; the header says how to resume.
    ObjectNode doc = ConfigLoader.yaml().createObjectNode();
    try {
      doc = (ObjectNode) ConfigLoader.yaml().readTree(yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ObjectNode run = (ObjectNode) doc.get("run");
    run.remove("policy");
    run.remove("environment");
    run.put("algorithm", algo);
    run.put("checkpoint_every", checkpointEvery);
    if (probeEvery > 0) {
      run.put("probe_every", probeEvery);
      run.put("probe_episodes", probeEpisodes);
      if (keepBest) {
        run.put("keep_best", true);
      }
    }
    return "# EdgeOffload training run. Resume with: edgeoffload train --resume DIR;"
        + " evaluate with: edgeoffload eval --policy DIR\n"
        + ConfigLoader.toYaml(doc);
  }
}
