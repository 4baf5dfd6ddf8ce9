package io.edgeoffload.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

/** Figures of run outputs (XChart), each written as PNG and SVG, atomically. */
public final class Plots {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 540;

  private Plots() {}

  /** One named curve over episodes. */
  public record Curve(String name, double[] values) {}

  /**
   * Episode curves of one metric: each curve's per-episode values (faint) and their trailing moving
   * average (bold) when there are enough episodes for it to differ.
   */
  public static void episodeChart(
      Path fileWithoutExtension, String title, String yLabel, List<Curve> curves) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("episode")
            .yAxisTitle(yLabel)
            .build();
    style(chart.getStyler());
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    Color[] palette = chart.getStyler().getSeriesColors();
    for (int c = 0; c < curves.size(); c++) {
      Curve curve = curves.get(c);
      double[] y = curve.values();
      double[] x = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        x[i] = i + 1;
      }
      Color color = palette[c % palette.length];
      int window = Math.max(1, y.length / 20);
      boolean smooth = window > 1;
      boolean several = curves.size() > 1; // then only the averages get legend entries
      String rawName =
          smooth && !several ? curve.name() + " (per episode)" : curve.name() + (smooth ? " " : "");
      XYSeries raw = chart.addSeries(rawName, x, y);
      raw.setShowInLegend(!(smooth && several));
      raw.setMarker(y.length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      raw.setLineColor(smooth ? faint(color) : color);
      raw.setMarkerColor(smooth ? faint(color) : color);
      raw.setLineWidth(1f);
      if (smooth) {
        XYSeries avg =
            chart.addSeries(
                several ? curve.name() : curve.name() + " (moving average, " + window + ")",
                x,
                Stats.movingAverage(y, window));
        avg.setMarker(SeriesMarkers.NONE);
        avg.setLineColor(color);
        avg.setLineStyle(new BasicStroke(2.5f));
      }
    }
    save(chart, fileWithoutExtension);
  }

  /** Means with 95% confidence intervals as a bar chart, one bar per label. */
  public static void meanBars(
      Path fileWithoutExtension,
      String title,
      String yLabel,
      List<String> labels,
      double[] means,
      double[] halfWidths) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("policy")
            .yAxisTitle(yLabel)
            .build();
    style(chart.getStyler());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setErrorBarsColor(Color.BLACK);
    chart.addSeries("mean ± 95% CI", labels, toList(means), toList(halfWidths));
    save(chart, fileWithoutExtension);
  }

  /**
   * One series of a line chart: means at x with the half-widths of their 95% intervals (drawn as
   * error bars; null for none); a reference (e.g. a non-learning policy beside learners) is drawn
   * dashed.
   */
  public record Series(
      String name, double[] x, double[] y, double[] halfWidths, boolean reference) {
    public Series(String name, double[] x, double[] y, double[] halfWidths) {
      this(name, x, y, halfWidths, false);
    }
  }

  /** Curves of means over a swept parameter, each point with its 95% interval. */
  public static void lineChart(
      Path fileWithoutExtension, String title, String xLabel, String yLabel, List<Series> series) {
    lineChart(fileWithoutExtension, title, xLabel, yLabel, series, false);
  }

  /** As {@link #lineChart(Path, String, String, String, List)}, optionally with a log y axis. */
  public static void lineChart(
      Path fileWithoutExtension,
      String title,
      String xLabel,
      String yLabel,
      List<Series> series,
      boolean logY) {
    lineChart(fileWithoutExtension, title, xLabel, yLabel, series, logY, null);
  }

  /**
   * As above, with the x ticks in a {@link java.text.DecimalFormat} pattern ({@code "#"} for whole
   * numbers such as episode counts; null: XChart's choice).
   */
  public static void lineChart(
      Path fileWithoutExtension,
      String title,
      String xLabel,
      String yLabel,
      List<Series> series,
      boolean logY,
      String xPattern) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xLabel)
            .yAxisTitle(yLabel)
            .build();
    style(chart.getStyler());
    // One row below the plot holds about six entries; more go in a column to its right.
    boolean column = series.size() > 6;
    chart
        .getStyler()
        .setLegendPosition(
            column ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.OutsideS);
    chart
        .getStyler()
        .setLegendLayout(column ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    chart.getStyler().setYAxisLogarithmic(logY);
    if (xPattern != null) {
      chart.getStyler().setXAxisDecimalPattern(xPattern);
    }
    for (Series s : series) {
      XYSeries xy =
          s.halfWidths() == null
              ? chart.addSeries(s.name(), s.x(), s.y())
              : chart.addSeries(s.name(), s.x(), s.y(), s.halfWidths());
      xy.setMarker(SeriesMarkers.CIRCLE);
      xy.setLineWidth(s.x().length == 1 ? 0f : 2f);
      if (s.reference() && s.x().length > 1) {
        xy.setLineStyle(
            new BasicStroke(
                2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
      }
    }
    save(chart, fileWithoutExtension);
  }

  private static List<Double> toList(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }

  private static void style(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setChartTitleBoxVisible(false);
    s.setPlotBorderVisible(false);
    s.setAntiAlias(true);
  }

  private static Color faint(Color c) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), 70);
  }

  private static void save(Chart<?, ?> chart, Path fileWithoutExtension) {
    try {
      String base = fileWithoutExtension.getFileName().toString();
      Path dir = fileWithoutExtension.toAbsolutePath().getParent();
      AtomicFiles.write(
          dir.resolve(base + ".png"),
          BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
      ByteArrayOutputStream svg = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      AtomicFiles.write(dir.resolve(base + ".svg"), svg.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + fileWithoutExtension, e);
    }
  }
}
