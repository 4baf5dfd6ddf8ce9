package io.edgeoffload.runtime.profile;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoffload.dnn.graph.ComputeNode;
import io.edgeoffload.dnn.graph.ComputeView;
import io.edgeoffload.dnn.graph.Op;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.onnx.OnnxExport;
import io.edgeoffload.dnn.profile.LatencyProfile;
import io.edgeoffload.runtime.model.OrtModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures the latency of every compute node of a model on this machine: the full model runs in
 * ONNX Runtime with profiling on and graph optimisation off ({@code NO_OPT}), so every ONNX node
 * keeps its name, which is the operator's name; each kernel time is added to the compute node that
 * owns the operator ({@link ComputeView#ownerOf}). One intra-op thread, as the runtime uses.
 */
public final class OperatorProfiler {

  /** Suffix ONNX Runtime gives the kernel-time event of a node. */
  static final String KERNEL_SUFFIX = "_kernel_time";

  private OperatorProfiler() {}

  /** What a measurement found besides the profile. */
  public record Measurement(LatencyProfile profile, int eventsPerNode, double meanRunSeconds) {}

  /**
   * Profiles a model.
   *
   * @param warmup runs discarded first, at least 0
   * @param runs runs averaged, at least 1
   * @param machine description stored in the profile
   */
  public static Measurement measure(
      OpGraph graph, long seed, int warmup, int runs, String machine, Path scratch) {
    if (warmup < 0 || runs < 1) {
      throw new IllegalArgumentException("warmup >= 0 and runs >= 1 required");
    }
    byte[] onnx = OnnxExport.full(graph, seed).toByteArray();
    Path traceFile;
    double runSeconds;
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try {
      Files.createDirectories(scratch);
      try (OrtSession.SessionOptions options = OrtModel.singleThreadOptions()) {
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
        options.enableProfiling(scratch.resolve("ort-profile").toString());
        try (OrtSession session = env.createSession(onnx, options)) {
          Op in = graph.input();
          float[] data = new float[Math.toIntExact(in.outputShape().elements())];
          SplittableRandom rng = new SplittableRandom(seed);
          for (int i = 0; i < data.length; i++) {
            data[i] = (float) rng.nextDouble(-1, 1);
          }
          long measured = 0;
          try (OnnxTensor t =
              OnnxTensor.createTensor(
                  env, FloatBuffer.wrap(data), in.outputShape().toLongArray())) {
            for (int r = 0; r < warmup + runs; r++) {
              long t0 = System.nanoTime();
              try (OrtSession.Result ignored = session.run(Map.of(in.name(), t))) {
                if (r >= warmup) {
                  measured += System.nanoTime() - t0;
                }
              }
            }
          }
          runSeconds = measured * 1e-9 / runs;
          traceFile = Path.of(session.endProfiling());
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime profiling failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Map<String, List<Double>> kernel = kernelTimes(Files.readString(traceFile));
      return aggregate(graph, kernel, warmup, runs, machine, runSeconds);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ONNX Runtime profile " + traceFile, e);
    } finally {
      try {
        Files.deleteIfExists(traceFile);
      } catch (IOException ignored) {
        // scratch space; the caller removes it
      }
    }
  }

  /** Kernel times per node name, in the order they ran, seconds. */
  static Map<String, List<Double>> kernelTimes(String traceJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(traceJson);
    Map<String, List<Double>> out = new HashMap<>();
    for (JsonNode e : root) {
      String name = e.path("name").asText("");
      if (e.path("cat").asText("").equals("Node") && name.endsWith(KERNEL_SUFFIX)) {
        String node = name.substring(0, name.length() - KERNEL_SUFFIX.length());
        out.computeIfAbsent(node, k -> new ArrayList<>()).add(e.path("dur").asDouble() * 1e-6);
      }
    }
    return out;
  }

  private static Measurement aggregate(
      OpGraph graph,
      Map<String, List<Double>> kernel,
      int warmup,
      int runs,
      String machine,
      double runSeconds) {
    ComputeView view = graph.computeView();
    double[] node = new double[view.size()];
    double unassigned = 0;
    int events = -1;
    for (Map.Entry<String, List<Double>> e : kernel.entrySet()) {
      List<Double> times = e.getValue();
      if (times.size() != warmup + runs) {
        throw new IllegalStateException(
            "ONNX node '"
                + e.getKey()
                + "' ran "
                + times.size()
                + " times, expected "
                + (warmup + runs));
      }
      events = times.size();
      double mean = times.subList(warmup, times.size()).stream().mapToDouble(d -> d).sum() / runs;
      Op op;
      try {
        op = graph.op(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw new IllegalStateException("profile names an unknown operator '" + e.getKey() + "'");
      }
      var owner = view.ownerOf(op);
      if (owner.isPresent()) {
        node[owner.get().index()] += mean;
      } else {
        unassigned += mean;
      }
    }
    List<String> names = new ArrayList<>();
    List<Long> macs = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (ComputeNode n : view.nodes()) {
      names.add(n.name());
      macs.add(n.macs());
      seconds.add(node[n.index()]);
    }
    LatencyProfile p =
        new LatencyProfile(graph.name(), machine, runs, names, macs, seconds, unassigned);
    return new Measurement(p, events, runSeconds);
  }
}
