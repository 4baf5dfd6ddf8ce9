package io.edgeoffload.collab.experiment;

import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.recipe.RecipeRuns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Table V: operator-grained against chain (Neurosurgeon) partitioning for ResNet-50, GoogLeNet and
 * MobileNetV2 with 1 to 6 MDs. Two pairs of columns: the non-learning pair ({@code greedy} over
 * every point against {@code neurosurgeon} over chain cuts; computed in full for every row) and the
 * learned pair (EMH-PPO trained with {@code env.partitioning=operator} against {@code chain}; for
 * the MD counts in {@code learnedDevices}).
 */
public final class Table5 {
  private Table5() {}

  static final String[] MODELS = {"resnet50", "googlenet", "mobilenetv2"};

  /** MD counts whose learned columns are computed: 1–6 in full runs, 3 in quick ones. */
  public static int[] learnedDevices(ExperimentOptions opt) {
    return opt.quick() ? new int[] {3} : new int[] {1, 2, 3, 4, 5, 6};
  }

  /**
   * Asks {@code runs} for the non-learning columns ({@link CollabRunKinds#EVAL} runs) and the
   * learned ones ({@link CollabRunKinds#VARIANTS} runs with the evaluation setting as their only
   * variant), one per seed; writes {@code table5.csv} and {@code table5.md}.
   */
  public static void run(ExperimentOptions opt, RecipeRuns runs) {
    int[] learned = learnedDevices(opt);
    StringBuilder csv =
        new StringBuilder("devices,model,column,partitioning,seeds,reward,reward_ci,latency_ms,");
    csv.append("latency_ci,energy_j,energy_ci\n");
    StringBuilder md = new StringBuilder("# COLLAB Table V\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Preset `%s`; evaluation X_n = 50, d = 50 m, %d episodes per seed, %d seeds; learned"
                + " columns: EMH-PPO trained %d steps per seed (MD counts %s). Mean over seeds.%n%n",
            opt.preset(),
            opt.evalEpisodes(),
            opt.seedCount(),
            opt.trainingSteps(),
            java.util.Arrays.toString(learned)));
    md.append("| MDs | model | greedy operator: reward | latency (ms) | energy (J) ");
    md.append("| neurosurgeon chain: reward | latency (ms) | energy (J) ");
    md.append("| EMH-PPO operator: reward | latency (ms) | energy (J) ");
    md.append("| EMH-PPO chain: reward | latency (ms) | energy (J) |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int n = 1; n <= 6; n++) {
      boolean learn = contains(learned, n);
      for (String model : MODELS) {
        md.append("| ").append(n).append(" | ").append(model);
        String[][] columns = {
          {"non-learning", "operator", "greedy"},
          {"non-learning", "chain", "neurosurgeon"},
          {"learned", "operator", "emh-ppo"},
          {"learned", "chain", "emh-ppo"}
        };
        for (String[] col : columns) {
          if (col[0].equals("learned") && !learn) {
            md.append(" | – | – | –");
            continue;
          }
          List<String> sets =
              new ArrayList<>(
                  List.of(
                      "env.numDevices=" + n, "env.model=" + model, "env.partitioning=" + col[1]));
          double[][] v = new double[opt.seedCount()][];
          for (int i = 0; i < opt.seedCount(); i++) {
            long seed = opt.seeds().get(i);
            if (col[0].equals("learned")) {
              List<String> none = List.of();
              v[i] =
                  runs.get(CollabRunKinds.variants(runs, opt, "emh-ppo", sets, List.of(none), seed))
                      .series(CollabRunKinds.variantPhase(none))
                      .values()[0];
            } else {
              List<String> ev = CollabSetup.evalSets(sets);
              v[i] =
                  runs.get(CollabRunKinds.eval(runs, opt, col[2], ev, seed))
                      .series("eval")
                      .values()[0];
            }
          }
          csv.append(n).append(',').append(model).append(',').append(col[0]).append(',');
          csv.append(col[1]).append(',').append(opt.seedCount());
          double[] scale = {1, 1e3, 1};
          String[] fmt = {"%.2f", "%.1f", "%.4f"};
          for (int k = 0; k < 3; k++) {
            double[] x = new double[v.length];
            for (int s = 0; s < x.length; s++) {
              x[s] = v[s][k] * scale[k];
            }
            Stats.Summary sum = Stats.summarize(x);
            csv.append(String.format(Locale.ROOT, ",%.6g,%.3g", sum.mean(), sum.halfWidth()));
            md.append(" | ").append(String.format(Locale.ROOT, fmt[k], sum.mean()));
          }
          csv.append('\n');
        }
        md.append(" |\n");
      }
    }
    AtomicFiles.write(opt.out().resolve("table5.csv"), csv.toString());
    AtomicFiles.write(opt.out().resolve("table5.md"), md.toString());
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
