package io.edgeoffload.cli;

import static io.edgeoffload.cli.CliHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.onnx.OnnxExport;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code partition} and {@code export-onnx} commands, run in-process. */
class DnnCliTest {

  /** CSV lines split into cells; no cell of these models needs quoting. */
  private static List<Map<String, String>> parseCsv(String csv) {
    String[] lines = csv.split("\n");
    List<String> header = Arrays.asList(lines[0].split(",", -1));
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      assertThat(cells).as("line %d: %s", i, lines[i]).hasSize(header.size());
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < cells.length; c++) {
        row.put(header.get(c), cells[c]);
      }
      rows.add(row);
    }
    return rows;
  }

  private static long num(Map<String, String> row, String column) {
    return Long.parseLong(row.get(column));
  }

  private static List<String> filesIn(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void partitionCsvListsEveryPointFromSendingTheInputToRunningLocally() {
    PartitionPoints expected = PartitionSearch.search(ModelZoo.build("mobilenetv2"));
    int bigS = expected.size();

    CliHarness.Outcome o = exec("partition", "--model", "mobilenetv2", "--format", "csv");
    assertThat(o.code()).as(o.err()).isZero();
    String[] lines = o.out().split("\n");
    assertThat(lines).hasSize(bigS + 1);
    assertThat(lines[0].split(","))
        .contains("s", "device_macs", "server_macs", "bytes_sent", "crossing_operators");

    List<Map<String, String>> rows = parseCsv(o.out());
    long total = num(rows.get(0), "server_macs");
    assertThat(total).isPositive();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      assertThat(num(row, "s")).isEqualTo(i + 1);
      assertThat(num(row, "device_macs") + num(row, "server_macs")).isEqualTo(total);
      PartitionPoint p = expected.get(i + 1);
      assertThat(num(row, "bytes_sent")).isEqualTo(p.bytesSent());
      assertThat(row.get("crossing_operators")).isEqualTo(String.join(";", p.crossingNames()));
    }
    Map<String, String> first = rows.get(0);
    assertThat(num(first, "device_macs")).isZero();
    assertThat(first.get("crossing_operators")).isEqualTo("input");
    // The raw 224x224x3 float32 input.
    assertThat(num(first, "bytes_sent")).isEqualTo(3L * 224 * 224 * 4);
    Map<String, String> last = rows.get(rows.size() - 1);
    assertThat(num(last, "s")).isEqualTo(bigS);
    assertThat(num(last, "server_macs")).isZero();
    assertThat(num(last, "bytes_sent")).isZero();
    assertThat(last.get("crossing_operators")).isEmpty();
  }

  @Test
  void partitionJsonParsesAndAgreesWithTheSearch() throws IOException {
    PartitionPoints expected = PartitionSearch.search(ModelZoo.build("googlenet"));
    CliHarness.Outcome o = exec("partition", "--model", "googlenet", "--format", "json");
    assertThat(o.code()).as(o.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(o.out());
    assertThat(doc.get("model").asText()).isEqualTo("googlenet");
    assertThat(doc.get("googlenet_branch").asText()).isEqualTo("3x3");
    assertThat(doc.get("input_height_px").asInt()).isEqualTo(224);
    assertThat(doc.get("partition_points").asInt()).isEqualTo(expected.size());
    JsonNode rows = doc.get("rows");
    assertThat(rows.size()).isEqualTo(expected.size());
    for (int s = 1; s <= expected.size(); s++) {
      JsonNode row = rows.get(s - 1);
      PartitionPoint p = expected.get(s);
      assertThat(row.get("s").asInt()).isEqualTo(s);
      assertThat(row.get("device_macs").asLong()).isEqualTo(p.deviceMacs());
      assertThat(row.get("server_macs").asLong()).isEqualTo(p.serverMacs());
      assertThat(row.get("bytes_sent").asLong()).isEqualTo(p.bytesSent());
      assertThat(row.get("crossing_operators").size()).isEqualTo(p.crossingTensorCount());
    }
  }

  @Test
  void theFiveByFiveBranchIsAnotherModel() throws IOException {
    CliHarness.Outcome three = exec("partition", "--model", "googlenet", "--format", "json");
    CliHarness.Outcome five =
        exec("partition", "--model", "googlenet", "--googlenet-branch", "5x5", "--format", "json");
    assertThat(five.code()).as(five.err()).isZero();
    ObjectMapper m = new ObjectMapper();
    JsonNode a = m.readTree(three.out()).get("rows");
    JsonNode b = m.readTree(five.out()).get("rows");
    assertThat(m.readTree(five.out()).get("googlenet_branch").asText()).isEqualTo("5x5");
    // Same structure, more MACs with the 5x5 convolutions.
    assertThat(b.size()).isEqualTo(a.size());
    assertThat(b.get(0).get("server_macs").asLong())
        .isGreaterThan(a.get(0).get("server_macs").asLong());
  }

  @Test
  void chainGivesFewerRowsEachWithAtMostOneCrossingTensor() {
    CliHarness.Outcome all = exec("partition", "--model", "mobilenetv2", "--format", "csv");
    CliHarness.Outcome chain =
        exec("partition", "--model", "mobilenetv2", "--format", "csv", "--chain");
    assertThat(chain.code()).as(chain.err()).isZero();
    List<Map<String, String>> allRows = parseCsv(all.out());
    List<Map<String, String>> chainRows = parseCsv(chain.out());
    assertThat(chainRows).hasSizeLessThan(allRows.size()).isNotEmpty();
    for (Map<String, String> row : chainRows) {
      assertThat(num(row, "crossing_count")).isLessThanOrEqualTo(1);
      // Same point, same s, as in the full listing.
      assertThat(row).isEqualTo(allRows.get((int) num(row, "s") - 1));
    }
    assertThat(num(chainRows.get(0), "s")).isEqualTo(1);
    assertThat(num(chainRows.get(chainRows.size() - 1), "s")).isEqualTo(allRows.size());
  }

  @Test
  void theTableHasAHeaderAndOneLinePerPoint() {
    int bigS = PartitionSearch.search(ModelZoo.build("googlenet")).size();
    CliHarness.Outcome o = exec("partition", "--model", "googlenet");
    assertThat(o.code()).as(o.err()).isZero();
    String[] lines = o.out().split("\n");
    assertThat(lines[0]).contains("googlenet").contains("S = " + bigS);
    assertThat(lines[1]).contains("device_macs").contains("bytes_sent");
    assertThat(lines).hasSize(bigS + 2);
  }

  @Test
  void plotWritesPngAndSvg(@TempDir Path tmp) throws IOException {
    Path png = tmp.resolve("figs/mobilenetv2.png");
    CliHarness.Outcome o =
        exec("partition", "--model", "mobilenetv2", "--format", "csv", "--plot", "" + png);
    assertThat(o.code()).as(o.err()).isZero();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(Arrays.copyOf(bytes, 4)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    String svg = Files.readString(tmp.resolve("figs/mobilenetv2.svg"));
    assertThat(svg).contains("<svg");
    assertThat(filesIn(tmp)).containsExactly("figs/mobilenetv2.png", "figs/mobilenetv2.svg");
    // The CSV on standard output is untouched by the plot.
    assertThat(o.out()).startsWith("s,device_macs,");
  }

  @Test
  void exportWritesTheFullModel(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("full");
    CliHarness.Outcome o =
        exec("export-onnx", "--model", "mobilenetv2", "--seed", "3", "--out", "" + dir);
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(filesIn(dir)).containsExactly("full.onnx");
    byte[] expected = OnnxExport.full(ModelZoo.build("mobilenetv2"), 3).toByteArray();
    assertThat(Files.readAllBytes(dir.resolve("full.onnx"))).isEqualTo(expected);
  }

  @Test
  void exportAtAMiddleCutWritesTheHeadAndTailOfThatPoint(@TempDir Path tmp) throws IOException {
    var graph = ModelZoo.build("googlenet");
    PartitionPoints points = PartitionSearch.search(graph);
    int middle = points.size() / 2;
    PartitionPoint p = points.get(middle);
    Path dir = tmp.resolve("split");
    CliHarness.Outcome o =
        exec("export-onnx", "--model", "googlenet", "--cut", "" + middle, "--out", "" + dir);
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(filesIn(dir)).containsExactly("head.onnx", "tail.onnx");
    assertThat(Files.readAllBytes(dir.resolve("head.onnx")))
        .isEqualTo(OnnxExport.head(graph, p, 1).toByteArray());
    assertThat(Files.readAllBytes(dir.resolve("tail.onnx")))
        .isEqualTo(OnnxExport.tail(graph, p, 1).toByteArray());
    assertThat(o.out()).contains("s = " + middle).contains(p.bytesSent() + " bytes sent");
  }

  @Test
  void exportAtTheLastPointWritesOnlyTheHeadAndForceRemovesStaleFiles(@TempDir Path tmp) {
    int bigS = PartitionSearch.search(ModelZoo.build("mobilenetv2")).size();
    Path dir = tmp.resolve("x");
    assertThat(
            exec("export-onnx", "--model", "mobilenetv2", "--cut", "2", "--out", "" + dir).code())
        .isZero();
    CliHarness.Outcome refused =
        exec("export-onnx", "--model", "mobilenetv2", "--cut", "" + bigS, "--out", "" + dir);
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("--out").contains("--force");

    CliHarness.Outcome o =
        exec(
            "export-onnx",
            "--model",
            "mobilenetv2",
            "--cut",
            "" + bigS,
            "--out",
            "" + dir,
            "--force");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(dir.resolve("head.onnx")).exists();
    assertThat(dir.resolve("tail.onnx")).doesNotExist();
  }

  /** A refused command line and words its message must contain: option, value, what is allowed. */
  record Bad(List<String> args, List<String> words) {
    @Override
    public String toString() {
      return String.join(" ", args);
    }
  }

  private static Bad bad(String args, String... words) {
    return new Bad(List.of(args.split(" ")), List.of(words));
  }

  static Stream<Bad> badInputs() {
    return Stream.of(
        bad("partition --model vgg16", "--model", "'vgg16'", "resnet50, googlenet, mobilenetv2"),
        bad("partition --model mobilenetv2 --input-size 0", "--input-size", "'0'", "[1, 4096]"),
        bad("partition --model mobilenetv2 --input-size -3", "--input-size", "'-3'", "[1, 4096]"),
        bad("partition --model mobilenetv2 --input-size 2x", "--input-size", "'2x'", "HxW"),
        bad("partition --model mobilenetv2 --input-size 5000", "--input-size", "[1, 4096]"),
        bad("partition --model googlenet --input-size 8", "--input-size", "'8'", "larger input"),
        bad("partition --model mobilenetv2 --format xml", "--format", "'xml'", "table, csv, json"),
        bad("partition --model googlenet --googlenet-branch 7x7", "--googlenet-branch", "5x5"),
        bad("partition --model resnet50 --googlenet-branch 5x5", "--googlenet-branch", "googlenet"),
        bad("export-onnx --model mobilenetv2 --cut 0", "--cut", "'0'", "[1, "),
        bad("export-onnx --model mobilenetv2 --cut 100000", "--cut", "'100000'", "[1, "),
        bad("export-onnx --model googlenet --cut -1", "--cut", "'-1'", "[1, "),
        bad("export-onnx --model nope", "--model", "'nope'", "mobilenetv2"),
        bad("export-onnx --model mobilenetv2 --input-size 0", "--input-size", "'0'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputExitsTwoNamingTheOptionAndWritesNothing(Bad bad, @TempDir Path tmp)
      throws IOException {
    List<String> argv = new ArrayList<>(bad.args());
    Path target = tmp.resolve("out");
    if (argv.get(0).equals("partition")) {
      argv.addAll(List.of("--plot", target.resolve("p.png").toString()));
    } else {
      argv.addAll(List.of("--out", target.toString()));
    }
    CliHarness.Outcome o = exec(argv.toArray(String[]::new));
    assertThat(o.code()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).startsWith("error: ");
    for (String word : bad.words()) {
      assertThat(o.err()).contains(word);
    }
    assertThat(o.out()).isEmpty();
    assertThat(filesIn(tmp)).isEmpty();
    assertThat(target).doesNotExist();
  }

  @Test
  void aPlotFileThatIsNotPngIsRefused(@TempDir Path tmp) throws IOException {
    CliHarness.Outcome o =
        exec("partition", "--model", "mobilenetv2", "--plot", tmp.resolve("p.jpg").toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--plot").contains(".png");
    assertThat(filesIn(tmp)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"partition", "export-onnx"})
  void helpExitsZeroAndDescribesTheOptions(String command) {
    CliHarness.Outcome o = exec(command, "--help");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("--model").contains("--input-size").contains("Example:");
  }
}
