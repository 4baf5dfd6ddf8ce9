package io.edgeoffload.lab.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.sweep.ResultsDb;
import io.edgeoffload.lab.sweep.ThreadPoolEngine;
import java.nio.file.Files;
import java.nio.file.Path;
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
    RecipeRunner.Outcome first =
        RecipeRunner.reproduce(r, b, whole, new ThreadPoolEngine(2), false, MAX);
    assertThat(first.runs()).hasSize(2 * 5); // two algorithms × five seeds, trained once each
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

    Path cut = tmp.resolve("cut");
    assertThatThrownBy(() -> RecipeRunner.reproduce(r, b, cut, new ThreadPoolEngine(2), false, 3))
        .isInstanceOf(InterruptedException.class);
    assertThat(cut.resolve("data.csv")).doesNotExist();
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

  @Test
  void aCollabRecipeRunsThroughTheRegistry(@TempDir Path tmp) throws Exception {
    assertThat(Recipes.registry().ids())
        .contains(
            "collab-fig6",
            "collab-fig7",
            "collab-fig8",
            "collab-fig9",
            "collab-fig10",
            "collab-fig11",
            "collab-fig12",
            "collab-table4",
            "collab-table5");
    RecipeRunner.reproduce(
        Recipes.get("collab-fig12"),
        new Recipe.Budget("quick", List.of(1L, 2L), 1),
        tmp,
        new ThreadPoolEngine(2),
        false,
        MAX);
    try (Stream<Path> s = Files.walk(tmp)) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertThat(names)
          .anyMatch(n -> n.endsWith(".csv"))
          .anyMatch(n -> n.endsWith(".md"))
          .anyMatch(n -> n.endsWith(".png"));
    }
  }
}
