package io.edgeoffload.collab.experiment;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.recipe.RecipeRuns;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Final performance of a list of series against one swept parameter (Figs. 7(c)(d), 10 and 11): for
 * each value, a {@link Convergence} run of all series in {@code <out>/<name>=<value>/}, then {@code
 * sweep.csv} (one row per value × series), {@code summary.md} and one plot per metric (reward,
 * latency, energy) with the final values (mean and 95% band over seeds).
 */
public final class Sweep {
  private Sweep() {}

  /**
   * The five algorithms of Figs. 10 and 11, and the {@code round-robin} and {@code rotation}
   * schedules (not in the paper) as references: label and learner or policy id.
   */
  static final String[][] ALGORITHMS = {
    {"EMH-PPO", "emh-ppo"},
    {"AgileNN", "agilenn"},
    {"MAHPPO", "mahppo"},
    {"H-PPO", "h-ppo"},
    {"local only", "local-only"},
    {"round-robin", "round-robin"},
    {"rotation", "rotation"}
  };

  /** The series of Figs. 10 and 11, each with the environment sets {@code fixed}. */
  static List<Convergence.Series> algorithms(List<String> fixed) {
    List<Convergence.Series> out = new ArrayList<>();
    for (String[] a : ALGORITHMS) {
      out.add(new Convergence.Series(a[0], a[1], List.copyOf(fixed)));
    }
    return out;
  }

  /**
   * The swept parameter.
   *
   * @param name the CSV column, the sub-folder prefix ({@code <name>=<value>}) and the name in
   *     titles
   * @param label the x-axis label
   * @param description what a value means, for {@code summary.md}
   * @param values the values, finite and strictly increasing (integers are written without a
   *     fraction: {@code 4}, {@code 12.5})
   * @param sets the environment sets that give value v; they follow every series' own sets
   */
  public record Axis(
      String name,
      String label,
      String description,
      double[] values,
      DoubleFunction<List<String>> sets) {
    public Axis {
      if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
        throw new ConfigException("axis.name", name, "must be a word (letters, digits, _ . -)");
      }
      if (values == null || values.length == 0) {
        throw new ConfigException(
            "axis.values", values == null ? "null" : "[]", "give at least one value");
      }
      values = values.clone();
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i]) || (i > 0 && values[i] <= values[i - 1])) {
          throw new ConfigException(
              "axis.values", Arrays.toString(values), "must be finite and strictly increasing");
        }
      }
      if (sets == null) {
        throw new ConfigException("axis.sets", "null", "give the sets of a value");
      }
    }

    /** The values (a copy). */
    @Override
    public double[] values() {
      return values.clone();
    }

    /** {@code env.<key>} = each value, labelled by the key. */
    public static Axis env(String key, double... values) {
      return new Axis(key, key, "env." + key, values, v -> List.of("env." + key + "=" + format(v)));
    }

    /** The same axis with another x-axis label and description. */
    public Axis describedAs(String label, String description) {
      return new Axis(name, label, description, values, sets);
    }
  }

  /** {@code v} as written in folders, sets and CSV: integers without a fraction, else plain. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /**
   * Figs. 10 and 11: the {@link #ALGORITHMS} with the sets {@code fixed}, against {@code env.<key>}
   * at integer values.
   */
  public static List<List<Convergence.Result>> run(
      String title,
      String key,
      int[] values,
      List<String> fixed,
      ExperimentOptions opt,
      RecipeRuns runs) {
    return run(
        title,
        Axis.env(key, Arrays.stream(values).asDoubleStream().toArray()),
        algorithms(fixed),
        opt,
        runs);
  }

  /**
   * Asks {@code runs} for every value's {@link Convergence} runs of {@code series} (each series'
   * sets followed by the axis' sets of the value) and writes the sweep's outputs under {@code
   * opt.out()}; returns the finals, per value and per series.
   */
  public static List<List<Convergence.Result>> run(
      String title,
      Axis axis,
      List<Convergence.Series> series,
      ExperimentOptions opt,
      RecipeRuns runs) {
    if (series == null || series.isEmpty()) {
      throw new ConfigException("series", "[]", "give at least one series");
    }
    double[] values = axis.values();
    String key = axis.name();
    List<List<Convergence.Result>> all = new ArrayList<>();
    for (double v : values) {
      List<Convergence.Series> at = new ArrayList<>();
      for (Convergence.Series s : series) {
        List<String> sets = new ArrayList<>(s.sets());
        sets.addAll(axis.sets().apply(v));
        at.add(new Convergence.Series(s.label(), s.id(), sets));
      }
      ExperimentOptions sub = opt.in(opt.out().resolve(key + "=" + format(v)));
      all.add(Convergence.run(title + ", " + key + " = " + format(v), at, sub, runs));
    }
    StringBuilder csv =
        new StringBuilder(key + ",series,n,reward,reward_ci,latency_ms,latency_ci,");
    csv.append("energy_j,energy_ci\n");
    double[] scale = {1, 1e3, 1};
    String[] files = {"reward", "latency", "energy"};
    String[] labels = {
      "average reward per window", "total inference latency (ms)", "energy per task (J)"
    };
    List<String> logPlots = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      // The reward is tried as a cost (−reward), which is positive and can be drawn on a log axis.
      double sign = m == 0 ? -1 : 1;
      List<BandChart.Band> bands = bands(all, series, values, m, sign * scale[m]);
      boolean log = spansADecade(bands);
      String label = labels[m];
      if (log) {
        label = (m == 0 ? "cost per window = −reward (eq. 8)" : labels[m]).concat(", log scale");
        logPlots.add(files[m]);
      } else if (sign < 0) {
        bands = bands(all, series, values, m, scale[m]);
      }
      BandChart.write(
          opt.out().resolve(files[m]),
          String.format(Locale.ROOT, "%s: %s (%d seeds)", title, files[m], opt.seedCount()),
          axis.label(),
          label,
          bands,
          List.of(),
          log);
    }
    for (int i = 0; i < values.length; i++) {
      for (int a = 0; a < series.size(); a++) {
        Convergence.Result r = all.get(i).get(a);
        csv.append(format(values[i])).append(',').append(series.get(a).label()).append(',');
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
    AtomicFiles.write(opt.out().resolve("summary.md"), summary(title, axis, all, opt, logPlots));
    return all;
  }

  /**
   * Per series (in order), the final values of metric {@code m} times {@code factor} against the
   * axis: mean and 95% band over seeds. A negative factor swaps the band's edges.
   */
  private static List<BandChart.Band> bands(
      List<List<Convergence.Result>> all,
      List<Convergence.Series> series,
      double[] values,
      int m,
      double factor) {
    List<BandChart.Band> bands = new ArrayList<>();
    for (int a = 0; a < series.size(); a++) {
      double[] x = values.clone();
      double[] mean = new double[values.length];
      double[] lo = new double[values.length];
      double[] hi = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        Stats.Summary s = all.get(i).get(a).summary(m);
        mean[i] = s.mean() * factor;
        double e1 = s.ciLow() * factor;
        double e2 = s.ciHigh() * factor;
        lo[i] = Math.min(e1, e2);
        hi[i] = Math.max(e1, e2);
      }
      bands.add(new BandChart.Band(series.get(a).label(), x, mean, lo, hi));
    }
    return bands;
  }

  /**
   * Whether a plot of these bands needs a logarithmic y axis: every mean is positive and the
   * largest is at least ten times the smallest (at full budget, Fig. 10's EMH-PPO takes 440 s an
   * episode with six MDs and 0.6 s with one; on a linear axis every other point sits on zero). The
   * band edges do not decide: a t-interval over three seeds can span decades by itself.
   */
  static boolean spansADecade(List<BandChart.Band> bands) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (BandChart.Band b : bands) {
      for (double v : b.mean()) {
        if (!(v > 0) || !Double.isFinite(v)) {
          return false;
        }
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    return max >= 10 * min; // no bands: 0 >= ∞ is false
  }

  /**
   * The caption and the table of final values of a sweep; the caption names the plots drawn on a
   * logarithmic axis.
   */
  static String summary(
      String title,
      Axis axis,
      List<List<Convergence.Result>> all,
      ExperimentOptions opt,
      List<String> logPlots) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(title).append("\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "Preset `%s`, %d training steps per run, %d seeds (%s), %d evaluation episodes per"
                + " point; final values, mean ± 95%% interval over seeds. Swept: %s. Learning"
                + " curves of each value in `%s=<value>/`; data in `sweep.csv`.%n%n",
            opt.preset(),
            opt.trainingSteps(),
            opt.seedCount(),
            opt.seeds().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""),
            opt.evalEpisodes(),
            axis.description(),
            axis.name()));
    if (!logPlots.isEmpty()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "The final values span more than a decade, so these plots have a logarithmic y axis"
                  + " (%sa band edge at or below zero on the bottom edge): %s.%n%n",
              logPlots.contains("reward") ? "the reward drawn as a cost, −reward; " : "",
              String.join(", ", logPlots)));
    }
    sb.append("| ")
        .append(axis.name())
        .append(" | series | reward | total latency (ms) | energy (J/task) |\n");
    sb.append("|---:|---|---|---|---|\n");
    double[] values = axis.values();
    String[] fmt = {"%.2f ± %.2f", "%.1f ± %.1f", "%.4f ± %.4f"};
    double[] scale = {1, 1e3, 1};
    for (int i = 0; i < values.length; i++) {
      for (Convergence.Result r : all.get(i)) {
        sb.append("| ").append(format(values[i])).append(" | ").append(r.series().label());
        for (int k = 0; k < 3; k++) {
          Stats.Summary s = r.summary(k);
          sb.append(" | ")
              .append(
                  String.format(
                      Locale.ROOT, fmt[k], s.mean() * scale[k], s.halfWidth() * scale[k]));
        }
        sb.append(" |\n");
      }
    }
    return sb.toString();
  }
}
