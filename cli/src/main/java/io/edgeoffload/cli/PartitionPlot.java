package io.edgeoffload.cli;

import io.edgeoffload.dnn.partition.PartitionPoint;
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

/**
 * The figure of {@code edgeoffload partition --plot}: bytes sent (left axis, MB) and device MACs
 * (right axis, GMACs) against the partition point s, written as a PNG and an SVG next to it, each
 * atomically.
 */
final class PartitionPlot {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 560;
  private static final double MB = 1e6;
  private static final double GMACS = 1e9;
  private static final int MARKERS_UP_TO = 80;
  private static final Color BYTES_COLOR = new Color(0x1f77b4);
  private static final Color MACS_COLOR = new Color(0xd62728);

  private PartitionPlot() {}

  /**
   * Draws the points and writes {@code png} and the SVG of the same name next to it.
   *
   * @param png the PNG file; its name ends in {@code .png}
   * @param title the chart title
   * @param points the points to draw, ascending in s
   * @return the SVG file written
   */
  static Path write(Path png, String title, List<PartitionPoint> points) {
    int n = points.size();
    double[] s = new double[n];
    double[] mb = new double[n];
    double[] gmacs = new double[n];
    for (int i = 0; i < n; i++) {
      PartitionPoint p = points.get(i);
      s[i] = p.s();
      mb[i] = p.bytesSent() / MB;
      gmacs[i] = p.deviceMacs() / GMACS;
    }
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("partition point s (1 = send the input, S = run everything on the device)")
            .build();
    Styler st = chart.getStyler();
    st.setChartBackgroundColor(Color.WHITE);
    st.setPlotBackgroundColor(Color.WHITE);
    st.setChartTitleBoxVisible(false);
    st.setPlotBorderVisible(false);
    st.setAntiAlias(true);
    st.setLegendPosition(Styler.LegendPosition.OutsideS);
    st.setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    chart.getStyler().setYAxisMin(0, 0.0);
    chart.getStyler().setYAxisMin(1, 0.0);
    chart.getStyler().putYAxisGroupDecimalPatternMap(0, "0.###");
    chart.getStyler().putYAxisGroupDecimalPatternMap(1, "0.###");
    chart.setYAxisGroupTitle(0, "bytes sent (MB, 10^6 bytes)");
    chart.setYAxisGroupTitle(1, "device MACs (GMACs, 10^9)");
    chart.getStyler().setYAxisGroupTitleColor(0, BYTES_COLOR);
    chart.getStyler().setYAxisGroupTitleColor(1, MACS_COLOR);

    XYSeries bytes = chart.addSeries("bytes sent (MB, left axis)", s, mb);
    style(bytes, BYTES_COLOR, n);
    bytes.setYAxisGroup(0);
    XYSeries macs = chart.addSeries("device MACs (GMACs, right axis)", s, gmacs);
    style(macs, MACS_COLOR, n);
    macs.setYAxisGroup(1);

    String name = png.getFileName().toString();
    Path svg = png.resolveSibling(name.substring(0, name.length() - ".png".length()) + ".svg");
    try {
      byte[] pngBytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
      ByteArrayOutputStream svgBytes = new ByteArrayOutputStream();
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, svgBytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      AtomicFiles.write(png, pngBytes);
      AtomicFiles.write(svg, svgBytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + png, e);
    }
    return svg;
  }

  private static void style(XYSeries series, Color color, int n) {
    series.setLineColor(color);
    series.setMarkerColor(color);
    series.setMarker(n <= MARKERS_UP_TO ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    series.setLineStyle(new BasicStroke(n <= MARKERS_UP_TO ? 1.5f : 1.2f));
  }
}
