package io.edgeoffload.cli;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.runtime.model.SplitModel;
import io.edgeoffload.runtime.server.EdgeServer;
import io.edgeoffload.runtime.server.EdgeServerConfig;
import io.edgeoffload.runtime.server.ServerStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edgeoffload edge-server}: serves the tails of a split model over gRPC. */
@Command(
    name = "edge-server",
    mixinStandardHelpOptions = true,
    description = {
      "Run an edge server: load the tails of a model's candidate partition points (ONNX Runtime),"
          + " accept split-inference requests over gRPC, run them on a bounded worker pool, report queue"
          + " length and recent service times to devices, and shed load beyond --max-sessions.",
      "Serves until killed, or for --duration seconds. See docs/runtime.md.",
      "Example: edgeoffload edge-server --port 50051 --model mobilenetv2 --max-sessions 8"
    })
final class EdgeServerCommand implements Callable<Integer> {

  @Option(names = "--port", required = true, paramLabel = "P", description = "Port; 0 = any.")
  int port;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "Model id: resnet50, googlenet or mobilenetv2.")
  String model;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDR",
      description = "Address to bind. Default: ${DEFAULT-VALUE} (0.0.0.0 for every interface).")
  String host;

  @Option(
      names = "--max-sessions",
      defaultValue = "8",
      paramLabel = "K",
      description =
          "Most requests admitted at once (queued + running); beyond, RESOURCE_EXHAUSTED."
              + " Default: ${DEFAULT-VALUE}.")
  int maxSessions;

  @Option(
      names = "--workers",
      defaultValue = "1",
      paramLabel = "W",
      description = "Worker threads running tails, one ONNX Runtime thread each. Default: 1.")
  int workers;

  @Option(
      names = "--points",
      defaultValue = "auto",
      paramLabel = "auto|chain|all|S,S,...",
      description =
          "Partition points to serve (S is always local). auto: 8 chain cuts, or for GoogLeNet its"
              + " chain cuts and 8 evenly spaced points. Default: ${DEFAULT-VALUE}.")
  String points;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Weights seed; devices must use the same. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--max-message",
      defaultValue = "0",
      paramLabel = "BYTES",
      description = "Largest request accepted; 0: largest valid request + 4 KiB. Default: 0.")
  int maxMessage;

  @Option(
      names = "--duration",
      defaultValue = "0",
      paramLabel = "SECONDS",
      description = "Stop after this long; 0 serves until killed. Default: 0.")
  double duration;

  @Option(
      names = "--port-file",
      paramLabel = "FILE",
      description = "Write the port listened on to FILE (atomically) once serving.")
  Path portFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!ModelZoo.ids().contains(model)) {
      throw new ConfigException("--model", model, "must be one of " + ModelZoo.ids());
    }
    if (!(duration >= 0) || Double.isInfinite(duration)) {
      throw new ConfigException("--duration", duration, "must be >= 0 seconds (0: until killed)");
    }
    EdgeServerConfig c =
        new EdgeServerConfig(model, host, port, maxSessions, workers, points, seed, maxMessage);
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "loading %s tails (points %s)...%n", model, points);
    w.flush();
    EdgeServer server = EdgeServer.start(c);
    Thread hook = new Thread(() -> report(server, w), "edge-server-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      SplitModel m = server.model();
      w.printf(
          Locale.ROOT,
          "edge server %s on %s:%d: points %s (S = %d local), %d worker(s), max %d sessions,"
              + " max message %d bytes%n",
          model,
          host,
          server.port(),
          m.candidates(),
          m.localPoint(),
          workers,
          maxSessions,
          server.maxMessageBytes());
      w.printf(Locale.ROOT, "warm-up service times (s): %s%n", server.load().serviceSeconds());
      w.flush();
      if (portFile != null) {
        AtomicFiles.write(portFile, Integer.toString(server.port()));
      }
      if (duration > 0) {
        TimeUnit.MILLISECONDS.sleep((long) (duration * 1000));
      } else {
        server.awaitTermination();
      }
    } finally {
      server.close();
      report(server, w);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
    }
    return 0;
  }

  private static void report(EdgeServer server, PrintWriter w) {
    ServerStats s = server.stats();
    w.printf(
        Locale.ROOT,
        "served: received %d, completed %d, rejected %d, shed %d, expired %d, failed %d,"
            + " max in flight %d%n",
        s.received(),
        s.completed(),
        s.rejected(),
        s.shed(),
        s.expired(),
        s.failed(),
        s.maxInFlight());
    w.flush();
  }
}
