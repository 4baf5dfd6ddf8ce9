package io.edgeoffload.lab.recipe;

import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Plots;
import io.edgeoffload.lab.Stats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * UARA Fig. 7: Pareto graph of 1/latency against 1/(device energy), 80 MDs and 8 ESs, each baseline
 * swept over its local probability ε from 0 to 1, pricing at α = 1; (a) comm load, (b) comp load.
 */
final class UaraFig7 implements Recipe {
  @Override
  public String id() {
    return "uara-fig7";
  }

  @Override
  public String description() {
    return "Fig. 7: Pareto graph, 80 MDs, 8 ESs, baselines over ε ∈ [0, 1], comm and comp loads";
  }

  private record Point(
      String panel, String scheme, double epsilon, Stats.Summary latency, Stats.Summary energy) {}

  @Override
  public void run(Budget budget, Path out, RecipeRuns runs) {
    double[] eps =
        budget.name().equals("quick")
            ? new double[] {0.0, 0.5, 1.0}
            : new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    List<Point> points = new ArrayList<>();
    StringBuilder md = new StringBuilder("# UARA Fig. 7: Pareto graph, 80 MDs, 8 ESs\n\n");
    md.append(UaraPoints.budgetNote(budget))
        .append(" Baselines sweep their local probability ε; pricing runs at α = 1. Energy: device")
        .append(" energy per task (local computing or transmission), mWh.\n\n");
    for (String[] l : new String[][] {{"a", "comm"}, {"b", "comp"}}) {
      String panel = "fig7" + l[0];
      List<Plots.Series> series = new ArrayList<>();
      List<String> pc = UaraPoints.config(budget, UaraPoints.point(80, 8, l[1], 1.0));
      double[][] pv =
          UaraPoints.evaluate(runs, budget, pc, "pricing", "mean_latency_s", "device_energy_j");
      Point pricing = new Point(panel, "pricing", Double.NaN, Stats.summarize(pv[0]), mwh(pv[1]));
      points.add(pricing);
      series.add(
          new Plots.Series(
              "pricing (α = 1)",
              new double[] {1 / pricing.latency().mean()},
              new double[] {1 / pricing.energy().mean()},
              null));
      Point fastest = null;
      int dominating = 0;
      for (String scheme : UaraPoints.SCHEMES.subList(1, UaraPoints.SCHEMES.size())) {
        double[] x = new double[eps.length];
        double[] y = new double[eps.length];
        for (int k = 0; k < eps.length; k++) {
          List<String> c =
              UaraPoints.config(
                  budget,
                  UaraPoints.point(
                      80, 8, l[1], 1.0, String.format(Locale.ROOT, "baseline.epsilon=%s", eps[k])));
          double[][] v =
              UaraPoints.evaluate(runs, budget, c, scheme, "mean_latency_s", "device_energy_j");
          Point p = new Point(panel, scheme, eps[k], Stats.summarize(v[0]), mwh(v[1]));
          points.add(p);
          x[k] = 1 / p.latency().mean();
          y[k] = 1 / p.energy().mean();
          if (fastest == null || p.latency().mean() < fastest.latency().mean()) {
            fastest = p;
          }
          if (p.latency().mean() <= pricing.latency().mean()
              && p.energy().mean() <= pricing.energy().mean()) {
            dominating++;
          }
        }
        series.add(new Plots.Series(scheme + " (ε = 0…1)", x, y, null));
      }
      Plots.lineChart(
          out.resolve("plots").resolve(panel),
          "Fig. 7(" + l[0] + "): Pareto graph, " + l[1] + " load, 80 MDs, 8 ESs",
          "1 / mean latency [1/s]",
          "1 / device energy per task [1/mWh] (log scale)",
          series,
          true);
      md.append("### Fig. 7(").append(l[0]).append("): ").append(l[1]).append(" load\n\n");
      md.append(
          String.format(
              Locale.ROOT,
              "Pricing: latency %.4g s, energy %.4g mWh. Lowest-latency baseline point: %s at ε ="
                  + " %.1f, latency %.4g s, energy %.4g mWh: pricing has %.3g× lower latency and"
                  + " %.1f%% %s energy. Baseline points at least as good in both: %d of %d.%n%n",
              pricing.latency().mean(),
              pricing.energy().mean(),
              fastest.scheme(),
              fastest.epsilon(),
              fastest.latency().mean(),
              fastest.energy().mean(),
              fastest.latency().mean() / pricing.latency().mean(),
              100 * Math.abs(1 - pricing.energy().mean() / fastest.energy().mean()),
              pricing.energy().mean() <= fastest.energy().mean() ? "less" : "more",
              dominating,
              eps.length * 4));
      md.append("| scheme | ε | latency [s] | device energy [mWh] |\n|---|---:|---:|---:|\n");
      for (Point p : points) {
        if (p.panel().equals(panel)) {
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %.4g ± %.2g | %.4g ± %.2g |%n",
                  p.scheme(),
                  Double.isNaN(p.epsilon()) ? "–" : String.format(Locale.ROOT, "%.1f", p.epsilon()),
                  p.latency().mean(),
                  p.latency().halfWidth(),
                  p.energy().mean(),
                  p.energy().halfWidth()));
        }
      }
      md.append('\n');
    }
    StringBuilder csv =
        new StringBuilder(
            "panel,scheme,epsilon,n,latency_s,latency_ci95_low,latency_ci95_high,"
                + "energy_mwh,energy_ci95_low,energy_ci95_high\n");
    for (Point p : points) {
      csv.append(
          String.join(
                  ",",
                  p.panel(),
                  p.scheme(),
                  Double.isNaN(p.epsilon()) ? "" : Curves.num(p.epsilon()),
                  Integer.toString(p.latency().n()),
                  Curves.num(p.latency().mean()),
                  Curves.num(p.latency().ciLow()),
                  Curves.num(p.latency().ciHigh()),
                  Curves.num(p.energy().mean()),
                  Curves.num(p.energy().ciLow()),
                  Curves.num(p.energy().ciHigh()))
              + "\n");
    }
    AtomicFiles.write(out.resolve("data.csv"), csv.toString());
    AtomicFiles.write(out.resolve("summary.md"), md.toString());
  }

  /** Joules per task to mWh per task (1 mWh = 3.6 J), summarised over seeds. */
  private static Stats.Summary mwh(double[] joules) {
    return Stats.summarize(UaraPoints.scale(joules, 1 / 3.6));
  }
}
