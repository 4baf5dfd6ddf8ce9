package io.edgeoffload.cli;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.nn.bench.NnBenchmark;
import io.edgeoffload.nn.linalg.LoopMatOps;
import io.edgeoffload.nn.linalg.MatOps;
import io.edgeoffload.nn.linalg.NetlibMatOps;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edgeoffload bench nn}: the learning core's figures on one thread. The first four lines are
 * fixed ({@code critic_train_ms}, {@code actor_train_ms}, {@code actor_infer_us}, {@code
 * critics48_ms}, medians) so scripts can read them; details follow.
 */
@Command(
    name = "nn",
    mixinStandardHelpOptions = true,
    description = {
      "Measure neural-network training and inference on one thread: critic 576→512→512→1 and"
          + " actor 9→64→64→3 train steps (batch 64, Adam), single-sample actor inference, and"
          + " 48 critic steps in a row. Prints medians.",
      "Example: edgeoffload bench nn --blas java"
    })
final class BenchNnCommand implements Callable<Integer> {

  @Option(
      names = "--blas",
      defaultValue = "netlib",
      description =
          "Matrix products: netlib (native OpenBLAS when installed, else pure Java), java"
              + " (netlib's pure Java) or loops (plain loops). Default: ${DEFAULT-VALUE}.")
  String blas;

  @Option(
      names = "--samples",
      defaultValue = "15",
      description = "Timed samples per figure. Default: ${DEFAULT-VALUE}.")
  int samples;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      description = "Untimed warm-up samples per figure. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Configs.positive("--samples", samples);
    if (warmup < 0) {
      throw new ConfigException("--warmup", String.valueOf(warmup), "must be 0 or more");
    }
    MatOps ops =
        switch (blas) {
          case "netlib" -> NetlibMatOps.best();
          case "java" -> NetlibMatOps.pureJava();
          case "loops" -> new LoopMatOps();
          default ->
              throw new ConfigException("--blas", blas, "must be one of: netlib, java, loops");
        };
    NnBenchmark.Result r = NnBenchmark.run(ops, samples, warmup);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "critic_train_ms=%.3f%n", r.criticTrainMs());
    w.printf(Locale.ROOT, "actor_train_ms=%.4f%n", r.actorTrainMs());
    w.printf(Locale.ROOT, "actor_infer_us=%.3f%n", r.actorInferUs());
    w.printf(Locale.ROOT, "critics48_ms=%.1f%n", r.critics48Ms());
    w.printf(Locale.ROOT, "matops=%s%n", r.matOps());
    String threads = System.getenv("OPENBLAS_NUM_THREADS");
    w.printf(Locale.ROOT, "openblas_threads=%s%n", threads == null ? "unset" : threads);
    w.printf(
        Locale.ROOT,
        "critic_train_ms_p10_p90=%.3f,%.3f%n",
        percentile(r.criticSamplesMs(), 0.1),
        percentile(r.criticSamplesMs(), 0.9));
    w.printf(
        Locale.ROOT,
        "samples=%d warmup=%d java=%s cpus=%d%n",
        samples,
        warmup,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    w.flush();
    return 0;
  }

  private static double percentile(double[] v, double q) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
  }
}
