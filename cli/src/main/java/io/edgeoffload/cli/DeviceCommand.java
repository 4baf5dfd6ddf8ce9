package io.edgeoffload.cli;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.partition.PartitionSearch;
import io.edgeoffload.dnn.profile.LatencyProfile;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.runtime.device.DeviceConfig;
import io.edgeoffload.runtime.device.DeviceFleet;
import io.edgeoffload.runtime.device.LoadSummary;
import io.edgeoffload.runtime.device.RequestRecord;
import io.edgeoffload.runtime.model.CandidatePoints;
import io.edgeoffload.runtime.model.SplitModel;
import io.edgeoffload.runtime.policy.SplitPolicies;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edgeoffload device}: one or several device agents against an edge server. */
@Command(
    name = "device",
    mixinStandardHelpOptions = true,
    description = {
      "Run device agents: per request the policy picks a partition point (or local-only), the"
          + " device runs the head, sends the crossing tensors to the edge server and records latency"
          + " split into local compute, transfer, server wait and server compute. If the server is"
          + " unreachable, too slow for the deadline, busy or dies mid-request, the device completes"
          + " the request locally and says so. --devices N runs N agents in this process (load test).",
      "Example: edgeoffload device --server 127.0.0.1:50051 --model mobilenetv2"
          + " --policy latency-optimal --requests 100"
    })
final class DeviceCommand implements Callable<Integer> {

  @Option(names = "--server", required = true, paramLabel = "HOST:PORT", description = "Server.")
  String server;

  @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model id.")
  String model;

  @Option(
      names = "--policy",
      defaultValue = "latency-optimal",
      paramLabel = "ID|DIR",
      description =
          "Split policy: latency-optimal, local-only, point:S, or a trained policy's folder."
              + " Default: ${DEFAULT-VALUE}.")
  String policy;

  @Option(
      names = "--requests",
      required = true,
      paramLabel = "N",
      description = "Requests per device.")
  int requests;

  @Option(
      names = "--rate",
      defaultValue = "0",
      paramLabel = "R",
      description = "Requests per second per device; 0: back to back. Default: 0.")
  double rate;

  @Option(
      names = "--devices",
      defaultValue = "1",
      paramLabel = "D",
      description = "Device agents in this process, one thread each. Default: 1.")
  int devices;

  @Option(
      names = "--deadline",
      defaultValue = "5",
      paramLabel = "SECONDS",
      description = "Deadline of the server's answer per request. Default: ${DEFAULT-VALUE} s.")
  double deadline;

  @Option(
      names = "--points",
      defaultValue = "auto",
      paramLabel = "auto|chain|all|S,S,...",
      description = "Candidate points (as the server's --points). Default: ${DEFAULT-VALUE}.")
  String points;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description =
          "Per-operator latency profile of this device (edgeoffload profile); default: time each"
              + " head once at start.")
  Path profile;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Weights seed.")
  long seed;

  @Option(
      names = "--input-seed",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Seed of the random inputs. Default: ${DEFAULT-VALUE}.")
  long inputSeed;

  @Option(
      names = "--verify",
      description = "Also run the full model locally and report the largest relative error.")
  boolean verify;

  @Option(
      names = "--time-limit",
      defaultValue = "600",
      paramLabel = "SECONDS",
      description = "Stop the run after this long; unfinished requests count as lost.")
  double timeLimit;

  @Option(
      names = "--retry",
      defaultValue = "1",
      paramLabel = "SECONDS",
      description = "After the server was unreachable, wait this long before trying it again.")
  double retry;

  @Option(
      names = "--device-slowdown",
      defaultValue = "1",
      paramLabel = "F",
      description =
          "Emulate a device F times slower than this machine: sleep (F-1) x each local run."
              + " Default: 1.")
  double slowdown;

  @Option(names = "--out", paramLabel = "FILE", description = "Per-request CSV.")
  Path out;

  @Option(names = "--id", defaultValue = "device", paramLabel = "NAME", description = "Name.")
  String id;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!ModelZoo.ids().contains(model)) {
      throw new ConfigException("--model", model, "must be one of " + ModelZoo.ids());
    }
    if (devices < 1 || devices > 256) {
      throw new ConfigException("--devices", devices, "must be in [1, 256]");
    }
    if (!(timeLimit > 0) || timeLimit > 86_400) {
      throw new ConfigException("--time-limit", timeLimit, "must be in (0, 86400] seconds");
    }
    String[] hp = DeviceConfig.parseServer(server);
    DeviceConfig c =
        new DeviceConfig(
            id,
            hp[0],
            Integer.parseInt(hp[1]),
            requests,
            rate,
            deadline,
            retry,
            inputSeed,
            verify,
            slowdown);
    SplitPolicies.create(policy); // fail on a bad id before loading anything
    List<Integer> cand =
        CandidatePoints.parse("--points", points, PartitionSearch.search(ModelZoo.build(model)));
    LatencyProfile prof = null;
    if (profile != null) {
      try {
        prof = LatencyProfile.read(profile);
        prof.requireMatches(ModelZoo.build(model).computeView());
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new ConfigException("--profile", profile, e.getMessage());
      }
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "loading %s heads and tails (points %s)...%n", model, cand);
    w.flush();
    try (SplitModel m = SplitModel.load(model, cand, SplitModel.Side.DEVICE, seed)) {
      DeviceFleet.Result res = DeviceFleet.run(c, m, policy, prof, devices, timeLimit);
      if (out != null) {
        StringBuilder sb = new StringBuilder(RequestRecord.CSV_HEADER).append('\n');
        for (RequestRecord r : res.records()) {
          sb.append(r.toCsv()).append('\n');
        }
        AtomicFiles.write(out, sb.toString());
      }
      LoadSummary s = res.summary();
      w.printf(
          Locale.ROOT,
          "%d device(s) x %d requests, policy %s, server %s%n",
          devices,
          requests,
          policy,
          server);
      w.println(s.describe());
      printSplit(w, res.records());
      if (out != null) {
        w.println("wrote " + out.toAbsolutePath().normalize());
      }
      w.flush();
      return s.lost() == 0 && s.duplicates() == 0 ? 0 : Main.EXIT_FAILURE;
    }
  }

  private static void printSplit(PrintWriter w, List<RequestRecord> records) {
    double local = 0;
    double transfer = 0;
    double wait = 0;
    double compute = 0;
    for (RequestRecord r : records) {
      local += r.localComputeSeconds();
      transfer += r.transferSeconds();
      wait += r.serverWaitSeconds();
      compute += r.serverComputeSeconds();
    }
    int n = Math.max(1, records.size());
    w.printf(
        Locale.ROOT,
        "mean split (ms): local compute %.1f, transfer %.1f, server wait %.1f,"
            + " server compute %.1f%n",
        local / n * 1e3,
        transfer / n * 1e3,
        wait / n * 1e3,
        compute / n * 1e3);
  }
}
