package io.edgeoffload.lab.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.Schemes;
import io.edgeoffload.lab.sweep.ResultsDb;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.Sweeps;
import io.edgeoffload.lab.sweep.ThreadPoolEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recipe runs its quick budget and writes CSV, Markdown and PNG/SVG figures. */
class RecipesTest {
  /**
   * The UARA and UCMS recipes: quick budgets of seconds. The COLLAB recipes train a PPO learner per
   * series and seed even when quick (minutes each); the experiment classes behind them have their
   * own tests (CollabExperimentsTest), and {@link #aCollabRecipeRunsThroughTheRegistry} checks the
   * wiring.
   */
  static List<String> ids() {
    return Recipes.registry().ids().stream().filter(id -> !id.startsWith("collab-")).toList();
  }

  @ParameterizedTest
  @MethodSource("ids")
  void quickBudgetWritesDataTablesAndFigures(String id, @TempDir Path tmp) throws Exception {
    RecipeRunner.Outcome o =
        RecipeRunner.reproduce(
            Recipes.get(id), Recipe.Budget.quick(), tmp, new ThreadPoolEngine(2), false, MAX);
    assertThat(o.sweep().done()).isEqualTo(o.runs().size()).isPositive();
    String csv = Files.readString(tmp.resolve("data.csv"));
    String md = Files.readString(tmp.resolve("summary.md"));
    assertThat(csv.lines().count()).isGreaterThan(5);
    assertThat(csv).doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(md).matches("(?s)# (UARA|UCMS) .*").contains("| ").contains("quick");
    try (Stream<Path> s = Files.list(tmp.resolve("plots"))) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertThat(names).anyMatch(n -> n.endsWith(".png")).anyMatch(n -> n.endsWith(".svg"));
    }
    // Every number in the CSV is from at least five seeds.
    String header = csv.lines().findFirst().orElseThrow();
    int nColumn = List.of(header.split(",")).indexOf("n");
    csv.lines()
        .skip(1)
        .forEach(line -> assertThat(Integer.parseInt(line.split(",", -1)[nColumn])).isEqualTo(5));
  }

  static final int MAX = Integer.MAX_VALUE;

  /**
   * A reproduction is a sweep: its runs are in the results database once each, a second
   * reproduction into the same folder runs nothing and renders the same data, and an interrupted
   * one finishes to the same data.
   */
  @Test
  void aReproductionIsAResumableSweep(@TempDir Path tmp) throws Exception {
    Recipe r = Recipes.get("ucms-fig4");
    Recipe.Budget b = new Recipe.Budget("quick", List.of(1L, 2L, 3L, 4L, 5L), 1);
    Path whole = tmp.resolve("whole");
    assertThat(RecipeRunner.status(r, b, List.of(), whole))
        .extracting(io.edgeoffload.lab.sweep.Sweeper.Planned::state)
        .hasSize(10)
        .containsOnly(io.edgeoffload.lab.sweep.Sweeper.State.TO_RUN);
    RecipeRunner.Outcome first =
        RecipeRunner.reproduce(r, b, whole, new ThreadPoolEngine(2), false, MAX);
    assertThat(first.runs()).hasSize(2 * 5); // two algorithms × five seeds, trained once each
    assertThat(RecipeRunner.status(r, b, List.of(), whole))
        .extracting(io.edgeoffload.lab.sweep.Sweeper.Planned::state)
        .containsOnly(io.edgeoffload.lab.sweep.Sweeper.State.DONE);
    try (ResultsDb db = ResultsDb.openReadOnly(whole)) {
      assertThat(db.query("SELECT count(DISTINCT run_id), count(*) FROM runs").rows().get(0))
          .containsExactly(10L, 10L);
    }
    String data = Files.readString(whole.resolve("data.csv"));
    RecipeRunner.Outcome again =
        RecipeRunner.reproduce(r, b, whole, new ThreadPoolEngine(2), false, MAX);
    assertThat(again.sweep().skipped()).isEqualTo(10);
    assertThat(again.sweep().done()).isZero();
    assertThat(whole.resolve("data.csv")).hasContent(data);
    // Another recipe rendered into the same folder keeps the first one's outputs in its own.
    RecipeRunner.reproduce(Recipes.get("uara-fig4"), b, whole, new ThreadPoolEngine(2), false, MAX);
    Path rendered = whole.resolve(RecipeRunner.RENDERED);
    assertThat(rendered.resolve("ucms-fig4").resolve("data.csv")).hasContent(data);
    assertThat(rendered.resolve("ucms-fig4").resolve("plots").resolve("ucms-fig4.png"))
        .isRegularFile();
    String uara = Files.readString(rendered.resolve("uara-fig4").resolve("data.csv"));
    assertThat(uara).isNotEqualTo(data);
    assertThat(whole.resolve("data.csv")).hasContent(uara);

    Path cut = tmp.resolve("cut");
    assertThatThrownBy(() -> RecipeRunner.reproduce(r, b, cut, new ThreadPoolEngine(2), false, 3))
        .isInstanceOf(InterruptedException.class);
    assertThat(cut.resolve("data.csv")).doesNotExist();
    List<io.edgeoffload.lab.sweep.Sweeper.State> states =
        RecipeRunner.status(r, b, List.of(), cut).stream()
            .map(io.edgeoffload.lab.sweep.Sweeper.Planned::state)
            .toList();
    assertThat(states).hasSize(10).doesNotContain(io.edgeoffload.lab.sweep.Sweeper.State.ADOPTS);
    assertThat(states.stream().filter(io.edgeoffload.lab.sweep.Sweeper.State.DONE::equals).count())
        .isBetween(3L, 9L);
    RecipeRunner.reproduce(r, b, cut, new ThreadPoolEngine(2), false, MAX);
    assertThat(cut.resolve("data.csv")).hasContent(data);
  }

  @Test
  void unknownRecipeListsTheValidIds() {
    assertThatThrownBy(() -> Recipes.get("uara-fig9"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("uara-fig4");
  }

  @Test
  void budgetsHaveAtLeastFiveSeeds() {
    assertThat(Recipe.Budget.quick().seeds()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(Recipe.Budget.full().seeds()).hasSizeGreaterThanOrEqualTo(5);
  }

  /**
   * UCMS Fig. 6 draws the non-learning references beside the trained algorithms: each reference row
   * of data.csv is the mean over seeds of its evaluation runs' mean cost per slot, read back from
   * the results database, at every N.
   */
  @Test
  void ucmsFig6DrawsTheNonLearningReferencesFromTheirRuns(@TempDir Path tmp) throws Exception {
    Recipe.Budget b = new Recipe.Budget("quick", List.of(1L, 2L), 1);
    RecipeRunner.Outcome o =
        RecipeRunner.reproduce(
            Recipes.get("ucms-fig6"), b, tmp, new ThreadPoolEngine(2), false, MAX);
    int points = 2; // the quick budget's N = 6 and 12
    assertThat(o.runs())
        .hasSize((UcmsRecipes.ALL.size() + UcmsRecipes.REFERENCES.size()) * points * 2);
    java.util.Map<String, double[]> sums = new java.util.HashMap<>();
    try (ResultsDb db = ResultsDb.openReadOnly(tmp)) {
      for (List<Object> row :
          db.query(
                  "SELECT r.policy, json_extract_string(r.config, '$.env.numUsers'), avg(e.value)"
                      + " FROM runs r JOIN episodes e USING (run_id) WHERE r.kind = 'eval'"
                      + " AND e.metric = 'cost' GROUP BY r.run_id, 1, 2")
              .rows()) {
        double[] acc = sums.computeIfAbsent(row.get(0) + "," + row.get(1), k -> new double[2]);
        acc[0] += ((Number) row.get(2)).doubleValue();
        acc[1]++;
      }
    }
    assertThat(sums).hasSize(UcmsRecipes.REFERENCES.size() * points);
    List<String> csv = Files.readAllLines(tmp.resolve("data.csv"));
    for (String policy : UcmsRecipes.REFERENCES) {
      for (int users : new int[] {6, 12}) {
        double[] acc = sums.get(policy + "," + users);
        assertThat(acc[1]).isEqualTo(2);
        String line =
            csv.stream().filter(l -> l.startsWith(policy + "," + users + ",")).findFirst().get();
        assertThat(Double.parseDouble(line.split(",")[2]))
            .isCloseTo(acc[0] / 2, org.assertj.core.api.Assertions.withinPercentage(1e-6));
      }
    }
    assertThat(Files.readString(tmp.resolve("summary.md"))).contains("| greedy (reference) |");
    assertThat(tmp.resolve("plots").resolve("ucms-fig6.png")).isRegularFile();
  }

  @Test
  void aCollabRecipeRunsThroughTheRegistry(@TempDir Path tmp) throws Exception {
    assertThat(Recipes.registry().ids())
        .contains(
            "collab-fig6",
            "collab-fig7",
            "collab-fig7ab",
            "collab-fig8",
            "collab-fig9",
            "collab-fig10",
            "collab-fig11",
            "collab-fig12",
            "collab-table4",
            "collab-table5");
    Recipe.Budget b = new Recipe.Budget("quick", List.of(1L, 2L), 1);
    RecipeRunner.Outcome first =
        RecipeRunner.reproduce(
            Recipes.get("collab-fig12"), b, tmp, new ThreadPoolEngine(2), false, MAX);
    // four β values of EMH-PPO and of local-only (its reward reference at each β), two seeds each
    assertThat(first.runs()).hasSize(8 * 2);
    assertThat(first.sweep().done()).isEqualTo(16);
    try (Stream<Path> s = Files.walk(tmp)) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertThat(names)
          .anyMatch(n -> n.endsWith(".csv"))
          .anyMatch(n -> n.endsWith(".md"))
          .anyMatch(n -> n.endsWith(".png"));
    }
    try (ResultsDb db = ResultsDb.openReadOnly(tmp)) {
      assertThat(db.query("SELECT count(DISTINCT run_id) FROM runs").rows().get(0))
          .containsExactly(16L);
    }
    // Local-only's latency does not depend on β, its reward does (eq. 8 weighs its energy by β).
    List<String> finals = Files.readAllLines(tmp.resolve("final.csv"));
    String[] at5 = row(finals, "local only beta=5");
    String[] at500 = row(finals, "local only beta=500");
    assertThat(Double.parseDouble(at500[2])).isLessThan(Double.parseDouble(at5[2]) - 10);
    assertThat(at500[4]).isEqualTo(at5[4]);
    String curves = Files.readString(tmp.resolve("curves.csv"));
    // Reproducing again into the same folder trains nothing and renders the same data.
    RecipeRunner.Outcome again =
        RecipeRunner.reproduce(
            Recipes.get("collab-fig12"), b, tmp, new ThreadPoolEngine(2), false, MAX);
    assertThat(again.sweep().done()).isZero();
    assertThat(again.sweep().skipped()).isEqualTo(16);
    assertThat(tmp.resolve("curves.csv")).hasContent(curves);
  }

  /** The CSV row whose first field is {@code series}, split. */
  private static String[] row(List<String> csv, String series) {
    return csv.stream()
        .filter(l -> l.startsWith(series + ","))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + series + " in " + csv))
        .split(",");
  }

  /**
   * A COLLAB recipe plans one run per series and seed: Fig. 6 has four learners (a learning curve
   * each), local-only, round-robin and rotation (an evaluation each), Table IV one training per
   * learner and seed evaluated at every task count plus local-only, round-robin and rotation per
   * task count and seed.
   */
  @Test
  void collabRecipesPlanOneRunPerSeriesAndSeed() {
    Recipe.Budget b = new Recipe.Budget("quick", List.of(1L, 2L), 1);
    List<io.edgeoffload.lab.sweep.RunSpec> fig6 = RecipeRunner.plan(Recipes.get("collab-fig6"), b);
    // local-only, round-robin and rotation evaluations
    assertThat(fig6).hasSize(4 * 2 + 3 * 2);
    assertThat(fig6.stream().filter(s -> s.kind().equals("collab-curve")))
        .hasSize(8)
        .allSatisfy(
            s -> {
              assertThat(s.params()).containsEntry("steps", "4000").containsEntry("every", "400");
              assertThat(s.params()).containsEntry("quick", "true");
              // Runs evaluated before the window-mask fix (version 1, no param) are not reused.
              assertThat(s.params()).containsEntry("version", "2");
            });
    assertThat(fig6.stream().map(s -> s.seed()).distinct()).containsExactlyInAnyOrder(1L, 2L);
    List<io.edgeoffload.lab.sweep.RunSpec> table4 =
        RecipeRunner.plan(Recipes.get("collab-table4"), b);
    assertThat(table4.stream().filter(s -> s.kind().equals("collab-variants")))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.params()).containsEntry("version", "2"));
    assertThat(table4).hasSize(4 * 2 + 3 * 4 * 2);
    // Runs are identified by what they do: more steps are other runs, the same are the same.
    List<io.edgeoffload.lab.sweep.RunSpec> longer =
        RecipeRunner.plan(CollabRecipes.withSteps("collab-fig6", 8000), b);
    assertThat(longer.get(0).id()).isNotEqualTo(fig6.get(0).id());
    // local-only does not train: its evaluation runs are shared by both budgets
    assertThat(
            longer.stream().filter(s -> s.kind().equals("collab-eval")).map(s -> s.id()).toList())
        .hasSize(6)
        .isEqualTo(
            fig6.stream().filter(s -> s.kind().equals("collab-eval")).map(s -> s.id()).toList());
    assertThat(RecipeRunner.plan(Recipes.get("collab-fig6"), b).get(0).id())
        .isEqualTo(fig6.get(0).id());
    // Fig. 10 at its 3-MD point (the preset's) is Fig. 6: reproduced into one folder, run once.
    List<String> fig10 =
        RecipeRunner.plan(Recipes.get("collab-fig10"), b).stream().map(s -> s.id()).toList();
    assertThat(fig10).hasSize(6 * 7 * 2).containsAll(fig6.stream().map(s -> s.id()).toList());
  }

  /**
   * Run ids are what lets a reproduction reuse finished runs: the full-budget Fig. 6 plan must
   * still name the EMH-PPO seed-1 run published in docs/results/collab/fig6-full (made before the
   * {@code learner} block existed), and a changed learner setting must name another run.
   */
  @Test
  void publishedCollabRunsKeepTheirIdsAndALearnerSettingChangesThem() {
    Recipe.Budget b = new Recipe.Budget("full", List.of(1L), 1);
    RunSpec emh =
        RecipeRunner.plan(Recipes.get("collab-fig6"), b).stream()
            .filter(s -> s.policy().equals("emh-ppo"))
            .findFirst()
            .orElseThrow();
    assertThat(emh.id()).isEqualTo("50f734428ee46857");
    assertThat(withSet(emh, "learner.entropyCoef=0.05").id()).isNotEqualTo(emh.id());
    // Setting the default explicitly is the same run.
    assertThat(withSet(emh, "learner.entropyCoef=0.01").id()).isEqualTo(emh.id());
  }

  /** {@code s} with one more override, identified as a sweep plans it. */
  private static RunSpec withSet(RunSpec s, String set) {
    List<String> sets = new ArrayList<>(s.overrides());
    sets.add(set);
    return Sweeps.identified(
        s.sweep(),
        s.kind(),
        s.scheme(),
        s.preset(),
        sets,
        ResolvedConfig.resolve(Schemes.get(s.scheme()), s.preset(), null, sets).config(),
        s.policy(),
        s.seed(),
        s.episodes(),
        s.trainEpisodes(),
        s.params(),
        s.point());
  }

  /**
   * Fig. 7 plans (a)(b) (five series) and the (c)(d) grid (task-aware, time-based 50 ms and
   * local-only at 4 distances and 5 shadowing σ); the grid's point at the preset's 100 m and 8 dB
   * resolves to (a)(b)'s configurations, so those runs are planned once: 5 + 3·3 + 4·3 per seed,
   * not 5 + 4·3 + 5·3.
   */
  @Test
  void collabFig7PlansTheChannelGridWithThePresetPointOnce() {
    Recipe.Budget b = new Recipe.Budget("quick", List.of(1L, 2L), 1);
    List<io.edgeoffload.lab.sweep.RunSpec> fig7 = RecipeRunner.plan(Recipes.get("collab-fig7"), b);
    assertThat(fig7).hasSize(2 * (5 + 3 * 3 + 4 * 3));
    assertThat(fig7.stream().map(s -> s.id()).distinct()).hasSize(fig7.size());
    // per seed: (a)(b) 1 + (c) 3 + (d) 4 of each of task-aware and local-only; 3 + 3 + 4 slotted
    assertThat(fig7.stream().filter(s -> s.policy().equals("emh-ppo"))).hasSize(2 * 8);
    assertThat(fig7.stream().filter(s -> s.policy().equals("local-only"))).hasSize(2 * 8);
    assertThat(fig7.stream().filter(s -> s.policy().equals("emh-ppo-slotted"))).hasSize(2 * 10);
    // every grid value is planned, with the evaluation distance at half the maximum
    for (String[] v : new String[][] {{"25", "12.5"}, {"50", "25"}, {"150", "75"}}) {
      assertThat(fig7)
          .anySatisfy(
              s ->
                  assertThat(s.overrides())
                      .contains("env.distanceMaxM=" + v[0], "env.distanceFixedM=" + v[1]));
    }
    for (String v : List.of("4", "6", "10", "12")) {
      assertThat(fig7)
          .anySatisfy(s -> assertThat(s.overrides()).contains("env.shadowFadingDb=" + v));
    }
    // the preset's point is asked with the grid's sets but is (a)(b)'s run, first asked there
    assertThat(fig7)
        .noneSatisfy(s -> assertThat(s.overrides()).contains("env.shadowFadingDb=8"))
        .noneSatisfy(s -> assertThat(s.overrides()).contains("env.distanceMaxM=100"));
  }

  /**
   * {@code collab-fig7ab} plans exactly Fig. 7's panels (a)(b): five series per seed, each a run
   * that {@code collab-fig7} plans too (same id), so a full Fig. 7 later adopts them.
   */
  @Test
  void collabFig7abIsFig7sFirstPanelsWithTheSameRuns() {
    Recipe.Budget b = new Recipe.Budget("quick", List.of(1L, 2L), 1);
    List<io.edgeoffload.lab.sweep.RunSpec> ab = RecipeRunner.plan(Recipes.get("collab-fig7ab"), b);
    List<io.edgeoffload.lab.sweep.RunSpec> all = RecipeRunner.plan(Recipes.get("collab-fig7"), b);
    assertThat(ab).hasSize(2 * 5);
    assertThat(all.stream().map(s -> s.id()).toList())
        .containsAll(ab.stream().map(s -> s.id()).toList());
    assertThat(ab.stream().filter(s -> s.policy().equals("emh-ppo-slotted")))
        .hasSize(2 * 3)
        .allSatisfy(
            s ->
                assertThat(s.overrides())
                    .anyMatch(o -> o.startsWith("env.slotLength="))
                    .noneMatch(o -> o.startsWith("env.shadowFadingDb=")));
  }
}
