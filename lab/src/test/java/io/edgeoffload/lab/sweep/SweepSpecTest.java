package io.edgeoffload.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sweep specs: parsing, the grid product, identity, and errors that name the bad key. */
class SweepSpecTest {
  static final String SMALL =
      """
      name: small
      scheme: ucms
      preset: ucms-kb
      set: [env.slotsPerEpisode=3]
      grid:
        env.numUsers: [4, 6]
        env.numServers: [2, 3]
      policies: [random, greedy]
      seeds: 1-3
      episodes: 2
      """;

  @Test
  void gridIsTheProductOfItsKeysTimesPoliciesTimesSeeds() {
    SweepSpec s = SweepSpec.parse(SMALL);
    assertThat(s.points()).hasSize(4);
    assertThat(s.seeds()).containsExactly(1L, 2L, 3L);
    List<RunSpec> runs = Sweeps.plan(s);
    assertThat(runs).hasSize(4 * 2 * 3);
    assertThat(runs.stream().map(RunSpec::id).distinct()).hasSize(runs.size());
    assertThat(runs.get(0).overrides())
        .containsExactly("env.slotsPerEpisode=3", "env.numUsers=4", "env.numServers=2");
    assertThat(runs.get(0).pointLabel()).isEqualTo("env.numUsers=4, env.numServers=2");
  }

  @Test
  void identityIsTheResolvedConfigurationNotItsSpelling() {
    // 48 users is the preset's own value: saying so again is the same run.
    SweepSpec a =
        SweepSpec.parse(
            "name: a\nscheme: ucms\npreset: ucms-kb\npolicies: [random]\nseeds: [7]\nepisodes: 1\n");
    SweepSpec b =
        SweepSpec.parse(
            "name: b\nscheme: ucms\npreset: ucms-kb\nset: [env.numUsers=48, env.bandwidth=40 MHz]\n"
                + "policies: [random]\nseeds: [7]\nepisodes: 1\n");
    SweepSpec c =
        SweepSpec.parse(
            "name: c\nscheme: ucms\npreset: ucms-kb\nset: [env.numUsers=47]\n"
                + "policies: [random]\nseeds: [7]\nepisodes: 1\n");
    String idA = Sweeps.plan(a).get(0).id();
    assertThat(Sweeps.plan(b).get(0).id()).isEqualTo(idA);
    assertThat(Sweeps.plan(c).get(0).id()).isNotEqualTo(idA);
    assertThat(idA).matches("[0-9a-f]{16}");
  }

  @Test
  void learnerRunsTrainThenEvaluate() {
    SweepSpec s =
        SweepSpec.parse(
            SMALL.replace(
                "policies: [random, greedy]",
                "policies: [random]\ntrain:\n  algos: [ucms-maddpg, maddpg]\n  episodes: 4\n"
                    + "  set: [maddpg.warmupSteps=5]"));
    List<RunSpec> runs = Sweeps.plan(s);
    assertThat(runs).hasSize(4 * 3 * 3);
    RunSpec t = runs.stream().filter(r -> r.kind().equals("train")).findFirst().orElseThrow();
    assertThat(t.trainEpisodes()).isEqualTo(4);
    assertThat(t.overrides()).endsWith("maddpg.warmupSteps=5");
  }

  /**
   * Probes are part of a training run's identity when asked for, and absent ids stay as they were.
   */
  @Test
  void probesArePartOfATrainingRunsIdentity() {
    String base = SMALL + "train:\n  algos: [ucms-maddpg]\n  episodes: 3\n";
    RunSpec plain = train(Sweeps.plan(SweepSpec.parse(base)));
    RunSpec probed =
        train(Sweeps.plan(SweepSpec.parse(base + "  probe: {every: 2, episodes: 4}\n")));
    assertThat(plain.params()).isEmpty();
    assertThat(probed.params())
        .containsEntry("probeEvery", "2")
        .containsEntry("probeEpisodes", "4");
    assertThat(probed.id()).isNotEqualTo(plain.id());
    // Evaluation runs do not train, so probes do not touch them.
    assertThat(Sweeps.plan(SweepSpec.parse(base)).get(0).id())
        .isEqualTo(
            Sweeps.plan(SweepSpec.parse(base + "  probe: {every: 2, episodes: 4}\n")).get(0).id());
  }

  private static RunSpec train(List<RunSpec> runs) {
    return runs.stream().filter(r -> r.kind().equals("train")).findFirst().orElseThrow();
  }

  @Test
  void malformedSpecsNameTheBadKey() {
    assertBad(SMALL + "paralel: 3\n", "paralel", "unknown key");
    assertBad(SMALL.replace("env.numUsers: [4, 6]", "env.numUsrs: [4, 6]"), "grid.env.numUsrs", "");
    assertBad(SMALL.replace("env.numUsers: [4, 6]", "env.numUsers: []"), "grid.env.numUsers", "");
    assertBad(SMALL.replace("env.numUsers: [4, 6]", "env.numUsers: [-4]"), "grid.env.numUsers", "");
    assertBad(SMALL.replace("[env.slotsPerEpisode=3]", "[env.slots=3]"), "set.env.slots", "");
    assertBad(SMALL.replace("seeds: 1-3", "seeds: 3-1"), "seeds", "");
    assertBad(SMALL.replace("seeds: 1-3", "seeds: one"), "seeds", "");
    assertBad(SMALL.replace("seeds: 1-3\n", ""), "seeds", "required");
    assertBad(SMALL.replace("random, greedy", "random, grredy"), "policies", "greedy");
    assertBad(SMALL.replace("preset: ucms-kb", "preset: nope"), "preset", "ucms-kb");
    assertBad(SMALL.replace("scheme: ucms", "scheme: ucsm"), "scheme", "ucms");
    assertBad(SMALL.replace("episodes: 2", "episodes: 0"), "episodes", "");
    assertBad(SMALL.replace("name: small", "name: a/b"), "name", "");
    assertBad(SMALL + "train:\n  algos: [ucms-maddpg]\n  epsiodes: 3\n", "train.epsiodes", "");
    assertBad(SMALL + "train:\n  algos: [dqn]\n  episodes: 3\n", "train.algos", "ucms-maddpg");
    assertBad("name: [x\n", "sweep", "YAML");
    String train = SMALL + "train:\n  algos: [ucms-maddpg]\n  episodes: 3\n";
    assertBad(train + "  probe: {every: 0, episodes: 2}\n", "train.probe.every", "≥ 1");
    assertBad(train + "  probe: {every: 5}\n", "train.probe.episodes", "required");
    assertBad(train + "  probe: {evry: 5, episodes: 2}\n", "train.probe.evry", "unknown key");
    assertBad(train + "  probe: 5\n", "train.probe", "map");
    assertBad(
        train + "  probe: {every: 5, episodes: 2, select: first}\n", "train.probe.select", "best");
  }

  private static void assertBad(String yaml, String key, String mentions) {
    assertThatThrownBy(() -> Sweeps.plan(SweepSpec.parse(yaml)))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key))
        .hasMessageContaining(mentions);
  }

  /**
   * train.kind runs the learners under another run kind: a COLLAB curve run at a step budget,
   * planned with exactly the recipe's identity when it has the recipe's params, so that a sweep and
   * a reproduction in one folder share their runs; learner settings enter the id.
   */
  @Test
  void learnerRunsOfAnotherKindCarryItsParamsAndShareRecipeRuns() {
    String base =
        """
        name: probe
        scheme: collab
        preset: collab-wide
        grid:
          learner.entropyCoef: [0.01, 0.05]
        train:
          algos: [emh-ppo]
          kind: collab-curve
          params: {steps: 4000, every: 400, quick: true, version: 2}
        seeds: [1]
        episodes: 3
        """;
    List<RunSpec> runs = Sweeps.plan(SweepSpec.parse(base));
    assertThat(runs).hasSize(2);
    assertThat(runs)
        .allSatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo("collab-curve");
              assertThat(r.trainEpisodes()).isZero();
              assertThat(r.params())
                  .containsEntry("steps", "4000")
                  .containsEntry("every", "400")
                  .containsEntry("quick", "true");
            });
    assertThat(runs.get(0).id()).isNotEqualTo(runs.get(1).id());
    // At the preset's entropy weight it is the quick Fig. 6 recipe's EMH-PPO run of seed 1.
    List<RunSpec> fig6 =
        io.edgeoffload.lab.recipe.RecipeRunner.plan(
            io.edgeoffload.lab.recipe.Recipes.get("collab-fig6"),
            new io.edgeoffload.lab.recipe.Recipe.Budget("quick", List.of(1L), 1));
    assertThat(fig6.stream().map(RunSpec::id)).contains(runs.get(0).id());

    assertThatThrownBy(
            () -> Sweeps.plan(SweepSpec.parse(base.replace("kind: collab-curve", "kind: nope"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("train.kind")
        .hasMessageContaining("collab-curve");
    assertThatThrownBy(
            () ->
                SweepSpec.parse(
                    base.replace("  kind: collab-curve", "  episodes: 5\n  kind: collab-curve")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("train.episodes");
    assertThatThrownBy(() -> SweepSpec.parse(base.replace("  kind: collab-curve\n", "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("train.params");
    // AgileNN trains with half of the features kept local: a sweep must say so, as recipes do.
    assertThatThrownBy(
            () ->
                Sweeps.plan(SweepSpec.parse(base.replace("algos: [emh-ppo]", "algos: [agilenn]"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("env.featureSplit=0.5");
    assertThat(
            Sweeps.plan(
                SweepSpec.parse(
                    base.replace(
                        "algos: [emh-ppo]", "algos: [agilenn]\n  set: [env.featureSplit=0.5]"))))
        .hasSize(2);
  }
}
