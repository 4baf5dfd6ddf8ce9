package io.edgeoffload.lab.recipe;

import io.edgeoffload.lab.sweep.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Evaluation of UARA schemes at one configuration point: each root seed is one {@code eval} run of
 * one episode of {@code budget.slots()} snapshots of {@code uara-v1}, with common random numbers
 * across schemes (the same seed gives every scheme the same instances).
 */
final class UaraPoints {
  /** Pricing and the four baselines of Sec. 6.1, in plotting order. */
  static final List<String> SCHEMES =
      List.of("pricing", "random", "max-sinr", "max-compute", "combined");

  private UaraPoints() {}

  /** Overrides of the preset {@code uara}: {@code sets} and the budget's slots per episode. */
  static List<String> config(Recipe.Budget budget, String... sets) {
    List<String> all = new ArrayList<>(Arrays.asList(sets));
    all.add("env.slotsPerEpisode=" + budget.slots());
    return all;
  }

  /** Overrides for a point: devices, servers, load, α. */
  static String[] point(int devices, int servers, String load, double alpha, String... more) {
    List<String> s = new ArrayList<>();
    s.add("env.numDevices=" + devices);
    s.add("env.numServers=" + servers);
    s.add("env.load=" + load);
    s.add(String.format(Locale.ROOT, "env.alpha=%s", alpha));
    s.addAll(Arrays.asList(more));
    return s.toArray(new String[0]);
  }

  /**
   * Per-seed values of several metrics of one scheme at one point: {@code out[k][s]} is metric k's
   * episode value under seed s.
   */
  static double[][] evaluate(
      RecipeRuns runs,
      Recipe.Budget budget,
      List<String> overrides,
      String policy,
      String... metrics) {
    double[][] out = new double[metrics.length][budget.seeds().size()];
    for (int s = 0; s < budget.seeds().size(); s++) {
      RunResult.Series r =
          runs.get(runs.eval("uara", "uara", overrides, policy, 1, budget.seeds().get(s)))
              .series("eval");
      for (int k = 0; k < metrics.length; k++) {
        out[k][s] = r.column(metrics[k])[0];
      }
    }
    return out;
  }

  static double[] scale(double[] v, double factor) {
    double[] o = v.clone();
    for (int i = 0; i < o.length; i++) {
      o[i] *= factor;
    }
    return o;
  }

  static String budgetNote(Recipe.Budget b) {
    return String.format(
        Locale.ROOT,
        "Budget `%s`: root seeds %s, one episode of %d snapshot(s) of `uara-v1` per seed and point;"
            + " every scheme sees the same instances (common random numbers). Intervals: two-sided"
            + " 95%% Student-t over the %d seed means. Preset `uara` (docs/schemes/uara.md).",
        b.name(),
        b.seeds(),
        b.slots(),
        b.seeds().size());
  }

  /** The N_MD axis of Figs. 4–6 and 8: 20 to 160 (Table 3); three points under quick. */
  static int[] devices(Recipe.Budget b) {
    return b.name().equals("quick")
        ? new int[] {20, 90, 160}
        : new int[] {20, 40, 60, 80, 100, 120, 140, 160};
  }

  /** Every scheme over the N_MD axis at N_ES = {@code servers}, α = 1: one metric into a panel. */
  static void sweep(
      RecipeRuns runs,
      Recipe.Budget budget,
      Curves.Panel panel,
      int servers,
      String load,
      String metric,
      double factor) {
    for (int n : devices(budget)) {
      for (String scheme : SCHEMES) {
        double[] v =
            evaluate(runs, budget, config(budget, point(n, servers, load, 1.0)), scheme, metric)[0];
        panel.add(scheme, n, scale(v, factor));
      }
    }
  }
}
