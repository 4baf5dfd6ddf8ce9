package io.edgeoffload.dnn.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.dnn.graph.Op;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OnnxExportTest {

  private static final long SEED = 42;

  private static OrtRunner.Tensor randomInput(OpGraph graph, long seed) {
    Op in = graph.input();
    float[] data = new float[Math.toIntExact(in.outputShape().elements())];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) rng.nextDouble(-1, 1);
    }
    return new OrtRunner.Tensor(in.outputShape().toLongArray(), data);
  }

  private static double maxRelativeError(float[] actual, float[] expected) {
    double scale = 0;
    double err = 0;
    for (int i = 0; i < expected.length; i++) {
      scale = Math.max(scale, Math.abs(expected[i]));
      err = Math.max(err, Math.abs(actual[i] - expected[i]));
    }
    return err / scale;
  }

  @ParameterizedTest
  @ValueSource(strings = {"mobilenetv2", "googlenet"})
  void headThenTailReproducesTheFullModel(String id) throws Exception {
    OpGraph graph = ModelZoo.build(id);
    PartitionPoints points = PartitionSearch.search(graph);
    OrtRunner.Tensor input = randomInput(graph, 7);
    String inputName = graph.input().name();
    String outputName = graph.outputs().get(0).name();
    float[] full =
        OrtRunner.run(OnnxExport.full(graph, SEED).toByteArray(), Map.of(inputName, input))
            .get(outputName)
            .data();
    assertThat(full).hasSize(1000);
    int size = points.size();
    TreeSet<Integer> cuts = new TreeSet<>(List.of(1, 2, size / 3, size / 2, size - 1, size));
    SplittableRandom rng = new SplittableRandom(3);
    while (cuts.size() < 9) {
      cuts.add(1 + rng.nextInt(size));
    }
    for (int s : cuts) {
      PartitionPoint point = points.get(s);
      Map<String, OrtRunner.Tensor> sent =
          OrtRunner.run(
              OnnxExport.head(graph, point, SEED).toByteArray(), Map.of(inputName, input));
      if (s == size) {
        assertThat(sent.keySet()).containsExactly(outputName);
        assertThat(maxRelativeError(sent.get(outputName).data(), full)).isLessThanOrEqualTo(1e-5);
        assertThatThrownBy(() -> OnnxExport.tail(graph, point, SEED))
            .isInstanceOf(IllegalArgumentException.class);
        continue;
      }
      // The head emits exactly the crossing tensors, as many bytes as the point reports.
      assertThat(List.copyOf(sent.keySet()))
          .isEqualTo(OnnxExport.crossingTensorNames(graph, point));
      long bytes = sent.values().stream().mapToLong(t -> 4L * t.data().length).sum();
      assertThat(bytes).as("bytes sent at s = %d", s).isEqualTo(point.bytesSent());
      Map<String, OrtRunner.Tensor> out =
          OrtRunner.run(OnnxExport.tail(graph, point, SEED).toByteArray(), sent);
      assertThat(maxRelativeError(out.get(outputName).data(), full))
          .as("relative error at s = %d", s)
          .isLessThanOrEqualTo(1e-5);
    }
  }

  @Test
  void sameSeedSameModelOtherSeedOtherWeights() {
    OpGraph graph = ModelZoo.build("mobilenetv2");
    assertThat(OnnxExport.full(graph, 1).toByteArray())
        .isEqualTo(OnnxExport.full(graph, 1).toByteArray());
    assertThat(OnnxExport.full(graph, 1).toByteArray())
        .isNotEqualTo(OnnxExport.full(graph, 2).toByteArray());
  }

  @Test
  void writesFilesAndRejectsNonFloat32(@TempDir Path dir) throws Exception {
    OpGraph graph = ModelZoo.build("mobilenetv2");
    PartitionPoints points = PartitionSearch.search(graph);
    assertThat(OnnxExport.writeFull(graph, SEED, dir)).exists();
    List<Path> split = OnnxExport.writeSplit(graph, points.get(10), SEED, dir.resolve("s10"));
    assertThat(split)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("head.onnx", "tail.onnx");
    assertThat(Files.size(split.get(0))).isPositive();
    OpGraph half =
        ModelZoo.build(
            "mobilenetv2", io.edgeoffload.dnn.models.ModelOptions.defaults().withElementBytes(2));
    assertThatThrownBy(() -> OnnxExport.full(half, SEED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("elementBytes");
  }
}
