package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Final performance of every algorithm against one system parameter (Figs. 10 and 11): for each
 * value, a {@link Convergence} run of all series in {@code <out>/<key>=<value>/}, then {@code
 * sweep.csv} and one plot per metric with the final values (mean and 95% band over seeds).
 */
public final class Sweep {
  private Sweep() {}

  static final String[][] ALGORITHMS = {
    {"EMH-PPO", "emh-ppo"},
    {"AgileNN", "agilenn"},
    {"MAHPPO", "mahppo"},
    {"H-PPO", "h-ppo"},
    {"local only", "local-only"}
  };

  /**
   * Asks {@code runs} for every value's {@link Convergence} runs and writes the sweep's outputs.
   */
  public static void run(
      String title,
      String key,
      int[] values,
      List<String> fixed,
      ExperimentOptions opt,
      RecipeRuns runs) {
    List<List<Convergence.Result>> all = new ArrayList<>();
    for (int v : values) {
      List<Convergence.Series> series = new ArrayList<>();
      for (String[] a : ALGORITHMS) {
        List<String> sets = new ArrayList<>(fixed);
        sets.add("env." + key + "=" + v);
        series.add(new Convergence.Series(a[0], a[1], sets));
      }
      ExperimentOptions sub = opt.in(opt.out().resolve(key + "=" + v));
      all.add(Convergence.run(title + ", " + key + " = " + v, series, sub, runs));
    }
    StringBuilder csv =
        new StringBuilder(key + ",series,n,reward,reward_ci,latency_ms,latency_ci,");
    csv.append("energy_j,energy_ci\n");
    double[] scale = {1, 1e3, 1};
    String[] files = {"reward", "latency", "energy"};
    String[] labels = {
      "average reward per window", "total inference latency (ms)", "energy per task (J)"
    };
    for (int m = 0; m < 3; m++) {
      List<BandChart.Band> bands = new ArrayList<>();
      for (int a = 0; a < ALGORITHMS.length; a++) {
        double[] x = new double[values.length];
        double[] mean = new double[values.length];
        double[] lo = new double[values.length];
        double[] hi = new double[values.length];
        for (int i = 0; i < values.length; i++) {
          Stats.Summary s = all.get(i).get(a).summary(m);
          x[i] = values[i];
          mean[i] = s.mean() * scale[m];
          lo[i] = s.ciLow() * scale[m];
          hi[i] = s.ciHigh() * scale[m];
        }
        bands.add(new BandChart.Band(ALGORITHMS[a][0], x, mean, lo, hi));
      }
      BandChart.write(
          opt.out().resolve(files[m]),
          String.format(Locale.ROOT, "%s: %s (%d seeds)", title, files[m], opt.seedCount()),
          key,
          labels[m],
          bands,
          List.of());
    }
    for (int i = 0; i < values.length; i++) {
      for (int a = 0; a < ALGORITHMS.length; a++) {
        Convergence.Result r = all.get(i).get(a);
        csv.append(values[i]).append(',').append(ALGORITHMS[a][0]).append(',');
        csv.append(r.finals().length);
        for (int m = 0; m < 3; m++) {
          Stats.Summary s = r.summary(m);
          csv.append(
              String.format(
                  Locale.ROOT, ",%.6g,%.3g", s.mean() * scale[m], s.halfWidth() * scale[m]));
        }
        csv.append('\n');
      }
    }
    AtomicFiles.write(opt.out().resolve("sweep.csv"), csv.toString());
  }
}
