package io.edgeoffload.lab.recipe;

import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.Runner;
import io.edgeoffload.uara.UaraConfig;
import io.edgeoffload.uara.UaraScheme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Evaluation of UARA schemes at one configuration point: each root seed runs one episode of {@code
 * budget.slots()} snapshots of {@code uara-v1} through the lab's {@link Runner}, with common random
 * numbers across schemes (the same seed gives every scheme the same instances).
 */
final class UaraPoints {
  /** Pricing and the four baselines of Sec. 6.1, in plotting order. */
  static final List<String> SCHEMES =
      List.of("pricing", "random", "max-sinr", "max-compute", "combined");

  private static final UaraScheme SCHEME = new UaraScheme();

  private UaraPoints() {}

  /** The preset {@code uara} with overrides and the budget's slots per episode. */
  static UaraConfig config(Recipe.Budget budget, String... sets) {
    List<String> all = new ArrayList<>(Arrays.asList(sets));
    all.add("env.slotsPerEpisode=" + budget.slots());
    return ResolvedConfig.resolve(SCHEME, "uara", null, all).config();
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
      Recipe.Budget budget, UaraConfig config, String policy, String... metrics) {
    double[][] out = new double[metrics.length][budget.seeds().size()];
    for (int s = 0; s < budget.seeds().size(); s++) {
      Runner.Result r = Runner.run(SCHEME, config, policy, 1, budget.seeds().get(s), null);
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
      Recipe.Budget budget,
      Curves.Panel panel,
      int servers,
      String load,
      String metric,
      double factor) {
    for (int n : devices(budget)) {
      for (String scheme : SCHEMES) {
        double[] v =
            evaluate(budget, config(budget, point(n, servers, load, 1.0)), scheme, metric)[0];
        panel.add(scheme, n, scale(v, factor));
      }
    }
  }
}
