package io.edgeoffload.collab.experiment;

import io.edgeoffload.collab.learn.CollabTraining;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.recipe.RecipeRuns;
import io.edgeoffload.lab.sweep.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Table IV: reward, total latency (ms) and energy (J per task) of every algorithm when each MD has
 * 50, 100, 150 or 200 tasks. Each learner is trained once per seed (X_n ~ Poisson(50)) and
 * evaluated at every task count; local-only and the round-robin and rotation schedules (not in the
 * paper) are computed in full.
 */
public final class Table4 {
  private Table4() {}

  static final int[] TASKS = {50, 100, 150, 200};
  static final String[] LEARNERS = {"emh-ppo", "h-ppo", "mahppo", "agilenn"};

  /**
   * Asks {@code runs} for one {@link CollabRunKinds#VARIANTS} run per learner and seed (trained
   * once, evaluated at every task count) and one {@link CollabRunKinds#EVAL} run per task count and
   * seed for local-only; writes {@code table4.csv} and {@code table4.md}; returns
   * [algorithm][tasks][metric] means.
   */
  public static double[][][] run(ExperimentOptions opt, RecipeRuns runs) {
    List<String> algos = new ArrayList<>(List.of(LEARNERS));
    algos.add("local-only");
    algos.add("round-robin"); // not in the paper: reference schedules
    algos.add("rotation");
    int metrics = CollabTraining.metricNames().size();
    List<List<String>> variants = new ArrayList<>();
    for (int tasks : TASKS) {
      variants.add(List.of("env.fixedTasks=" + tasks));
    }
    // values[algo][tasks][seed][metric]
    double[][][][] values = new double[algos.size()][TASKS.length][opt.seedCount()][];
    for (int a = 0; a < algos.size(); a++) {
      String id = algos.get(a);
      for (int i = 0; i < opt.seedCount(); i++) {
        long seed = opt.seeds().get(i);
        if (CollabSetup.isLearner(id)) {
          List<String> sets = CollabSetup.learnerSets(id, List.of());
          RunResult r = runs.get(CollabRunKinds.variants(runs, opt, id, sets, variants, seed));
          for (int t = 0; t < TASKS.length; t++) {
            values[a][t][i] = r.series(CollabRunKinds.variantPhase(variants.get(t))).values()[0];
          }
        } else {
          for (int t = 0; t < TASKS.length; t++) {
            List<String> ev = CollabSetup.evalSets(variants.get(t));
            values[a][t][i] =
                runs.get(CollabRunKinds.eval(runs, opt, id, ev, seed)).series("eval").values()[0];
          }
        }
      }
    }
    double[][][] means = new double[algos.size()][TASKS.length][metrics];
    double[][][] halves = new double[algos.size()][TASKS.length][metrics];
    StringBuilder csv = new StringBuilder("algorithm,tasks,seeds");
    for (String m : CollabTraining.metricNames()) {
      csv.append(',').append(m).append(',').append(m).append("_ci");
    }
    csv.append('\n');
    for (int a = 0; a < algos.size(); a++) {
      for (int t = 0; t < TASKS.length; t++) {
        csv.append(algos.get(a)).append(',').append(TASKS[t]).append(',').append(opt.seedCount());
        for (int k = 0; k < metrics; k++) {
          double[] v = new double[opt.seedCount()];
          for (int s = 0; s < v.length; s++) {
            v[s] = values[a][t][s][k];
          }
          Stats.Summary sum = Stats.summarize(v);
          means[a][t][k] = sum.mean();
          halves[a][t][k] = sum.halfWidth();
          csv.append(String.format(Locale.ROOT, ",%.6g,%.3g", sum.mean(), sum.halfWidth()));
        }
        csv.append('\n');
      }
    }
    AtomicFiles.write(opt.out().resolve("table4.csv"), csv.toString());
    StringBuilder md = new StringBuilder("# COLLAB Table IV\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Preset `%s`; learners trained %d steps per seed (X_n ~ Poisson(50)), %d seeds;"
                + " evaluation X_n fixed, d = 50 m, %d episodes; mean over seeds (± 95%% in"
                + " table4.csv).%n%n",
            opt.preset(),
            opt.trainingSteps(),
            opt.seedCount(),
            opt.evalEpisodes()));
    String[][] blocks = {
      {"Average reward", "0", "1", "%.2f"},
      {"Total latency (ms)", "1", "1000", "%.1f"},
      {"Energy (J/task)", "2", "1", "%.4f"}
    };
    for (String[] b : blocks) {
      int k = Integer.parseInt(b[1]);
      double scale = Double.parseDouble(b[2]);
      md.append("## ").append(b[0]).append("\n\n| tasks |");
      for (String id : algos) {
        md.append(' ').append(id).append(" |");
      }
      md.append("\n|---|");
      md.append("---|".repeat(algos.size()));
      md.append('\n');
      for (int t = 0; t < TASKS.length; t++) {
        md.append("| ").append(TASKS[t]).append(" |");
        for (int a = 0; a < algos.size(); a++) {
          md.append(' ')
              .append(String.format(Locale.ROOT, b[3], means[a][t][k] * scale))
              .append(" |");
        }
        md.append('\n');
      }
      md.append('\n');
    }
    AtomicFiles.write(opt.out().resolve("table4.md"), md.toString());
    return means;
  }
}
