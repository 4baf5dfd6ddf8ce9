package io.edgeoffload.collab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.recipe.Recipe;
import io.edgeoffload.lab.recipe.RecipeRunner;
import io.edgeoffload.lab.recipe.RecipeRuns;
import io.edgeoffload.lab.sweep.ResultsDb;
import io.edgeoffload.lab.sweep.RunKind;
import io.edgeoffload.lab.sweep.RunKinds;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.ThreadPoolEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollabExperimentsTest {
  private static final List<Long> SEEDS = List.of(1L, 2L);

  /** An experiment as a recipe, reproduced through {@link RecipeRunner} on two threads. */
  /** What a test recipe does with its budget. */
  @FunctionalInterface
  private interface Body {
    void run(Recipe.Budget budget, Path out, RecipeRuns runs);
  }

  /** A recipe {@code collab-test} that runs {@code body}. */
  private static Recipe recipe(String description, Body body) {
    return new Recipe() {
      @Override
      public String id() {
        return "collab-test";
      }

      @Override
      public String description() {
        return description;
      }

      @Override
      public void run(Budget budget, Path out, RecipeRuns runs) {
        body.run(budget, out, runs);
      }
    };
  }

  private static RecipeRunner.Outcome reproduce(
      Path dir, long steps, BiConsumer<ExperimentOptions, RecipeRuns> body) throws Exception {
    return reproduce(dir, steps, SEEDS, body);
  }

  private static RecipeRunner.Outcome reproduce(
      Path dir, long steps, List<Long> seeds, BiConsumer<ExperimentOptions, RecipeRuns> body)
      throws Exception {
    Recipe r =
        recipe(
            "a COLLAB experiment under test",
            (budget, out, runs) ->
                body.accept(
                    new ExperimentOptions(out, true, budget.seeds(), "collab-wide", steps), runs));
    return RecipeRunner.reproduce(
        r,
        new Recipe.Budget("quick", seeds, 1),
        dir,
        new ThreadPoolEngine(2),
        false,
        Integer.MAX_VALUE);
  }

  @Test
  void convergenceWritesCurvesTablesAndPlots(@TempDir Path dir) throws Exception {
    List<List<Convergence.Result>> results = new ArrayList<>();
    RecipeRunner.Outcome o =
        reproduce(
            dir,
            300,
            (opt, runs) ->
                results.add(
                    Convergence.run(
                        "smoke",
                        List.of(
                            new Convergence.Series(
                                "EMH-PPO", "emh-ppo", List.of("env.numDevices=2")),
                            new Convergence.Series(
                                "local", "local-only", List.of("env.numDevices=2"))),
                        opt,
                        runs)));
    // one curve run and one evaluation run per seed
    assertThat(o.runs()).hasSize(2 * 2);
    assertThat(o.runs().stream().map(s -> s.kind()).distinct())
        .containsExactlyInAnyOrder(CollabRunKinds.CURVE, CollabRunKinds.EVAL);
    List<Convergence.Result> rendered = results.get(results.size() - 1);
    assertThat(rendered).hasSize(2);
    for (String f :
        List.of(
            "curves.csv", "final.csv", "summary.md", "reward.png", "latency.svg", "energy.png")) {
      assertThat(dir.resolve(f)).exists();
    }
    List<String> curves = Files.readAllLines(dir.resolve("curves.csv"));
    // header + 2 seeds × 11 evaluation points for the learner + 2 rows for the policy
    assertThat(curves).hasSize(1 + 2 * 11 + 2);
    // local-only evaluated with X_n = 50 on 2 MDs: 50 × 5·L_0 of ResNet-50, in every seed
    assertThat(rendered.get(1).summary(1).mean())
        .isCloseTo(50 * 5 * 8.603e-3, org.assertj.core.api.Assertions.within(1e-9));
    // Local-only runs 10 full windows of 5 tasks; the summary's return is reward × decisions.
    double[] localReturns = Convergence.episodeReturns(rendered.get(1));
    assertThat(rendered.get(1).summary(5).mean()).isEqualTo(10.0);
    assertThat(localReturns[0])
        .isCloseTo(
            10 * rendered.get(1).summary(0).mean(), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(Files.readString(dir.resolve("summary.md")))
        .contains("| reward × decisions |")
        .contains(String.format(java.util.Locale.ROOT, "| %.1f ± 0.0 |", localReturns[0]));
  }

  @Test
  void table5NonLearningColumnsCoverEveryModelAndDeviceCount(@TempDir Path dir) throws Exception {
    // quick runs learn only at 3 MDs; give 1 training step so they stay cheap
    RecipeRunner.Outcome o = reproduce(dir, 1, Table5::run);
    // per seed: 6 MD counts × 3 models × 2 non-learning columns + 3 models × 2 learned at 3 MDs
    assertThat(o.runs()).hasSize(2 * (6 * 3 * 2 + 3 * 2));
    List<String> rows = Files.readAllLines(dir.resolve("table5.csv"));
    assertThat(rows).hasSize(1 + 6 * 3 * 2 + 3 * 2);
    assertThat(Files.readString(dir.resolve("table5.md")))
        .contains("mobilenetv2")
        .contains("## Operator-grained against chain partitioning");
    // the changes, recomputed per seed from each run's result: non-learning for every row,
    // learned at 3 MDs only
    Map<String, Map<Long, double[]>> byKey = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (ResultsDb db = ResultsDb.openReadOnly(dir)) {
      for (List<Object> row : db.query("SELECT run_id, policy, seed, config FROM runs").rows()) {
        JsonNode env = json.readTree((String) row.get(3)).get("env");
        JsonNode result =
            json.readTree(
                dir.resolve("runs").resolve((String) row.get(0)).resolve("result.json").toFile());
        JsonNode v = result.get("series").get(0).get("values").get(0);
        String column = row.get(1).equals("emh-ppo") ? "learned" : "non-learning";
        String key =
            env.get("numDevices").asInt()
                + ","
                + env.get("model").asText()
                + ","
                + column
                + ","
                + env.get("partitioning").asText();
        byKey
            .computeIfAbsent(key, k -> new HashMap<>())
            .put(
                ((Number) row.get(2)).longValue(),
                new double[] {v.get(1).asDouble(), v.get(2).asDouble()});
      }
    }
    List<String> changes = Files.readAllLines(dir.resolve("table5-change.csv"));
    assertThat(changes.get(0))
        .isEqualTo(
            "devices,model,column,seeds,latency_change_pct,latency_change_ci,"
                + "energy_change_pct,energy_change_ci");
    assertThat(changes).hasSize(1 + 6 * 3 + 3);
    for (String line : changes.subList(1, changes.size())) {
      String[] f = line.split(",");
      String prefix = f[0] + "," + f[1] + "," + f[2] + ",";
      Map<Long, double[]> op = byKey.get(prefix + "operator");
      Map<Long, double[]> chain = byKey.get(prefix + "chain");
      assertThat(f[3]).isEqualTo("2");
      for (int k = 0; k < 2; k++) {
        double[] d = new double[SEEDS.size()];
        for (int i = 0; i < d.length; i++) {
          long seed = SEEDS.get(i);
          d[i] = 100 * (op.get(seed)[k] - chain.get(seed)[k]) / chain.get(seed)[k];
        }
        Stats.Summary want = Stats.summarize(d);
        assertThat(Double.parseDouble(f[4 + 2 * k]))
            .isCloseTo(want.mean(), within(1e-3 * Math.max(1, Math.abs(want.mean()))));
        assertThat(Double.parseDouble(f[5 + 2 * k]))
            .isCloseTo(want.halfWidth(), within(1e-2 * Math.max(1, want.halfWidth())));
      }
    }
  }

  /** The paired change: per seed 100·(op − chain)/chain, then Student-t over seeds. */
  @Test
  void table5ChangeIsPairedBySeed() {
    Stats.Summary g = Table5.pairedChangePercent(new double[] {90, 60}, new double[] {100, 50});
    // per seed −10% and +20%: mean 5, sd 21.21, t(0.975, 1) = 12.706
    assertThat(g.n()).isEqualTo(2);
    // (not the change of the means, (75 − 75) / 75 = 0)
    assertThat(g.mean()).isCloseTo(5.0, within(1e-12));
    assertThat(g.halfWidth()).isCloseTo(12.7062 * Math.sqrt(450) / Math.sqrt(2), within(1e-2));
    assertThat(Table5.pairedChangePercent(new double[] {1}, new double[] {0}).mean()).isNaN();
    assertThatThrownBy(() -> Table5.pairedChangePercent(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one value per seed");
  }

  /**
   * Fig. 7 at one training step: panels (c)(d) write one CSV row per value × series whose numbers
   * are the means over seeds of the recorded runs (read back from the results database), and their
   * plots; the preset's point of (c) and (d) is (a)(b)'s runs. Seeds 3 and 4: with seeds 1 and 2
   * one untrained time-based policy at 10 dB needs ~24,000 slots per evaluation episode (40 s).
   */
  @Test
  void fig7PanelsCdAreTheMeansOfTheRecordedRuns(@TempDir Path dir) throws Exception {
    RecipeRunner.Outcome o = reproduce(dir, 1, List.of(3L, 4L), Fig7::run);
    // (a)(b) 5 series; (c) 3 more distances × 3 series; (d) 4 more σ × 3 series; per seed
    assertThat(o.runs()).hasSize(2 * (5 + 3 * 3 + 4 * 3));
    Map<String, List<double[]>> byKey = new HashMap<>();
    List<String> metrics = List.of("reward", "total_latency_s", "energy_per_task_j");
    try (ResultsDb db = ResultsDb.openReadOnly(dir)) {
      ResultsDb.Table t =
          db.query(
              "SELECT r.run_id, r.policy, r.config, e.metric, e.value FROM runs r JOIN episodes e"
                  + " ON r.run_id = e.run_id WHERE e.episode = (SELECT max(episode) FROM episodes"
                  + " x WHERE x.run_id = e.run_id AND x.phase = e.phase)"
                  + " AND e.metric IN ('reward', 'total_latency_s', 'energy_per_task_j')");
      ObjectMapper json = new ObjectMapper();
      Map<String, double[]> perRun = new HashMap<>();
      Map<String, String> keyOf = new HashMap<>();
      for (List<Object> row : t.rows()) {
        String id = (String) row.get(0);
        JsonNode env = json.readTree((String) row.get(2)).get("env");
        String series =
            switch ((String) row.get(1)) {
              case "emh-ppo" -> "task-aware";
              case "emh-ppo-slotted" -> "time-based " + env.get("slotLength").asText();
              default -> "local only";
            };
        keyOf.put(
            id,
            series
                + "|"
                + env.get("distanceMaxM").asDouble()
                + "|"
                + env.get("distanceFixedM").asDouble()
                + "|"
                + env.get("shadowFadingDb").asDouble());
        perRun.computeIfAbsent(id, k -> new double[3])[metrics.indexOf((String) row.get(3))] =
            ((Number) row.get(4)).doubleValue();
      }
      assertThat(perRun).hasSize(o.runs().size());
      perRun.forEach(
          (id, v) -> byKey.computeIfAbsent(keyOf.get(id), k -> new ArrayList<>()).add(v));
    }
    String[] series = {"task-aware", "time-based 50 ms", "local only"};
    for (String panel : List.of("c-distance", "d-shadowing")) {
      boolean c = panel.startsWith("c");
      double[] values = c ? new double[] {25, 50, 100, 150} : new double[] {4, 6, 8, 10, 12};
      List<String> csv = Files.readAllLines(dir.resolve(panel).resolve("sweep.csv"));
      assertThat(csv.get(0)).startsWith(c ? "distanceMaxM,series,n," : "shadowFadingDb,series,n,");
      assertThat(csv).hasSize(1 + values.length * series.length);
      int line = 1;
      for (double v : values) {
        for (String s : series) {
          String[] f = csv.get(line++).split(",");
          assertThat(Double.parseDouble(f[0])).isEqualTo(v);
          assertThat(f[1]).isEqualTo(s);
          assertThat(f[2]).isEqualTo("2");
          String key = s + "|" + (c ? v : 100.0) + "|" + (c ? v / 2 : 50.0) + "|" + (c ? 8.0 : v);
          List<double[]> seeds = byKey.get(key);
          assertThat(seeds).as(key).hasSize(2);
          double[] scale = {1, 1e3, 1};
          for (int m = 0; m < 3; m++) {
            double mean = (seeds.get(0)[m] + seeds.get(1)[m]) / 2 * scale[m];
            assertThat(Double.parseDouble(f[3 + 2 * m]))
                .as(key + " " + metrics.get(m))
                .isCloseTo(mean, org.assertj.core.api.Assertions.withinPercentage(1e-3));
          }
        }
      }
      for (String plot : List.of("reward", "latency", "energy")) {
        assertThat(dir.resolve(panel).resolve(plot + ".png")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve(panel).resolve(plot + ".svg"))).contains("<svg");
      }
      assertThat(Files.readString(dir.resolve(panel).resolve("summary.md")))
          .contains("1 training steps per run, 2 seeds (3, 4)");
    }
    assertThat(Files.readString(dir.resolve("c-distance/distanceMaxM=25/summary.md")))
        .contains("d = 12.5 m");
    // The preset's point (100 m, 8 dB) is one set of runs: the same rows in (c) and (d).
    List<String> cRows = Files.readAllLines(dir.resolve("c-distance/sweep.csv"));
    List<String> dRows = Files.readAllLines(dir.resolve("d-shadowing/sweep.csv"));
    for (int i = 0; i < 3; i++) {
      assertThat(cRows.get(7 + i).substring(4)).isEqualTo(dRows.get(7 + i).substring(2));
    }
    assertThat(Files.readString(dir.resolve("summary.md")))
        .contains("# COLLAB Fig. 7")
        .contains("(c) [`c-distance/`]")
        .contains("(d) [`d-shadowing/`]");
    // Panels (a)(b) alone (collab-fig7ab) are the same runs: rendered into the same folder they
    // run nothing and write the same curves and finals.
    byte[] curves = Files.readAllBytes(dir.resolve("curves.csv"));
    byte[] finals = Files.readAllBytes(dir.resolve("final.csv"));
    RecipeRunner.Outcome ab = reproduce(dir, 1, List.of(3L, 4L), Fig7::panelsAb);
    assertThat(ab.runs()).hasSize(2 * 5);
    assertThat(ab.sweep().done()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("curves.csv"))).isEqualTo(curves);
    assertThat(Files.readAllBytes(dir.resolve("final.csv"))).isEqualTo(finals);
    assertThat(Files.readString(dir.resolve("summary.md")))
        .contains("# COLLAB Fig. 7(a)(b)")
        .contains("`collab-fig7` adds (c)(d)")
        .doesNotContain("(c) [`c-distance/`]");
  }

  @Test
  void sweepAxesAndValuesAreValidated() {
    assertThat(Sweep.format(4)).isEqualTo("4");
    assertThat(Sweep.format(12.5)).isEqualTo("12.5");
    assertThat(Sweep.format(0.1)).isEqualTo("0.1");
    assertThatThrownBy(() -> Sweep.Axis.env("shadowFadingDb", 8, 4))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("axis.values")
        .hasMessageContaining("strictly increasing");
    // a value or key the configuration refuses fails at planning, naming the key and the value
    assertThatThrownBy(() -> planSweep(Sweep.Axis.env("shadowFadingDb", -1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("shadowFadingDb")
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> planSweep(Sweep.Axis.env("distanceMaxM", 0.5)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("distanceMaxM")
        .hasMessageContaining("0.5");
    assertThatThrownBy(() -> planSweep(Sweep.Axis.env("shadowFading", 8)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("env.shadowFading")
        .hasMessageContaining("shadowFadingDb");
    // the panels' own axes plan
    assertThat(planSweep(Fig7.DISTANCE)).hasSize(2 * 4);
    assertThat(planSweep(Fig7.SHADOWING)).hasSize(2 * 5);
  }

  @Test
  void sweepPlotsTurnLogarithmicOnlyWhenTheMeansSpanADecade() {
    // Fig. 10 at full budget: 0.62 s with one MD, 440 s with six (latency, ms)
    BandChart.Band wide =
        new BandChart.Band(
            "EMH-PPO",
            new double[] {1, 6},
            new double[] {621.9, 440145.3},
            new double[] {612, -1.1e6},
            new double[] {631, 2.0e6});
    // Fig. 11: every series within a factor of two of local-only
    BandChart.Band narrow =
        new BandChart.Band(
            "round-robin",
            new double[] {1, 6},
            new double[] {1468.4, 1040.7},
            new double[] {1460, 1030},
            new double[] {1476, 1050});
    assertThat(Sweep.spansADecade(List.of(narrow))).isFalse();
    assertThat(Sweep.spansADecade(List.of(narrow, wide))).isTrue();
    // a band alone never decides: its lower edge below zero is the t-interval of three seeds
    BandChart.Band wideBand =
        new BandChart.Band(
            "MAHPPO",
            new double[] {1, 6},
            new double[] {2150, 2160},
            new double[] {-5e5, 1},
            new double[] {5e5, 5e6});
    assertThat(Sweep.spansADecade(List.of(narrow, wideBand))).isFalse();
    // a mean at or below zero (a reward not negated) cannot go on a log axis
    BandChart.Band reward =
        new BandChart.Band(
            "local only",
            new double[] {1, 6},
            new double[] {-45.06, -9242.2},
            new double[] {-45.06, -9242.2},
            new double[] {-45.06, -9242.2});
    assertThat(Sweep.spansADecade(List.of(reward))).isFalse();
  }

  /** The runs a sweep of local-only along {@code axis} plans (two seeds). */
  private static List<RunSpec> planSweep(Sweep.Axis axis) {
    Recipe r =
        recipe(
            "a sweep under test",
            (budget, out, runs) ->
                Sweep.run(
                    "test",
                    axis,
                    List.of(new Convergence.Series("local only", "local-only", List.of())),
                    new ExperimentOptions(out, true, budget.seeds(), "collab-wide", 1),
                    runs));
    return RecipeRunner.plan(r, new Recipe.Budget("quick", SEEDS, 1));
  }

  private static RunSpec spec(String kind, String policy, Map<String, String> params) {
    return new RunSpec(
        "0", "t", kind, "collab", "collab-wide", List.of(), policy, 1, 3, 0, params, Map.of());
  }

  @Test
  void badRunsFailAtPlanningNamingTheField() {
    RunKind curve = RunKinds.get(CollabRunKinds.CURVE);
    assertThatThrownBy(
            () -> curve.validate(spec(CollabRunKinds.CURVE, "emh-ppo", Map.of("every", "1"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("params.steps");
    assertThatThrownBy(
            () ->
                curve.validate(
                    spec(CollabRunKinds.CURVE, "local-only", Map.of("steps", "1", "every", "1"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("policy")
        .hasMessageContaining("emh-ppo");
    assertThatThrownBy(
            () ->
                RunKinds.get(CollabRunKinds.VARIANTS)
                    .validate(
                        spec(
                            CollabRunKinds.VARIANTS,
                            "emh-ppo",
                            Map.of("steps", "1", "quick", "maybe", "variants", ""))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("params.quick");
    RunKinds.get(CollabRunKinds.EVAL).validate(spec(CollabRunKinds.EVAL, "greedy", Map.of()));
  }

  @Test
  void curvePlaceholdersHaveTheRowsOfARealRun() {
    // trainWithEvaluation evaluates at 0, every multiple of `every`, and at the last step
    assertThat(CollabRunKinds.Curve.points(300, 30)).isEqualTo(11);
    assertThat(CollabRunKinds.Curve.points(10, 3)).isEqualTo(5);
    assertThat(CollabRunKinds.Curve.points(1, 1)).isEqualTo(2);
  }
}
