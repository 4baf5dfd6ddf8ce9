package io.edgeoffload.lab.recipe;

import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Plots;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.sweep.RunResult;
import io.edgeoffload.lab.sweep.RunSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The UCMS figures of Sec. 5.3 (Figs. 4–11). Figs. 4, 5, 7 and 8 (first setting) and 9–11 (second
 * setting) are training curves of the algorithms over episodes; Fig. 6 is the total system cost of
 * each trained algorithm as N grows. Every training run is a {@code train} run of the sweep
 * machinery ({@link RecipeRunner}): one folder per run under {@code out/runs/<id>/} with
 * checkpoints, so an interrupted reproduction picks up where it stopped, a run already complete is
 * read, not repeated, and figures that share a run (Figs. 5, 7 and 8 train the same algorithms in
 * the same setting) train it once when they share {@code out}.
 *
 * <p>Curves are averaged over windows of episodes (the paper down-samples every 100 rounds) and
 * shown as the mean over seeds with its 95% Student-t interval.
 */
public final class UcmsRecipes {
  private UcmsRecipes() {}

  static final List<String> ALL =
      List.of("ucms-maddpg", "rd-ucms-maddpg", "maddpg", "offloadcost-maddpg", "deadline-maddpg");

  /** Non-learning policies drawn beside the learners in Fig. 6 (not in the paper's figure). */
  static final List<String> REFERENCES = List.of("greedy", "all-local", "all-offload");

  /** Sec. 5.3, first setting: ρ₁ = ρ₂ = 0.5, 10 slots per episode (the ucms-kb preset). */
  static final List<String> SETTING_1 = List.of();

  /** Sec. 5.3, second setting: b_max = 1 J, ρ₁ = 1, ρ₂ = 5, 100 slots per episode. */
  static final List<String> SETTING_2 =
      List.of(
          "env.batteryMax=1 J",
          "env.batteryMin=0.15625 J", // b_min scaled with b_max (0.5/3.2), model note UCMS 10
          "env.rho1=1",
          "env.rho2=5",
          "env.slotsPerEpisode=100",
          "maddpg.updateEvery=100",
          "maddpg.gradientSteps=10",
          "maddpg.warmupSteps=2000");

  /** What a budget means for UCMS training. */
  record Plan(int episodes, int window, List<String> shrink) {}

  static Plan plan(Recipe.Budget budget) {
    if (budget.name().equals("quick")) {
      // A smoke test of the whole pipeline, not the paper's scenario: 12 UDs, small networks.
      return new Plan(
          8,
          2,
          List.of(
              "env.numUsers=12",
              "maddpg.criticHidden=[64, 64]",
              "maddpg.actorHidden=[32, 32]",
              "maddpg.warmupSteps=20",
              "maddpg.gradientSteps=1"));
    }
    return new Plan(2000, 100, List.of());
  }

  /** The overrides of preset ucms-kb for a setting under a plan, plus {@code extra}. */
  static List<String> sets(List<String> setting, Plan plan, List<String> extra) {
    List<String> sets = new ArrayList<>(setting);
    sets.addAll(plan.shrink());
    sets.addAll(extra);
    if (setting == SETTING_2 && !plan.shrink().isEmpty()) {
      sets.add("env.slotsPerEpisode=20");
      sets.add("maddpg.updateEvery=20");
      sets.add("maddpg.warmupSteps=40");
    }
    return sets;
  }

  /** A training-curve figure: algorithms × seeds, one metric, windows of episodes. */
  static final class Curves implements Recipe {
    private final String id;
    private final String description;
    private final List<String> setting;
    private final List<String> algos;
    private final String metric;
    private final String yLabel;

    Curves(
        String id,
        String description,
        List<String> setting,
        List<String> algos,
        String metric,
        String yLabel) {
      this.id = id;
      this.description = description;
      this.setting = setting;
      this.algos = algos;
      this.metric = metric;
      this.yLabel = yLabel;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public void run(Budget budget, Path out, RecipeRuns runs) {
      Plan plan = plan(budget);
      List<String> c = sets(setting, plan, List.of());
      int windows = plan.episodes() / plan.window();
      StringBuilder csv = new StringBuilder("algorithm,episode_end,mean,half_width,n\n");
      StringBuilder md =
          new StringBuilder("# UCMS ")
              .append(description)
              .append("\n\nBudget `")
              .append(budget.name())
              .append("`: ")
              .append(plan.episodes())
              .append(" training episodes per run, seeds ")
              .append(budget.seeds())
              .append(", windows of ")
              .append(plan.window())
              .append(" episodes; mean over seeds ± 95% interval of `")
              .append(metric)
              .append("`.")
              .append(
                  plan.shrink().isEmpty()
                      ? ""
                      : " Quick budget: a smoke test on a reduced"
                          + " scenario ("
                          + String.join(", ", plan.shrink())
                          + "), not the paper's.")
              .append("\n\n| algorithm | first window | last window |\n|---|---:|---:|\n");
      List<Plots.Series> series = new ArrayList<>();
      for (String algo : algos) {
        double[][] perSeed = new double[budget.seeds().size()][];
        for (int s = 0; s < perSeed.length; s++) {
          long seed = budget.seeds().get(s);
          double[] col =
              runs.get(runs.train("ucms", "ucms-kb", c, algo, plan.episodes(), 0, seed))
                  .series("train")
                  .column(metric);
          perSeed[s] = new double[windows];
          for (int w = 0; w < windows; w++) {
            double sum = 0;
            for (int e = w * plan.window(); e < (w + 1) * plan.window(); e++) {
              sum += col[e];
            }
            perSeed[s][w] = sum / plan.window();
          }
        }
        double[] x = new double[windows];
        double[] mean = new double[windows];
        double[] half = new double[windows];
        for (int w = 0; w < windows; w++) {
          double[] across = new double[perSeed.length];
          for (int s = 0; s < perSeed.length; s++) {
            across[s] = perSeed[s][w];
          }
          Stats.Summary sum = Stats.summarize(across);
          x[w] = (w + 1) * plan.window();
          mean[w] = sum.mean();
          half[w] = sum.halfWidth();
          csv.append(
              String.format(
                  Locale.ROOT,
                  "%s,%d,%.10g,%.10g,%d%n",
                  algo,
                  (w + 1) * plan.window(),
                  mean[w],
                  half[w],
                  perSeed.length));
        }
        series.add(new Plots.Series(algo, x, mean, half));
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %.4g ± %.2g | %.4g ± %.2g |%n",
                algo,
                mean[0],
                half[0],
                mean[windows - 1],
                half[windows - 1]));
      }
      AtomicFiles.write(out.resolve("data.csv"), csv.toString());
      AtomicFiles.write(out.resolve("summary.md"), md.toString());
      Plots.lineChart(
          out.resolve("plots").resolve(id),
          "UCMS " + description + " (" + Stats.seedsNote(budget.seeds().size()) + ")",
          "training episode",
          yLabel,
          series);
    }
  }

  /**
   * Fig. 6: total system cost of each trained algorithm for N = 12 … 57, with the non-learning
   * {@link #REFERENCES} evaluated on the same setting (not in the paper's figure).
   */
  static final class CostVsUsers implements Recipe {
    @Override
    public String id() {
      return "ucms-fig6";
    }

    @Override
    public String description() {
      return "Fig. 6: total system cost vs number of UDs (12-57), trained algorithms";
    }

    @Override
    public void run(Budget budget, Path out, RecipeRuns runs) {
      Plan plan = plan(budget);
      int[] users =
          budget.name().equals("quick") ? new int[] {6, 12} : new int[] {12, 21, 30, 39, 48, 57};
      int evalEpisodes = budget.name().equals("quick") ? 3 : 100;
      StringBuilder csv = new StringBuilder("algorithm,users,mean_cost,half_width,n\n");
      StringBuilder md =
          new StringBuilder("# UCMS Fig. 6: total system cost vs N\n\nBudget `")
              .append(budget.name())
              .append("`: each algorithm trained ")
              .append(plan.episodes())
              .append(" episodes per N and seed (seeds ")
              .append(budget.seeds())
              .append("), then evaluated on ")
              .append(evalEpisodes)
              .append(" fresh episodes; cost per slot (eq. 15a), mean over seeds ± 95% interval.")
              .append(" References, not in the paper's figure: ")
              .append(String.join(", ", REFERENCES))
              .append(
                  " (non-learning policies), evaluated on as many episodes of the same setting.")
              .append(
                  plan.shrink().isEmpty()
                      ? ""
                      : " Quick budget: reduced networks, not the" + " paper's scenario.")
              .append("\n\n| algorithm |");
      for (int n : users) {
        md.append(" N = ").append(n).append(" |");
      }
      md.append("\n|---|").append("---:|".repeat(users.length)).append('\n');
      List<Plots.Series> series = new ArrayList<>();
      List<String> rows = new ArrayList<>(ALL);
      rows.addAll(REFERENCES);
      for (String algo : rows) {
        boolean learner = ALL.contains(algo);
        String label = learner ? algo : algo + " (reference)";
        double[] x = new double[users.length];
        double[] mean = new double[users.length];
        double[] half = new double[users.length];
        md.append("| ").append(label).append(" |");
        for (int k = 0; k < users.length; k++) {
          List<String> c = sets(SETTING_1, plan, List.of("env.numUsers=" + users[k]));
          double[] perSeed = new double[budget.seeds().size()];
          for (int s = 0; s < perSeed.length; s++) {
            long seed = budget.seeds().get(s);
            // Trained, then evaluated on fresh episodes (the evaluation seed of the run); a
            // reference is evaluated on as many.
            RunSpec spec =
                learner
                    ? runs.train("ucms", "ucms-kb", c, algo, plan.episodes(), evalEpisodes, seed)
                    : runs.eval("ucms", "ucms-kb", c, algo, evalEpisodes, seed);
            RunResult.Series r = runs.get(spec).series("eval");
            perSeed[s] = Stats.summarize(r.column("cost")).mean();
          }
          Stats.Summary sum = Stats.summarize(perSeed);
          x[k] = users[k];
          mean[k] = sum.mean();
          half[k] = sum.halfWidth();
          csv.append(
              String.format(
                  Locale.ROOT,
                  "%s,%d,%.10g,%.10g,%d%n",
                  algo,
                  users[k],
                  mean[k],
                  half[k],
                  perSeed.length));
          md.append(String.format(Locale.ROOT, " %.4g ± %.2g |", mean[k], half[k]));
        }
        md.append('\n');
        series.add(new Plots.Series(label, x, mean, half, !learner));
      }
      AtomicFiles.write(out.resolve("data.csv"), csv.toString());
      AtomicFiles.write(out.resolve("summary.md"), md.toString());
      Plots.lineChart(
          out.resolve("plots").resolve("ucms-fig6"),
          "UCMS Fig. 6: total system cost vs N (" + Stats.seedsNote(budget.seeds().size()) + ")",
          "number of UDs N",
          "cost per slot (eq. 15a)",
          series);
    }
  }

  /** Every UCMS recipe. */
  static List<Recipe> all() {
    return List.of(
        new Curves(
            "ucms-fig4",
            "Fig. 4: training convergence, UCMS_MADDPG vs RD_UCMS_MADDPG",
            SETTING_1,
            List.of("ucms-maddpg", "rd-ucms-maddpg"),
            "reward",
            "episode reward per slot"),
        new Curves(
            "ucms-fig5",
            "Fig. 5: episode reward of the five algorithms (10 slots)",
            SETTING_1,
            ALL,
            "reward",
            "episode reward per slot"),
        new CostVsUsers(),
        new Curves(
            "ucms-fig7",
            "Fig. 7: server participation of the five algorithms (10 slots)",
            SETTING_1,
            ALL,
            "server_participation",
            "share of tasks the ESs approved"),
        new Curves(
            "ucms-fig8",
            "Fig. 8: task timeouts of the five algorithms (10 slots)",
            SETTING_1,
            ALL,
            "timeout_rate",
            "share of tasks past their deadline"),
        new Curves(
            "ucms-fig9",
            "Fig. 9: episode reward, second setting (100 slots, b_max = 1 J, ρ₁ = 1, ρ₂ = 5)",
            SETTING_2,
            ALL,
            "reward",
            "episode reward per slot"),
        new Curves(
            "ucms-fig10",
            "Fig. 10: task timeouts, second setting",
            SETTING_2,
            ALL,
            "timeout_rate",
            "share of tasks past their deadline"),
        new Curves(
            "ucms-fig11",
            "Fig. 11: UDs below the battery threshold, second setting",
            SETTING_2,
            ALL,
            "below_bmin_share",
            "share of UD-slots below b_min"));
  }
}
