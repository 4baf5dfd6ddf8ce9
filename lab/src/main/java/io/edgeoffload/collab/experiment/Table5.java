package io.edgeoffload.collab.experiment;

import io.edgeoffload.collab.CollabConfig;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.learn.CollabTraining;
import io.edgeoffload.collab.learn.EmhPpo;
import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Stats;
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

  public static void run(ExperimentOptions opt) {
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
            opt.seeds(),
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
          double[][] v = new double[opt.seeds()][];
          for (int seed = 1; seed <= opt.seeds(); seed++) {
            List<String> ev = CollabSetup.evalSets(sets);
            CollabEnvBase eval = CollabSetup.env(opt.preset(), ev);
            if (col[0].equals("learned")) {
              CollabEnvBase env = CollabSetup.env(opt.preset(), sets);
              EmhPpo l = CollabSetup.learner("emh-ppo", env, opt.quick(), seed);
              CollabTraining.train(l, env, opt.trainingSteps(), seed, null, (k, s, x) -> {});
              v[seed - 1] = CollabTraining.evaluate(l, eval, opt.evalEpisodes(), seed);
            } else {
              CollabConfig cfg = CollabSetup.config(opt.preset(), ev);
              v[seed - 1] =
                  CollabTraining.evaluate(
                      CollabSetup.policy(col[2], cfg, eval), eval, opt.evalEpisodes(), seed);
            }
          }
          csv.append(n).append(',').append(model).append(',').append(col[0]).append(',');
          csv.append(col[1]).append(',').append(opt.seeds());
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
        System.err.printf(Locale.ROOT, "Table V: %d MDs, %s done%n", n, model);
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
