package io.edgeoffload.lab.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import java.io.IOException;
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
  void quickBudgetWritesDataTablesAndFigures(String id, @TempDir Path tmp) throws IOException {
    Recipes.get(id).run(Recipe.Budget.quick(), tmp);
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
  void aCollabRecipeRunsThroughTheRegistry(@TempDir Path tmp) throws IOException {
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
    Recipes.get("collab-fig12").run(new Recipe.Budget("quick", List.of(1L, 2L), 1), tmp);
    try (Stream<Path> s = Files.walk(tmp)) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertThat(names)
          .anyMatch(n -> n.endsWith(".csv"))
          .anyMatch(n -> n.endsWith(".md"))
          .anyMatch(n -> n.endsWith(".png"));
    }
  }
}
