package io.edgeoffload.cli;

import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.onnx.OnnxExport;
import io.edgeoffload.dnn.partition.PartitionSearch;
import io.edgeoffload.dnn.profile.LatencyProfile;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.runtime.device.RequestRecord;
import io.edgeoffload.runtime.model.OrtModel;
import io.edgeoffload.runtime.model.Tensor;
import io.edgeoffload.runtime.testbed.TestbedAnalysis;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;

/**
 * The table and figure of the emulated testbed (COLLAB Fig. 15), run by {@code
 * runtime/testbed/testbed.sh} as {@code java -cp edgeoffload.jar io.edgeoffload.cli.TestbedReport
 * DIR MODEL PROFILE SLOWDOWN RATE_MBIT}. Reads {@code DIR/n<N>-<policy>-d<K>.csv}, times the full
 * model on this machine (the T of the prediction), writes {@code DIR/table.md}, {@code
 * DIR/table.csv} and {@code DIR/fig15.png} / {@code .svg}.
 */
public final class TestbedReport {

  /** COLLAB Sec. V-G: latency reduction of split over local for 1, 2, 3 Raspberry Pis. */
  static final double[] PAPER_REDUCTION = {0.35, 0.28, 0.24};

  static final String LOCAL = "local-only";
  static final String SPLIT = "latency-optimal";

  private TestbedReport() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: TestbedReport DIR MODEL PROFILE SLOWDOWN RATE_MBIT");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String model = args[1];
    LatencyProfile profile = LatencyProfile.read(Path.of(args[2]));
    double slowdown = Double.parseDouble(args[3]);
    double rateMbit = Double.parseDouble(args[4]);
    OpGraph graph = ModelZoo.build(model);
    profile.requireMatches(graph.computeView());
    double t = fullModelSeconds(graph);
    TestbedAnalysis.Setting st =
        new TestbedAnalysis.Setting(
            PartitionSearch.search(graph), profile, t, slowdown, rateMbit * 1e6);

    List<TestbedAnalysis.Row[]> rows = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      TestbedAnalysis.Row local = row(dir, st, n, LOCAL);
      TestbedAnalysis.Row split = row(dir, st, n, SPLIT);
      if (local != null && split != null) {
        rows.add(new TestbedAnalysis.Row[] {local, split});
      }
    }
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%s, device slowdown %.0f×, link %.1f Mbit/s shared, full model on this machine"
                + " T = %.2f ms%n%n",
            model,
            slowdown,
            rateMbit,
            t * 1e3));
    md.append(
        "| devices | local-only (ms) | split, latency-optimal (ms) | reduction measured | reduction"
            + " COLLAB Fig. 15 | offloaded | eq. (2) local (ms) | eq. (2) split (ms) | prediction"
            + " error local | prediction error split |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    StringBuilder csv =
        new StringBuilder(
            "devices,local_ms,split_ms,reduction,paper_reduction,offloaded_share,"
                + "pred_local_ms,pred_split_ms,pred_error_local,pred_error_split\n");
    List<String> labels = new ArrayList<>();
    List<Double> localMs = new ArrayList<>();
    List<Double> splitMs = new ArrayList<>();
    for (TestbedAnalysis.Row[] r : rows) {
      int n = r[0].devices();
      double red = 1 - r[1].measuredMeanSeconds() / r[0].measuredMeanSeconds();
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f | %.1f | %.0f%% | %.0f%% | %.0f%% | %.1f | %.1f | %+.0f%% | %+.0f%% |%n",
              n,
              r[0].measuredMeanSeconds() * 1e3,
              r[1].measuredMeanSeconds() * 1e3,
              red * 100,
              PAPER_REDUCTION[n - 1] * 100,
              r[1].offloadedShare() * 100,
              r[0].predictedMeanSeconds() * 1e3,
              r[1].predictedMeanSeconds() * 1e3,
              r[0].predictionError() * 100,
              r[1].predictionError() * 100));
      csv.append(
          String.format(
              Locale.ROOT,
              "%d,%.3f,%.3f,%.4f,%.2f,%.4f,%.3f,%.3f,%.4f,%.4f%n",
              n,
              r[0].measuredMeanSeconds() * 1e3,
              r[1].measuredMeanSeconds() * 1e3,
              red,
              PAPER_REDUCTION[n - 1],
              r[1].offloadedShare(),
              r[0].predictedMeanSeconds() * 1e3,
              r[1].predictedMeanSeconds() * 1e3,
              r[0].predictionError(),
              r[1].predictionError()));
      labels.add(n + " device" + (n > 1 ? "s" : ""));
      localMs.add(r[0].measuredMeanSeconds() * 1e3);
      splitMs.add(r[1].measuredMeanSeconds() * 1e3);
    }
    md.append("\noutcomes of the split runs: ");
    for (TestbedAnalysis.Row[] r : rows) {
      md.append(r[1].devices()).append(" device(s) ").append(r[1].outcomes()).append("; ");
    }
    md.append('\n');
    AtomicFiles.write(dir.resolve("table.md"), md.toString());
    AtomicFiles.write(dir.resolve("table.csv"), csv.toString());
    if (!rows.isEmpty()) {
      figure(dir, labels, localMs, splitMs, model, rateMbit, slowdown);
    }
    System.out.print(md);
  }

  private static TestbedAnalysis.Row row(Path dir, TestbedAnalysis.Setting st, int n, String policy)
      throws IOException {
    List<RequestRecord> records = new ArrayList<>();
    String prefix = "n" + n + "-" + policy + "-d";
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(prefix) && name.endsWith(".csv")) {
          records.addAll(TestbedAnalysis.parseCsv(Files.readString(f)));
        }
      }
    }
    return records.isEmpty() ? null : TestbedAnalysis.analyse(st, n, policy, records);
  }

  /** Fastest of 20 runs after 3 warm-up runs of the optimised full model, seconds. */
  static double fullModelSeconds(OpGraph graph) {
    try (OrtModel m = OrtModel.load(OnnxExport.full(graph, 1).toByteArray())) {
      float[] data = new float[Math.toIntExact(graph.input().outputShape().elements())];
      SplittableRandom rng = new SplittableRandom(3);
      for (int i = 0; i < data.length; i++) {
        data[i] = (float) rng.nextDouble(-1, 1);
      }
      Tensor in = new Tensor(graph.input().name(), graph.input().outputShape().toLongArray(), data);
      double[] times = new double[20];
      for (int r = 0; r < 23; r++) {
        long t0 = System.nanoTime();
        m.run(List.of(in));
        if (r >= 3) {
          times[r - 3] = (System.nanoTime() - t0) * 1e-9;
        }
      }
      // The fastest run: the emulated devices are F times the fastest run of each head as well
      // (DeviceAgent), so host contention enters neither side F times.
      Arrays.sort(times);
      return times[0];
    }
  }

  private static void figure(
      Path dir,
      List<String> labels,
      List<Double> local,
      List<Double> split,
      String model,
      double rateMbit,
      double slowdown)
      throws IOException {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(800)
            .height(480)
            .title(
                String.format(
                    Locale.ROOT,
                    "%s, %.0f Mbit/s shared link, devices %.0f× slower",
                    model,
                    rateMbit,
                    slowdown))
            .xAxisTitle("devices")
            .yAxisTitle("mean end-to-end latency (ms)")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setChartTitleBoxVisible(false);
    chart.getStyler().setPlotBorderVisible(false);
    chart.getStyler().setAntiAlias(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
    chart.getStyler().setSeriesColors(new Color[] {new Color(0x888888), new Color(0x1f77b4)});
    chart.addSeries("local only", labels, local);
    chart.addSeries("split (latency-optimal)", labels, split);
    AtomicFiles.write(
        dir.resolve("fig15.png"),
        BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    ByteArrayOutputStream svg = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(
        chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    AtomicFiles.write(dir.resolve("fig15.svg"), svg.toByteArray());
  }
}
