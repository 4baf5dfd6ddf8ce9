package io.edgeoffload.collab.experiment;

import io.edgeoffload.collab.learn.CollabTraining;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.recipe.RecipeRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Convergence figures (Figs. 6–9, 12): each series is a learner trained on its setting for every
 * seed and evaluated (deterministic policy, X_n = 50, d = 50 m) every tenth of the budget, or a
 * non-learning policy evaluated once per seed and drawn as a flat reference; each (series, seed) is
 * one run asked of {@link RecipeRuns}. Writes {@code curves.csv}, {@code final.csv}, {@code
 * summary.md} and one plot per metric.
 */
public final class Convergence {
  private Convergence() {}

  /**
   * One series.
   *
   * @param label legend label
   * @param id a learner id ({@code emh-ppo}, …) or a policy id ({@code local-only}, …)
   * @param sets environment assignments of this series ({@code env.numDevices=4}, …)
   * @param colourOf for a policy drawn as a reference: the label of the learner series whose colour
   *     it takes (its reference at the same setting), or null
   */
  public record Series(String label, String id, List<String> sets, String colourOf) {
    public Series(String label, String id, List<String> sets) {
      this(label, id, sets, null);
    }
  }

  /**
   * Plotted metrics: index in {@link CollabTraining#metricNames()}, file, axis label, scale (the
   * reward is drawn negated, as a cost, so that every axis can be logarithmic: single windows of an
   * untrained policy cost 10⁶ times a trained one's).
   */
  private record Plotted(int index, String file, String label, double scale) {}

  private static final List<Plotted> PLOTTED =
      List.of(
          new Plotted(0, "reward", "cost per window = −reward (eq. 8), log scale", -1.0),
          new Plotted(1, "latency", "total inference latency (ms), log scale", 1e3),
          new Plotted(2, "energy", "average energy per task (J), log scale", 1.0),
          new Plotted(3, "waiting", "waiting time per task (ms), log scale", 1e3));

  /** Final evaluation of one series: per seed, the metric means. */
  public record Result(Series series, double[][] finals) {
    /** Mean and 95% interval of metric k over seeds. */
    public Stats.Summary summary(int k) {
      double[] v = new double[finals.length];
      for (int s = 0; s < v.length; s++) {
        v[s] = finals[s][k];
      }
      return Stats.summarize(v);
    }
  }

  /**
   * Asks {@code runs} for every series' runs (one per seed: a {@link CollabRunKinds#CURVE} run per
   * learner, a {@link CollabRunKinds#EVAL} run per policy) and writes the outputs under {@code
   * opt.out()}; returns the finals.
   */
  public static List<Result> run(
      String title, List<Series> series, ExperimentOptions opt, RecipeRuns runs) {
    List<String> names = CollabTraining.metricNames();
    StringBuilder csv = new StringBuilder("series,seed,step");
    for (String m : names) {
      csv.append(',').append(m);
    }
    csv.append('\n');
    List<Result> results = new ArrayList<>();
    List<List<double[][]>> curves = new ArrayList<>(); // per series, per seed: rows
    for (Series s : series) {
      double[][] finals = new double[opt.seedCount()][];
      List<double[][]> perSeed = new ArrayList<>();
      for (int i = 0; i < opt.seedCount(); i++) {
        long seed = opt.seeds().get(i);
        double[][] arr;
        if (CollabSetup.isLearner(s.id())) {
          List<String> sets = CollabSetup.learnerSets(s.id(), s.sets());
          arr =
              runs.get(CollabRunKinds.curve(runs, opt, s.id(), sets, seed))
                  .series("curve")
                  .values();
        } else {
          List<String> ev = CollabSetup.evalSets(s.sets());
          double[] m =
              runs.get(CollabRunKinds.eval(runs, opt, s.id(), ev, seed)).series("eval").values()[0];
          double[] row = new double[m.length + 1];
          System.arraycopy(m, 0, row, 1, m.length);
          arr = new double[][] {row};
        }
        perSeed.add(arr);
        double[] last = arr[arr.length - 1];
        finals[i] = java.util.Arrays.copyOfRange(last, 1, last.length);
        for (double[] r : arr) {
          csv.append(s.label()).append(',').append(seed).append(',').append((long) r[0]);
          for (int k = 1; k < r.length; k++) {
            csv.append(',').append(String.format(Locale.ROOT, "%.9g", r[k]));
          }
          csv.append('\n');
        }
      }
      curves.add(perSeed);
      results.add(new Result(s, finals));
    }
    Path out = opt.out();
    AtomicFiles.write(out.resolve("curves.csv"), csv.toString());
    plot(out, title, opt.seedCount(), series, curves);
    AtomicFiles.write(out.resolve("final.csv"), finalsCsv(results));
    AtomicFiles.write(out.resolve("summary.md"), summaryMarkdown(title, results, opt));
    return results;
  }

  /**
   * Draws one plot per metric: learners as bands over seeds, policies as references.
   *
   * @param curves per series, per seed: rows of (step, metrics…)
   */
  static void plot(
      Path out, String title, int seeds, List<Series> series, List<List<double[][]>> curves) {
    for (Plotted p : PLOTTED) {
      List<BandChart.Band> bands = new ArrayList<>();
      List<BandChart.Reference> refs = new ArrayList<>();
      for (int i = 0; i < series.size(); i++) {
        Series s = series.get(i);
        List<double[][]> perSeed = curves.get(i);
        int points = perSeed.get(0).length;
        if (points == 1) {
          double[] v = new double[perSeed.size()];
          for (int sd = 0; sd < v.length; sd++) {
            v[sd] = perSeed.get(sd)[0][1 + p.index()] * p.scale();
          }
          refs.add(new BandChart.Reference(s.label(), Stats.summarize(v).mean(), s.colourOf()));
          continue;
        }
        double[] x = new double[points];
        double[] mean = new double[points];
        double[] lo = new double[points];
        double[] hi = new double[points];
        for (int j = 0; j < points; j++) {
          double[] v = new double[perSeed.size()];
          for (int sd = 0; sd < v.length; sd++) {
            v[sd] = perSeed.get(sd)[j][1 + p.index()] * p.scale();
          }
          Stats.Summary sum = Stats.summarize(v);
          x[j] = perSeed.get(0)[j][0];
          mean[j] = sum.mean();
          lo[j] = sum.ciLow();
          hi[j] = sum.ciHigh();
        }
        bands.add(new BandChart.Band(s.label(), x, mean, lo, hi));
      }
      BandChart.write(
          out.resolve(p.file()),
          String.format(Locale.ROOT, "%s: %s (mean, %s)", title, p.file(), Stats.seedsNote(seeds)),
          "training step",
          p.label(),
          bands,
          refs,
          true);
    }
  }

  /** Re-draws the plots of a finished run from its {@code curves.csv}. */
  public static void replot(Path dir, String title) throws java.io.IOException {
    List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("curves.csv"));
    java.util.LinkedHashMap<String, java.util.TreeMap<Integer, List<double[]>>> bySeries =
        new java.util.LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double[] row = new double[f.length - 2];
      for (int k = 2; k < f.length; k++) {
        row[k - 2] = Double.parseDouble(f[k]);
      }
      bySeries
          .computeIfAbsent(f[0], k -> new java.util.TreeMap<>())
          .computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>())
          .add(row);
    }
    List<Series> series = new ArrayList<>();
    List<List<double[][]>> curves = new ArrayList<>();
    int seeds = 0;
    for (var e : bySeries.entrySet()) {
      series.add(new Series(e.getKey(), e.getKey(), List.of()));
      List<double[][]> perSeed = new ArrayList<>();
      for (List<double[]> rows : e.getValue().values()) {
        perSeed.add(rows.toArray(new double[0][]));
      }
      seeds = Math.max(seeds, perSeed.size());
      curves.add(perSeed);
    }
    plot(dir, title, seeds, series, curves);
  }

  static String finalsCsv(List<Result> results) {
    StringBuilder sb =
        new StringBuilder("series,n,reward,reward_ci,latency_ms,latency_ci,energy_j,energy_ci,");
    sb.append("wait_ms,wait_ci,offload_share\n");
    for (Result r : results) {
      sb.append(r.series().label()).append(',').append(r.finals().length);
      double[] scale = {1, 1e3, 1, 1e3};
      for (int k = 0; k < 4; k++) {
        Stats.Summary s = r.summary(k);
        sb.append(
            String.format(
                Locale.ROOT, ",%.6g,%.3g", s.mean() * scale[k], s.halfWidth() * scale[k]));
      }
      sb.append(String.format(Locale.ROOT, ",%.4f%n", r.summary(4).mean()));
    }
    return sb.toString();
  }

  /**
   * Per seed, the mean reward per decision times the mean decisions per episode: the episode's
   * return where every evaluation episode makes as many decisions (fixed queues, full windows).
   */
  static double[] episodeReturns(Result r) {
    List<String> names = CollabTraining.metricNames();
    int reward = names.indexOf("reward");
    int decisions = names.indexOf("decisions");
    double[] v = new double[r.finals().length];
    for (int s = 0; s < v.length; s++) {
      v[s] = r.finals()[s][reward] * r.finals()[s][decisions];
    }
    return v;
  }

  static String summaryMarkdown(String title, List<Result> results, ExperimentOptions opt) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(title).append("\n\n");
    String d = "50"; // the preset's distanceFixedM, unless the series set another (Fig. 7(c))
    for (Result r : results) {
      for (String set : r.series().sets()) {
        if (set.startsWith("env.distanceFixedM=")) {
          d = set.substring("env.distanceFixedM=".length());
        }
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "Preset `%s`, %d training steps per run, %d seeds, evaluation with X_n = 50 and d = %s m"
                + " (%d episodes per point); mean ± 95%% interval over seeds. The figures' y axes"
                + " are logarithmic: a band edge at or below zero is drawn on the bottom edge.%n%n",
            opt.preset(),
            opt.trainingSteps(),
            opt.seedCount(),
            d,
            opt.evalEpisodes()));
    sb.append(
        "| series | reward per decision | total latency (ms) | energy (J/task) | waiting (ms/task)"
            + " | offloaded | decisions | reward × decisions |\n");
    sb.append("|---|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      sb.append("| ").append(r.series().label());
      double[] scale = {1, 1e3, 1, 1e3};
      String[] fmt = {"%.2f ± %.2f", "%.1f ± %.1f", "%.4f ± %.4f", "%.2f ± %.2f"};
      for (int k = 0; k < 4; k++) {
        Stats.Summary s = r.summary(k);
        sb.append(" | ")
            .append(
                String.format(Locale.ROOT, fmt[k], s.mean() * scale[k], s.halfWidth() * scale[k]));
      }
      Stats.Summary ret = Stats.summarize(episodeReturns(r));
      sb.append(
          String.format(
              Locale.ROOT,
              " | %.2f | %.1f | %.1f ± %.1f |%n",
              r.summary(4).mean(),
              r.summary(5).mean(),
              ret.mean(),
              ret.halfWidth()));
    }
    sb.append(
        "\nThe reward is the mean per decision (a task window; a slot in the time-based MDP)."
            + " Reward × decisions, per seed, approximates the episode's return, the sum the"
            + " learners maximise: for the same latency, fewer and fuller windows return more"
            + " (docs/model-notes.md, COLLAB 12).\n");
    return sb.toString();
  }
}
