package io.edgeoffload.cli;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.profile.LatencyProfile;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.runtime.profile.OperatorProfiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code edgeoffload profile}: per-operator latency of a model on this machine. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the latency of every compute node of a model on this machine with ONNX Runtime's"
          + " profiler (one thread, graph optimisation off so that each ONNX node keeps its operator's"
          + " name) and write a latency profile: '# key: value' lines, then node,name,macs,seconds.",
      "Devices (device --profile) and the COLLAB environment load it with LatencyProfile.read.",
      "Example: edgeoffload profile --model mobilenetv2 --out profiles/mobilenetv2.csv"
    })
final class ProfileCommand implements Callable<Integer> {

  @Mixin ModelArgs modelArgs = new ModelArgs();

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Profile file.")
  Path out;

  @Option(
      names = "--runs",
      defaultValue = "20",
      paramLabel = "N",
      description = "Measured runs averaged. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(
      names = "--warmup",
      defaultValue = "3",
      paramLabel = "N",
      description = "Runs discarded first. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Weights seed.")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (runs < 1 || runs > 10_000) {
      throw new ConfigException("--runs", runs, "must be in [1, 10000]");
    }
    if (warmup < 0 || warmup > 1000) {
      throw new ConfigException("--warmup", warmup, "must be in [0, 1000]");
    }
    OpGraph graph = modelArgs.build();
    String machine =
        String.format(
            Locale.ROOT,
            "%s %s, %d cores, Java %s, ONNX Runtime 1 thread NO_OPT",
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"));
    Path scratch = Files.createTempDirectory("edgeoffload-profile");
    OperatorProfiler.Measurement m;
    try {
      m = OperatorProfiler.measure(graph, seed, warmup, runs, machine, scratch);
    } finally {
      try (Stream<Path> s = Files.walk(scratch)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    LatencyProfile p = m.profile();
    AtomicFiles.write(out, p.toCsv());
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        Locale.ROOT,
        "%s: %d compute nodes, %d runs: kernels %.2f ms (%.2f ms outside nodes), run %.2f ms%n",
        modelArgs.describe(graph),
        p.size(),
        runs,
        p.totalSeconds() * 1e3,
        p.unassignedSeconds() * 1e3,
        m.meanRunSeconds() * 1e3);
    w.println("wrote " + out.toAbsolutePath().normalize());
    w.flush();
    return 0;
  }
}
