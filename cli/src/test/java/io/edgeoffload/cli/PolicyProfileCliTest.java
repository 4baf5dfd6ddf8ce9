package io.edgeoffload.cli;

import static io.edgeoffload.cli.CliHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.lab.recipe.Recipe;
import io.edgeoffload.lab.recipe.RecipeRunner;
import io.edgeoffload.lab.recipe.Recipes;
import io.edgeoffload.lab.sweep.RunExecutor;
import io.edgeoffload.lab.sweep.RunResult;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.Sweeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy-profile}: one Markdown row per finished COLLAB run; a clear error otherwise. */
class PolicyProfileCliTest {
  @Test
  void profilesAnEvaluationRunAndRefusesAFolderThatIsNotOne(@TempDir Path tmp) throws Exception {
    RunSpec spec =
        new RunSpec(
            "rr",
            "t",
            "collab-eval",
            "collab",
            "collab-wide",
            List.of("env.taskModel=fixed", "env.distanceModel=fixed"),
            "round-robin",
            3,
            2,
            0,
            Map.of(),
            Map.of());
    RunResult r = RunExecutor.execute(spec, tmp, "threads");
    assertThat(r.done()).as(r.error()).isTrue();
    CliHarness.Outcome o = exec("policy-profile", tmp.resolve("rr").toString());
    assertThat(o.code()).as(o.err()).isZero();
    List<String> lines = o.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("| run | setting | latency (ms) |");
    // round-robin always sends the raw input (a chain cut) and never shares a channel
    assertThat(lines.get(2))
        .startsWith("| round-robin seed 3 | env.taskModel=fixed, env.distanceModel=fixed |")
        .contains("| 1.00 | 1.00 | 0.00 |");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CliHarness.Outcome bad = exec("policy-profile", empty.toString());
    assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bad.err()).contains("run folder").contains("run.yaml");
  }

  /**
   * --recipe: the finished runs of a recipe in a reproduction folder, in the recipe's order, the
   * others counted; the options that go with it are refused without it, a UCMS recipe is refused.
   */
  @Test
  void profilesTheFinishedRunsOfARecipe(@TempDir Path tmp) throws Exception {
    Recipe.Budget budget = new Recipe.Budget("quick", List.of(1L), Recipe.Budget.quick().slots());
    List<Sweeper.Planned> planned =
        RecipeRunner.status(Recipes.get("collab-table5"), budget, List.of(), tmp);
    List<RunSpec> greedy =
        planned.stream()
            .map(Sweeper.Planned::spec)
            .filter(sp -> sp.policy().equals("greedy"))
            .limit(2)
            .toList();
    assertThat(greedy).hasSize(2);
    // Finished in the reverse order: the table follows the recipe's.
    for (RunSpec sp : List.of(greedy.get(1), greedy.get(0))) {
      assertThat(RunExecutor.execute(sp, Sweeper.runsRoot(tmp), "threads").done()).isTrue();
    }
    CliHarness.Outcome o =
        exec(
            "policy-profile",
            "--recipe",
            "collab-table5",
            "--quick",
            "--seeds",
            "1",
            tmp.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.err()).contains("collab-table5: 2 of its " + planned.size() + " runs finished");
    List<String> lines = o.out().lines().toList();
    assertThat(lines).hasSize(4);
    for (int k = 0; k < 2; k++) {
      assertThat(lines.get(2 + k))
          .startsWith("| greedy seed 1 | " + String.join(", ", greedy.get(k).overrides()) + " |");
    }

    CliHarness.Outcome ucms = exec("policy-profile", "--recipe", "ucms-fig5", tmp.toString());
    assertThat(ucms.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(ucms.err()).contains("--recipe").contains("ucms-fig5").contains("collab-*");
    CliHarness.Outcome alone = exec("policy-profile", "--seeds", "1", tmp.toString());
    assertThat(alone.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(alone.err()).contains("--seeds and --quick go with --recipe");
  }
}
