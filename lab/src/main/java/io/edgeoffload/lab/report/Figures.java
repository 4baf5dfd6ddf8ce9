package io.edgeoffload.lab.report;

import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.report.Aggregation.Cell;
import io.edgeoffload.lab.report.ReportData.MetricSummary;
import io.edgeoffload.lab.report.ReportData.TrainingCurve;
import io.edgeoffload.lab.report.ReportData.TrainingMetric;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's figures (XChart): a line chart with shaded 95% bands over one numeric grid key, bars
 * with 95% error bars per point (or per policy without a grid), and training curves with bands.
 * Each is rendered to PNG and SVG bytes.
 */
public final class Figures {
  static final int WIDTH = 900;
  static final int HEIGHT = 540;

  private Figures() {}

  /** A rendered figure. */
  public record Figure(String name, String caption, byte[] png, byte[] svg) {}

  /** The figure of a headline metric: a line chart when it has an x key, bars otherwise. */
  public static Figure metric(MetricSummary m) {
    String caption =
        m.metric()
            + ": mean over seeds, "
            + (m.xKey() != null ? "shaded band" : "error bars")
            + " = two-sided 95% Student-t interval over seeds ("
            + m.nLabel()
            + ")";
    Chart<?, ?> chart = m.xKey() != null ? line(m) : bars(m);
    return render("eval-" + Text.fileName(m.metric()), caption, chart);
  }

  private static String yLabel(String metric, String description) {
    return yLabel(metric, description, 64);
  }

  /** The y-axis title, cut to {@code max} characters (it must fit the plot's height). */
  private static String yLabel(String metric, String description, int max) {
    String d = description == null ? "" : description.strip();
    if (d.isEmpty()) {
      return metric;
    }
    String label = metric + " — " + d;
    return label.length() > max ? label.substring(0, max - 3) + "..." : label;
  }

  private static XYChart line(MetricSummary m) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(m.metric() + " over " + m.xKey() + " (mean, 95% CI, " + m.nLabel() + ")")
            .xAxisTitle(m.xKey())
            .yAxisTitle(yLabel(m.metric(), m.description()))
            .build();
    style(chart.getStyler());
    Color[] palette = chart.getStyler().getSeriesColors();
    List<String> series = m.series();
    legend(chart.getStyler(), series);
    List<Runnable> lines = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      String name = series.get(s);
      List<Cell> cells = m.cells().stream().filter(c -> c.series().equals(name)).toList();
      double[] x = new double[cells.size()];
      double[] mean = new double[x.length];
      double[] lo = new double[x.length];
      double[] hi = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        Stats.Summary sum = cells.get(i).summary();
        x[i] = cells.get(i).x();
        mean[i] = sum.mean();
        lo[i] = sum.ciLow();
        hi[i] = sum.ciHigh();
      }
      Color color = palette[s % palette.length];
      band(chart, name, x, lo, hi, color);
      lines.add(
          () -> {
            XYSeries l = chart.addSeries(name, x, mean);
            l.setLineColor(color);
            l.setMarkerColor(color);
            l.setMarker(SeriesMarkers.CIRCLE);
            l.setLineWidth(2f);
          });
    }
    lines.forEach(Runnable::run); // lines over every band
    return chart;
  }

  /** A filled polygon between {@code lo} and {@code hi}, not in the legend. */
  private static void band(
      XYChart chart, String name, double[] x, double[] lo, double[] hi, Color color) {
    int n = x.length;
    double[] px = new double[2 * n];
    double[] py = new double[2 * n];
    for (int i = 0; i < n; i++) {
      px[i] = x[i];
      py[i] = hi[i];
      px[2 * n - 1 - i] = x[i];
      py[2 * n - 1 - i] = lo[i];
    }
    XYSeries b = chart.addSeries(name + " 95% band", px, py);
    b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
    Color faint = new Color(color.getRed(), color.getGreen(), color.getBlue(), 60);
    b.setFillColor(faint);
    b.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 110));
    b.setLineWidth(0.5f);
    b.setMarker(SeriesMarkers.NONE);
    b.setShowInLegend(false);
  }

  private static CategoryChart bars(MetricSummary m) {
    boolean noGrid = m.noGrid();
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(m.metric() + " (mean, 95% CI, " + m.nLabel() + ")")
            .xAxisTitle(noGrid ? "policy" : "point")
            .yAxisTitle(yLabel(m.metric(), m.description()))
            .build();
    style(chart.getStyler());
    chart.getStyler().setErrorBarsColor(Color.BLACK);
    yRange(chart, m.cells());
    if (noGrid) {
      chart.getStyler().setLegendVisible(false);
      List<String> labels = new ArrayList<>();
      List<Double> means = new ArrayList<>();
      List<Double> hws = new ArrayList<>();
      for (Cell c : m.cells()) {
        labels.add(c.series());
        means.add(c.summary().mean());
        hws.add(c.summary().halfWidth());
      }
      rotateIfLong(chart, labels, m);
      chart.addSeries("mean ± 95% CI", labels, means, hws);
      return chart;
    }
    List<String> points = m.points();
    rotateIfLong(chart, points, m);
    legend(chart.getStyler(), m.series());
    for (String s : m.series()) {
      List<Double> means = new ArrayList<>();
      List<Double> hws = new ArrayList<>();
      for (String p : points) {
        Cell c =
            m.cells().stream()
                .filter(x -> x.series().equals(s) && x.point().equals(p))
                .findFirst()
                .orElse(null);
        means.add(c == null ? null : c.summary().mean());
        hws.add(c == null ? null : c.summary().halfWidth());
      }
      chart.addSeries(s, points, means, hws);
    }
    return chart;
  }

  /**
   * An explicit y range from 0, every mean and every interval's upper end, padded by 5%: XChart's
   * own range for a single bar puts ticks at the data values with every digit. Lower interval ends
   * below 0 do not pull the axis down when every mean is non-negative (a wide interval of a
   * non-negative quantity would otherwise add an empty negative band).
   */
  private static void yRange(CategoryChart chart, List<Cell> cells) {
    double lo = 0;
    double hi = 0;
    for (Cell c : cells) {
      double mean = c.summary().mean();
      double hw = Double.isFinite(c.summary().halfWidth()) ? c.summary().halfWidth() : 0;
      if (Double.isFinite(mean)) {
        lo = Math.min(lo, mean < 0 ? mean - hw : mean);
        hi = Math.max(hi, mean + hw);
      }
    }
    if (hi - lo <= 0) {
      hi = 1; // every value 0: a unit axis rather than an empty one
    }
    // Bounds on multiples of a round step (1, 2, 2.5 or 5 × 10^k): XChart then ticks at them.
    double step = niceStep((hi - lo) / 6);
    chart.getStyler().setYAxisMin(step * Math.floor(lo / step - (lo < 0 ? 0.05 : 0)));
    chart.getStyler().setYAxisMax(step * Math.ceil(hi / step + (hi > 0 ? 0.05 : 0)));
  }

  /** The smallest of 1, 2, 2.5, 5 × 10^k that is at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= raw * (1 - 1e-9)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /**
   * Slanted x labels when they would not fit side by side; a shorter y title then. At 45°: at 20°
   * XChart 3.8.8 silently drops the last label when its slanted text would pass the chart's right
   * edge, leaving the last bar unnamed.
   */
  private static void rotateIfLong(CategoryChart chart, List<String> labels, MetricSummary m) {
    int total = labels.stream().mapToInt(String::length).sum();
    if (total * 7 > WIDTH - 150) {
      chart.getStyler().setXAxisLabelRotation(45);
      chart.setYAxisTitle(yLabel(m.metric(), m.description(), 48));
    }
  }

  /** Training curves of one metric: per curve the mean over seeds per episode and its band. */
  public static Figure training(TrainingMetric t) {
    int lo = t.curves().stream().mapToInt(TrainingCurve::seeds).min().orElse(0);
    int hi = t.curves().stream().mapToInt(TrainingCurve::seeds).max().orElse(0);
    String n = lo == hi ? "n = " + lo : "n = " + lo + "–" + hi;
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(
                t.probe()
                    ? t.metric() + " of the deterministic policy (probes; mean, 95% CI, " + n + ")"
                    : t.metric()
                        + " during training ("
                        + (t.window() > 1 ? "moving average of " + t.window() + ", " : "")
                        + "mean, 95% CI, "
                        + n
                        + ")")
            .xAxisTitle(t.probe() ? "training episodes done" : "training episode")
            .yAxisTitle(yLabel(t.metric(), t.description()))
            .build();
    style(chart.getStyler());
    // Episode numbers without grouping: "1,001" ticks ran into each other at 2000 episodes.
    chart.getStyler().setXAxisDecimalPattern("#");
    legend(chart.getStyler(), t.curves().stream().map(TrainingCurve::name).toList());
    Color[] palette = chart.getStyler().getSeriesColors();
    List<Runnable> lines = new ArrayList<>();
    for (int c = 0; c < t.curves().size(); c++) {
      TrainingCurve curve = t.curves().get(c);
      Stats.Summary[] per = curve.perEpisode();
      double[] x = new double[per.length];
      double[] mean = new double[per.length];
      double[] l = new double[per.length];
      double[] h = new double[per.length];
      for (int e = 0; e < per.length; e++) {
        x[e] = curve.x() != null && e < curve.x().length ? curve.x()[e] : e + 1;
        mean[e] = per[e].mean();
        l[e] = per[e].ciLow();
        h[e] = per[e].ciHigh();
      }
      Color color = palette[c % palette.length];
      band(chart, curve.name(), x, l, h, color);
      lines.add(
          () -> {
            XYSeries s = chart.addSeries(curve.name(), x, mean);
            s.setLineColor(color);
            s.setMarker(per.length <= 40 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setMarkerColor(color);
            s.setLineWidth(2f);
          });
    }
    lines.forEach(Runnable::run);
    if (t.probe()) {
      String caption =
          t.metric()
              + " of the deterministic policy, probed every few training episodes on the same"
              + " probe episodes (mean over them); line = mean over seeds, band = 95% Student-t"
              + " interval ("
              + n
              + ")";
      return render("probe-" + Text.fileName(t.metric()), caption, chart);
    }
    String caption =
        t.metric()
            + " during training: per seed a trailing moving average of "
            + t.window()
            + " episodes; line = mean over seeds, band = 95% Student-t interval ("
            + n
            + ")";
    return render("train-" + Text.fileName(t.metric()), caption, chart);
  }

  /** A horizontal legend below the plot, or a vertical one when the names would not fit a row. */
  private static void legend(Styler s, List<String> names) {
    int width = names.stream().mapToInt(n -> n.length() * 7 + 45).sum();
    s.setLegendLayout(
        width > WIDTH - 40 ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
  }

  private static void style(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setChartTitleBoxVisible(false);
    s.setPlotBorderVisible(false);
    s.setAntiAlias(true);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
  }

  private static Figure render(String name, String caption, Chart<?, ?> chart) {
    try {
      byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      ByteArrayOutputStream svg = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      return new Figure(name, caption, png, svg.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render figure " + name, e);
    }
  }
}
