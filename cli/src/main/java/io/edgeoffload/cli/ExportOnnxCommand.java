package io.edgeoffload.cli;

import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.onnx.OnnxExport;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.RunOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code edgeoffload export-onnx}: a model as ONNX with seeded weights, whole ({@code full.onnx})
 * or split at a partition point ({@code head.onnx} and {@code tail.onnx}). Every model is built in
 * memory before the first file is written, and each file is written atomically.
 */
@Command(
    name = "export-onnx",
    mixinStandardHelpOptions = true,
    description = {
      "Export a model as ONNX (opset 13, float32) with seeded random weights.",
      "Writes DIR/full.onnx, or with --cut S the two sides of partition point S:",
      "DIR/head.onnx (device; its outputs are the crossing tensors) and"
          + " DIR/tail.onnx (server; its inputs are those tensors; none at s = S).",
      "The same seed gives the same weights in all three.",
      "Example: edgeoffload export-onnx --model mobilenetv2 --cut 10 --out onnx/m10"
    })
final class ExportOnnxCommand implements Callable<Integer> {
  /** File of the whole model. */
  static final String FULL = "full.onnx";

  /** File of the head of a split model. */
  static final String HEAD = "head.onnx";

  /** File of the tail of a split model. */
  static final String TAIL = "tail.onnx";

  @Mixin ModelArgs modelArgs = new ModelArgs();

  @Option(
      names = "--cut",
      paramLabel = "S",
      description =
          "Partition point to split at, in [1, S] (see `edgeoffload partition`). Default: no"
              + " split, write full.onnx.")
  Integer cut;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Seed of the random weights. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(
      names = "--force",
      description =
          "Write into an existing, non-empty DIR, replacing full.onnx, head.onnx and tail.onnx.")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OpGraph graph = modelArgs.build();
    PartitionPoint point = null;
    if (cut != null) {
      PartitionPoints points = PartitionSearch.search(graph);
      point = ModelArgs.point(points, "--cut", cut, graph.name());
    }
    RunOutput.checkWritable(out, force);

    Map<String, byte[]> files = new LinkedHashMap<>();
    if (point == null) {
      files.put(FULL, OnnxExport.full(graph, seed).toByteArray());
    } else {
      files.put(HEAD, OnnxExport.head(graph, point, seed).toByteArray());
      if (point.crossingTensorCount() > 0) {
        files.put(TAIL, OnnxExport.tail(graph, point, seed).toByteArray());
      }
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      AtomicFiles.write(out.resolve(f.getKey()), f.getValue());
    }
    removeStale(files.keySet());

    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "%s, weights seed %d%n", modelArgs.describe(graph), seed);
    if (point != null) {
      List<String> crossing = OnnxExport.crossingTensorNames(graph, point);
      w.printf(
          Locale.ROOT,
          "partition point s = %d: device %d MACs, server %d MACs, %d bytes sent in %d tensor(s)%s%n",
          point.s(),
          point.deviceMacs(),
          point.serverMacs(),
          point.bytesSent(),
          crossing.size(),
          crossing.isEmpty() ? "" : ": " + String.join(", ", crossing));
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      w.printf(
          Locale.ROOT,
          "wrote %s (%d bytes)%n",
          out.resolve(f.getKey()).toAbsolutePath().normalize(),
          f.getValue().length);
    }
    w.flush();
    return 0;
  }

  /**
   * Deletes the model files of an earlier export that this one did not write, so that the folder
   * never mixes a full model with a split, or a head with the tail of another cut.
   */
  private void removeStale(java.util.Set<String> written) {
    for (String name : List.of(FULL, HEAD, TAIL)) {
      if (!written.contains(name)) {
        try {
          Files.deleteIfExists(out.resolve(name));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot remove the stale " + out.resolve(name), e);
        }
      }
    }
  }
}
