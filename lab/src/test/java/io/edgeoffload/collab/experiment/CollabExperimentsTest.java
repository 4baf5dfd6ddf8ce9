package io.edgeoffload.collab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.recipe.Recipe;
import io.edgeoffload.lab.recipe.RecipeRunner;
import io.edgeoffload.lab.recipe.RecipeRuns;
import io.edgeoffload.lab.sweep.RunKind;
import io.edgeoffload.lab.sweep.RunKinds;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.ThreadPoolEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollabExperimentsTest {
  private static final List<Long> SEEDS = List.of(1L, 2L);

  /** An experiment as a recipe, reproduced through {@link RecipeRunner} on two threads. */
  private static RecipeRunner.Outcome reproduce(
      Path dir, long steps, BiConsumer<ExperimentOptions, RecipeRuns> body) throws Exception {
    Recipe r =
        new Recipe() {
          @Override
          public String id() {
            return "collab-test";
          }

          @Override
          public String description() {
            return "a COLLAB experiment under test";
          }

          @Override
          public void run(Budget budget, Path out, RecipeRuns runs) {
            body.accept(
                new ExperimentOptions(out, true, budget.seeds(), "collab-wide", steps), runs);
          }
        };
    return RecipeRunner.reproduce(
        r,
        new Recipe.Budget("quick", SEEDS, 1),
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
  }

  @Test
  void table5NonLearningColumnsCoverEveryModelAndDeviceCount(@TempDir Path dir) throws Exception {
    // quick runs learn only at 3 MDs; give 1 training step so they stay cheap
    RecipeRunner.Outcome o = reproduce(dir, 1, Table5::run);
    // per seed: 6 MD counts × 3 models × 2 non-learning columns + 3 models × 2 learned at 3 MDs
    assertThat(o.runs()).hasSize(2 * (6 * 3 * 2 + 3 * 2));
    List<String> rows = Files.readAllLines(dir.resolve("table5.csv"));
    assertThat(rows).hasSize(1 + 6 * 3 * 2 + 3 * 2);
    assertThat(Files.readString(dir.resolve("table5.md"))).contains("mobilenetv2");
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
