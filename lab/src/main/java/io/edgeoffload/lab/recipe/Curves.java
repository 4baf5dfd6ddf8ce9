package io.edgeoffload.lab.recipe;

import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Plots;
import io.edgeoffload.lab.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Results of a sweep: panels of series of points, each point the per-seed samples of a metric at
 * one x. Written as {@code data.csv} (one row per point), a Markdown table per panel, and one
 * figure per panel with 95% intervals over seeds.
 */
final class Curves {
  /** One panel: a figure. */
  static final class Panel {
    final String id;
    final String title;
    final String xLabel;
    final String yLabel;
    final Map<String, List<double[]>> xs = new LinkedHashMap<>();
    final Map<String, List<double[]>> samples = new LinkedHashMap<>();

    Panel(String id, String title, String xLabel, String yLabel) {
      this.id = id;
      this.title = title;
      this.xLabel = xLabel;
      this.yLabel = yLabel;
    }

    void add(String series, double x, double[] perSeed) {
      xs.computeIfAbsent(series, k -> new ArrayList<>()).add(new double[] {x});
      samples.computeIfAbsent(series, k -> new ArrayList<>()).add(perSeed.clone());
    }
  }

  private final List<Panel> panels = new ArrayList<>();

  Panel panel(String id, String title, String xLabel, String yLabel) {
    Panel p = new Panel(id, title, xLabel, yLabel);
    panels.add(p);
    return p;
  }

  List<Panel> panels() {
    return panels;
  }

  static String csv(List<Panel> panels) {
    StringBuilder sb = new StringBuilder("panel,series,x,n,mean,ci95_low,ci95_high\n");
    for (Panel p : panels) {
      for (String s : p.samples.keySet()) {
        List<double[]> xs = p.xs.get(s);
        List<double[]> ys = p.samples.get(s);
        for (int k = 0; k < xs.size(); k++) {
          Stats.Summary sum = Stats.summarize(ys.get(k));
          sb.append(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%s,%d,%s,%s,%s%n",
                  p.id,
                  s,
                  num(xs.get(k)[0]),
                  sum.n(),
                  num(sum.mean()),
                  num(sum.ciLow()),
                  num(sum.ciHigh())));
        }
      }
    }
    return sb.toString();
  }

  /** Integers as integers, everything else with six significant digits. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** One Markdown table per panel: x down, series across, mean ± half-width. */
  static String markdown(List<Panel> panels) {
    StringBuilder sb = new StringBuilder();
    for (Panel p : panels) {
      sb.append("### ").append(p.title).append("\n\n");
      sb.append(p.yLabel).append(", mean ± 95% CI half-width over seeds.\n\n");
      List<String> series = new ArrayList<>(p.samples.keySet());
      sb.append("| ").append(p.xLabel).append(" |");
      for (String s : series) {
        sb.append(' ').append(s).append(" |");
      }
      sb.append("\n|---:|").append("---:|".repeat(series.size())).append('\n');
      List<double[]> xs = p.xs.get(series.get(0));
      for (int k = 0; k < xs.size(); k++) {
        sb.append("| ").append(num(xs.get(k)[0])).append(" |");
        for (String s : series) {
          List<double[]> ys = p.samples.get(s);
          if (k < ys.size()) {
            Stats.Summary sum = Stats.summarize(ys.get(k));
            sb.append(String.format(Locale.ROOT, " %.4g ± %.2g |", sum.mean(), sum.halfWidth()));
          } else {
            sb.append(" |");
          }
        }
        sb.append('\n');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** One line chart per panel under {@code dir}, named by the panel id. */
  static void plot(List<Panel> panels, Path dir) {
    for (Panel p : panels) {
      List<Plots.Series> series = new ArrayList<>();
      for (String s : p.samples.keySet()) {
        List<double[]> xs = p.xs.get(s);
        List<double[]> ys = p.samples.get(s);
        double[] x = new double[xs.size()];
        double[] m = new double[xs.size()];
        double[] h = new double[xs.size()];
        for (int k = 0; k < x.length; k++) {
          Stats.Summary sum = Stats.summarize(ys.get(k));
          x[k] = xs.get(k)[0];
          m[k] = sum.mean();
          h[k] = sum.halfWidth();
        }
        series.add(new Plots.Series(s, x, m, h));
      }
      Plots.lineChart(dir.resolve(p.id), p.title, p.xLabel, p.yLabel, series);
    }
  }

  /** Writes data.csv, summary.md (with a heading and notes) and plots/. */
  void write(Path out, String heading, String notes) {
    AtomicFiles.write(out.resolve("data.csv"), csv(panels));
    AtomicFiles.write(
        out.resolve("summary.md"), "# " + heading + "\n\n" + notes + "\n\n" + markdown(panels));
    plot(panels, out.resolve("plots"));
  }
}
