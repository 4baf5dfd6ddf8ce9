package io.edgeoffload.dnn.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.onnx.OnnxExport;
import io.edgeoffload.dnn.partition.PartitionDag;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import io.edgeoffload.dnn.partition.SyntheticDags;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Measures the partition-search time of each model and of the synthetic 1,000-operator graphs, and
 * the single-thread ONNX Runtime latency of each full model; prints a Markdown table. Wall-clock
 * medians after warm-up. Arguments: {@code --no-onnx} skips ONNX Runtime.
 *
 * <pre>
 * mvn -B -q -pl dnn test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp dnn/target/classes:dnn/target/test-classes:$(cat dnn/target/cp.txt) \
 *     io.edgeoffload.dnn.bench.DnnBenchmark
 * </pre>
 */
public final class DnnBenchmark {

  private DnnBenchmark() {}

  public static void main(String[] args) throws Exception {
    boolean onnx = !Arrays.asList(args).contains("--no-onnx");
    System.out.println("| graph | operators | S | chain cuts | search median (ms) | min (ms) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (String id : ModelZoo.ids()) {
      PartitionDag dag = PartitionDag.of(ModelZoo.build(id).computeView());
      search(id, dag, 10, 50);
    }
    search("synthetic, join operators", SyntheticDags.branchy(48, 4, 5, 1), 5, 15);
    search(
        "synthetic, concat joins",
        SyntheticDags.branchy(48, 4, 5, SyntheticDags.Join.CONCAT, 1),
        5,
        15);
    if (!onnx) {
      return;
    }
    System.out.println();
    System.out.println("| model | ONNX bytes | build (ms) | ORT 1 thread median (ms) | min (ms) |");
    System.out.println("|---|---:|---:|---:|---:|");
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    for (String id : ModelZoo.ids()) {
      OpGraph graph = ModelZoo.build(id);
      long t0 = System.nanoTime();
      byte[] model = OnnxExport.full(graph, 42).toByteArray();
      double buildMs = (System.nanoTime() - t0) / 1e6;
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        try (OrtSession session = env.createSession(model, options)) {
          long[] shape = graph.input().outputShape().toLongArray();
          float[] data = new float[Math.toIntExact(graph.input().outputShape().elements())];
          SplittableRandom rng = new SplittableRandom(1);
          for (int i = 0; i < data.length; i++) {
            data[i] = (float) rng.nextDouble(-1, 1);
          }
          try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape)) {
            Map<String, OnnxTensor> feeds = Map.of(graph.input().name(), x);
            double[] ms =
                time(
                    () -> {
                      try (OrtSession.Result r = session.run(feeds)) {
                        return r.size();
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    },
                    5,
                    30);
            System.out.printf(
                "| %s | %,d | %.0f | %.1f | %.1f |%n", id, model.length, buildMs, ms[0], ms[1]);
          }
        }
      }
    }
  }

  private static void search(String name, PartitionDag dag, int warmup, int runs) {
    PartitionPoints points = PartitionSearch.search(dag);
    double[] ms = time(() -> PartitionSearch.search(dag).size(), warmup, runs);
    System.out.printf(
        "| %s | %,d | %,d | %,d | %.2f | %.2f |%n",
        name, dag.size(), points.size(), points.chainCuts().size(), ms[0], ms[1]);
  }

  // Median and minimum wall-clock milliseconds.
  private static double[] time(Supplier<Integer> task, int warmup, int runs) {
    int sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += task.get();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      sink += task.get();
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    if (sink == Integer.MIN_VALUE) {
      System.out.println(sink);
    }
    Arrays.sort(ms);
    return new double[] {ms[runs / 2], ms[0]};
  }
}
