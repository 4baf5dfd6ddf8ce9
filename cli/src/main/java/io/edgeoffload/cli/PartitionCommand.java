package io.edgeoffload.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.GoogLeNet;
import io.edgeoffload.dnn.models.ModelOptions;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import io.edgeoffload.dnn.partition.PartitionTable;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code edgeoffload partition}: the partition points s = 1..S of a model (COLLAB Algorithm 1), or
 * only its chain cuts, as a text table, CSV or JSON on standard output, and optionally a plot of
 * bytes sent and device MACs against s.
 */
@Command(
    name = "partition",
    mixinStandardHelpOptions = true,
    description = {
      "List the partition points s = 1..S of a model (COLLAB Algorithm 1).",
      "The device runs an ancestor-closed set of operators and sends each crossing"
          + " tensor once; s = 1 sends the raw input, s = S runs everything on the device.",
      "Columns: s, device_macs, server_macs, bytes_sent, crossing_count, device_ops,"
          + " crossing_operators (';'-separated).",
      "Example: edgeoffload partition --model googlenet --format csv --plot g.png"
    })
final class PartitionCommand implements Callable<Integer> {
  /** Values of {@code --format}. */
  static final List<String> FORMATS = List.of("table", "csv", "json");

  @Mixin ModelArgs modelArgs = new ModelArgs();

  @Option(
      names = "--chain",
      description =
          "Only the chain cuts (at most one tensor crosses, as in Neurosurgeon), with their s.")
  boolean chain;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "table|csv|json",
      description = "Output format on standard output. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      description =
          "Also draw bytes sent and device MACs against s into FILE.png and FILE.svg"
              + " (overwritten).")
  Path plot;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    String fmt = format.trim().toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(fmt)) {
      throw new ConfigException("--format", format, "must be one of " + String.join(", ", FORMATS));
    }
    checkPlotPath();
    OpGraph graph = modelArgs.build();
    PartitionPoints points = PartitionSearch.search(graph);
    List<PartitionPoint> listed = chain ? points.chainCuts() : points.all();

    PrintWriter out = spec.commandLine().getOut();
    switch (fmt) {
      case "csv" -> out.print(PartitionTable.toCsv(listed));
      case "json" -> out.println(json(graph, points, listed));
      default -> {
        out.printf(
            Locale.ROOT,
            "%s: S = %d partition points, %d chain cuts; %s%n",
            modelArgs.describe(graph),
            points.size(),
            points.chainCuts().size(),
            chain ? "chain cuts:" : "all points:");
        out.print(PartitionTable.toText(listed));
      }
    }
    out.flush();
    if (plot != null) {
      String title =
          modelArgs.describe(graph)
              + (chain
                  ? ": " + listed.size() + " chain cuts of S = " + points.size()
                  : ": S = " + points.size() + " partition points");
      Path svg = PartitionPlot.write(plot, title, listed);
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "wrote "
              + plot.toAbsolutePath().normalize()
              + " and "
              + svg.toAbsolutePath().normalize());
      err.flush();
    }
    return 0;
  }

  private void checkPlotPath() {
    if (plot == null) {
      return;
    }
    Path name = plot.getFileName();
    if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new ConfigException(
          "--plot", plot, "must name a .png file (the SVG is written next to it)");
    }
    if (Files.isDirectory(plot)) {
      throw new ConfigException("--plot", plot, "is a folder; name a .png file");
    }
  }

  /**
   * The JSON document (written with snake_case names).
   *
   * @param model the model id
   * @param inputHeightPx input height in pixels
   * @param inputWidthPx input width in pixels
   * @param elementBytes bytes per tensor element
   * @param googlenetBranch "3x3" or "5x5" for GoogLeNet, null for other models
   * @param partitionPoints S, the number of partition points
   * @param chainCuts the number of chain cuts among them
   * @param chainOnly whether {@code rows} holds only the chain cuts
   * @param rows the listed points
   */
  record Listing(
      String model,
      int inputHeightPx,
      int inputWidthPx,
      int elementBytes,
      String googlenetBranch,
      int partitionPoints,
      int chainCuts,
      boolean chainOnly,
      List<PartitionTable.Row> rows) {}

  private String json(OpGraph graph, PartitionPoints points, List<PartitionPoint> listed) {
    ModelOptions o = modelArgs.options();
    Listing listing =
        new Listing(
            graph.name(),
            o.heightPx(),
            o.widthPx(),
            graph.elementBytes(),
            graph.name().equals(GoogLeNet.ID) ? ModelArgs.branchName(o.googLeNetBranch()) : null,
            points.size(),
            points.chainCuts().size(),
            chain,
            PartitionTable.rows(listed));
    ObjectMapper mapper =
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);
    try {
      return mapper.writeValueAsString(listing);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
