package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Mean curves with their 95% bands (thin lines), and flat reference lines, as PNG and SVG. */
final class BandChart {
  private BandChart() {}

  /** Colours of the second and later references: black, dark grey, brown. */
  private static final Color[] MORE_REFERENCES = {
    Color.BLACK, new Color(100, 100, 100), new Color(140, 80, 20)
  };

  /** One curve: x, mean and the band's edges. */
  record Band(String name, double[] x, double[] mean, double[] lo, double[] hi) {}

  /**
   * A horizontal reference (a non-learning policy's value).
   *
   * @param colourOf the name of the band whose colour it takes (a reference that belongs to one
   *     curve, as Fig. 12's local-only at each β), or null
   */
  record Reference(String name, double y, String colourOf) {
    Reference(String name, double y) {
      this(name, y, null);
    }
  }

  static void write(
      Path base,
      String title,
      String xLabel,
      String yLabel,
      List<Band> bands,
      List<Reference> refs) {
    write(base, title, xLabel, yLabel, bands, refs, false);
  }

  /**
   * As {@link #write(Path, String, String, String, List, List)}; with {@code logY} the y axis is
   * logarithmic and starts at half the smallest positive value drawn (means, band edges,
   * references). Band edges and references at or below zero (a t-interval over few seeds can reach
   * below zero; local-only waits 0) are drawn on that bottom edge, so they read as "off the axis"
   * rather than as a value.
   */
  static void write(
      Path base,
      String title,
      String xLabel,
      String yLabel,
      List<Band> bands,
      List<Reference> refs,
      boolean logY) {
    double floor = 1e-12;
    if (logY) {
      floor = Double.POSITIVE_INFINITY;
      for (Band b : bands) {
        for (double[] a : new double[][] {b.mean(), b.lo(), b.hi()}) {
          for (double v : a) {
            if (v > 0) {
              floor = Math.min(floor, v);
            }
          }
        }
      }
      for (Reference r : refs) {
        if (r.y() > 0) {
          floor = Math.min(floor, r.y());
        }
      }
      floor = Double.isFinite(floor) ? floor / 2 : 1e-12;
      for (Band b : bands) {
        for (double[] a : new double[][] {b.mean(), b.lo(), b.hi()}) {
          for (int i = 0; i < a.length; i++) {
            a[i] = Math.max(a[i], floor);
          }
        }
      }
    }
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(540)
            .title(title)
            .xAxisTitle(xLabel)
            .yAxisTitle(yLabel)
            .build();
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setChartTitleBoxVisible(false);
    s.setPlotBorderVisible(false);
    s.setAntiAlias(true);
    // One row below the plot holds about six entries; more go in a column to its right.
    boolean column = bands.size() + refs.size() > 6;
    s.setLegendPosition(column ? Styler.LegendPosition.OutsideE : Styler.LegendPosition.OutsideS);
    s.setLegendLayout(column ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
    chart.getStyler().setYAxisLogarithmic(logY);
    if (logY) {
      chart.getStyler().setYAxisMin(floor);
    }
    Color[] palette = s.getSeriesColors();
    java.util.Map<String, Color> bandColour = new java.util.HashMap<>();
    int c = 0;
    for (Band b : bands) {
      Color color = palette[c++ % palette.length];
      bandColour.put(b.name(), color);
      Color faint = new Color(color.getRed(), color.getGreen(), color.getBlue(), 90);
      XYSeries m = chart.addSeries(b.name(), b.x(), b.mean());
      m.setLineColor(color);
      m.setMarkerColor(color);
      m.setMarker(SeriesMarkers.CIRCLE);
      m.setLineWidth(2f);
      for (int e = 0; e < 2; e++) {
        XYSeries edge =
            chart.addSeries(b.name() + (e == 0 ? " lo" : " hi"), b.x(), e == 0 ? b.lo() : b.hi());
        edge.setShowInLegend(false);
        edge.setLineColor(faint);
        edge.setMarker(SeriesMarkers.NONE);
        edge.setLineWidth(1f);
      }
    }
    double[] xr = {0, 1};
    if (!bands.isEmpty()) {
      double[] x = bands.get(0).x();
      xr = new double[] {x[0], x[x.length - 1]};
    }
    int k = 0;
    for (Reference r : refs) {
      // A reference of one band takes its colour. Of the others, the first takes the next series
      // colour and later ones dark colours that no band shares, so that a reference is never
      // read as a learner's curve.
      Color color = bandColour.get(r.colourOf());
      if (color == null) {
        color =
            k == 0
                ? palette[c % palette.length]
                : MORE_REFERENCES[(k - 1) % MORE_REFERENCES.length];
        k++;
      }
      double y = logY ? Math.max(r.y(), floor) : r.y(); // a zero reference sits on the floor
      XYSeries ref = chart.addSeries(r.name(), xr, new double[] {y, y});
      ref.setLineColor(color);
      ref.setMarker(SeriesMarkers.NONE);
      ref.setLineStyle(
          new BasicStroke(
              2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
    }
    try {
      String name = base.getFileName().toString();
      Path dir = base.toAbsolutePath().getParent();
      AtomicFiles.write(
          dir.resolve(name + ".png"),
          BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
      ByteArrayOutputStream svg = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      AtomicFiles.write(dir.resolve(name + ".svg"), svg.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + base, e);
    }
  }
}
