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
   * variant), one per seed; writes {@code table5.csv}, {@code table5.md} (the means, then the
   * operator-against-chain changes) and {@code table5-change.csv} (those changes paired by seed,
   * {@link #pairedChangePercent}).
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
    StringBuilder gainsCsv =
        new StringBuilder("devices,model,column,seeds,latency_change_pct,latency_change_ci,");
    gainsCsv.append("energy_change_pct,energy_change_ci\n");
    StringBuilder changeMd = new StringBuilder();
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
        double[][][] perSeed = new double[columns.length][][];
        for (int c = 0; c < columns.length; c++) {
          String[] col = columns[c];
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
          perSeed[c] = v;
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
        changeMd.append("| ").append(n).append(" | ").append(model);
        String[] pairs = {"non-learning", "learned"};
        for (int p = 0; p < 2; p++) {
          double[][] op = perSeed[2 * p];
          double[][] chain = perSeed[2 * p + 1];
          if (op == null) { // learned columns not computed for this MD count
            changeMd.append(" | – | –");
            continue;
          }
          gainsCsv.append(n).append(',').append(model).append(',').append(pairs[p]);
          gainsCsv.append(',').append(op.length);
          for (int k = 1; k <= 2; k++) { // latency, energy
            Stats.Summary g = pairedChangePercent(column(op, k), column(chain, k));
            gainsCsv.append(String.format(Locale.ROOT, ",%.4g,%.3g", g.mean(), g.halfWidth()));
            changeMd.append(String.format(Locale.ROOT, " | %+.1f ± %.1f", g.mean(), g.halfWidth()));
          }
          gainsCsv.append('\n');
        }
        changeMd.append(" |\n");
      }
    }
    md.append("\n## Operator-grained against chain partitioning\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Change in %%, paired by seed: 100 · (operator − chain) / chain per seed, mean ± 95%%"
                + " interval over %d seeds; negative: operator-grained is lower. Paper: −3 to −4%%"
                + " latency, −12 to −15%% energy.%n%n",
            opt.seedCount()));
    md.append("| MDs | model | non-learning: latency | energy | EMH-PPO: latency | energy |\n");
    md.append("|---|---|---|---|---|---|\n");
    md.append(changeMd);
    AtomicFiles.write(opt.out().resolve("table5.csv"), csv.toString());
    AtomicFiles.write(opt.out().resolve("table5-change.csv"), gainsCsv.toString());
    AtomicFiles.write(opt.out().resolve("table5.md"), md.toString());
  }

  /**
   * The change of operator-grained against chain partitioning, paired by seed: per seed {@code 100
   * · (op − chain) / chain}, then mean and 95% interval over seeds (negative: operator-grained is
   * lower). A seed whose chain value is zero gives NaN.
   */
  public static Stats.Summary pairedChangePercent(double[] op, double[] chain) {
    if (op.length != chain.length) {
      throw new IllegalArgumentException(
          "op and chain need one value per seed each, got " + op.length + " and " + chain.length);
    }
    double[] d = new double[op.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = chain[i] == 0 ? Double.NaN : 100 * (op[i] - chain[i]) / chain[i];
    }
    return Stats.summarize(d);
  }

  private static double[] column(double[][] v, int k) {
    double[] x = new double[v.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = v[i][k];
    }
    return x;
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
