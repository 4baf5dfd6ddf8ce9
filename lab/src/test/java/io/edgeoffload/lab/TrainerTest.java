package io.edgeoffload.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.ucms.UcmsConfig;
import io.edgeoffload.ucms.UcmsEnv;
import io.edgeoffload.ucms.UcmsScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training UCMS learners: smoke for every algorithm, "does it learn", and exact resumption. */
class TrainerTest {

  static final UcmsScheme SCHEME = new UcmsScheme();

  /** N = 4 UDs, M = 2 ESs, small critics: seconds per run. */
  static UcmsConfig small(String... extra) {
    List<String> sets =
        new java.util.ArrayList<>(
            List.of(
                "env.numUsers=4",
                "env.numServers=2",
                "maddpg.criticHidden=[64, 64]",
                "maddpg.warmupSteps=100"));
    sets.addAll(List.of(extra));
    return ResolvedConfig.resolve(SCHEME, "ucms-kb", null, sets).config();
  }

  static Scheme.PolicyFactory<UcmsConfig, UcmsEnv> trained(String algo, long seed, Path file) {
    return io.edgeoffload.lab.recipe.Trained.factory(SCHEME, algo, seed, file);
  }

  @Test
  void everyUcmsAlgorithmTrainsAndEvaluates(@TempDir Path dir) {
    UcmsConfig c = small("maddpg.warmupSteps=20", "maddpg.gradientSteps=1");
    for (String algo : SCHEME.learners().ids()) {
      Path run = dir.resolve(algo);
      Trainer.Result r =
          Trainer.train(
              SCHEME, c, algo, 5, 1, run, 2, false, Integer.MAX_VALUE, MetricsSink.NONE, null);
      assertThat(r.values()).hasNumberOfRows(5);
      assertThat(Files.exists(run.resolve(Trainer.CHECKPOINT))).isTrue();
      Runner.Result eval =
          Runner.run(SCHEME, c, trained(algo, 1, run.resolve(Trainer.CHECKPOINT)), 3, 9, null);
      for (double v : eval.column("cost")) {
        assertThat(v).as(algo).isFinite().isPositive();
      }
    }
  }

  /**
   * On N = 4, M = 2 (ucms-kb), 150 training episodes of UCMS_MADDPG bring the evaluation cost to at
   * most half the random policy's on the same evaluation episodes (measured: about a quarter).
   */
  @Test
  void ucmsMaddpgLearnsToBeatRandomByAWideMargin(@TempDir Path dir) {
    UcmsConfig c = small("maddpg.gradientSteps=6");
    Trainer.train(
        SCHEME,
        c,
        "ucms-maddpg",
        150,
        1,
        dir,
        150,
        false,
        Integer.MAX_VALUE,
        MetricsSink.NONE,
        null);
    Runner.Result learned =
        Runner.run(
            SCHEME, c, trained("ucms-maddpg", 1, dir.resolve(Trainer.CHECKPOINT)), 40, 77, null);
    Runner.Result random = Runner.run(SCHEME, c, "random", 40, 77, null);
    double mine = Stats.summarize(learned.column("cost")).mean();
    double theirs = Stats.summarize(random.column("cost")).mean();
    assertThat(mine).as("random %s", theirs).isLessThan(0.5 * theirs);
  }

  /** Interrupted after 6 episodes and resumed to 12: the same bytes as 12 in one go. */
  @Test
  void resumeEqualsUninterruptedToTheBit(@TempDir Path dir) throws IOException {
    UcmsConfig c = small("maddpg.warmupSteps=30");
    Path once = dir.resolve("once");
    Path twice = dir.resolve("twice");
    Trainer.train(
        SCHEME, c, "ucms-maddpg", 12, 4, once, 3, false, Integer.MAX_VALUE, MetricsSink.NONE, null);
    Trainer.train(SCHEME, c, "ucms-maddpg", 12, 4, twice, 3, false, 6, MetricsSink.NONE, null);
    assertThat(Files.readAllLines(twice.resolve(Trainer.EPISODES))).hasSize(7);
    Trainer.train(
        SCHEME, c, "ucms-maddpg", 12, 4, twice, 3, true, Integer.MAX_VALUE, MetricsSink.NONE, null);
    assertThat(Files.readAllBytes(twice.resolve(Trainer.CHECKPOINT)))
        .isEqualTo(Files.readAllBytes(once.resolve(Trainer.CHECKPOINT)));
    assertThat(Files.readString(twice.resolve(Trainer.EPISODES)))
        .isEqualTo(Files.readString(once.resolve(Trainer.EPISODES)));
    assertThat(Files.readString(twice.resolve(Trainer.STATE)))
        .isEqualTo(Files.readString(once.resolve(Trainer.STATE)));
  }

  /**
   * COLLAB's EMH-PPO resumes exactly too: 40 episodes (about 800 decisions, three 256-step
   * rollouts) against 20 + 20, the break falling inside a rollout that the checkpoint carries.
   */
  @Test
  void collabEmhPpoResumesToTheBit(@TempDir Path dir) throws IOException {
    var scheme = new io.edgeoffload.collab.CollabScheme();
    var c = ResolvedConfig.resolve(scheme, "collab-wide", null, List.of()).config();
    Path once = dir.resolve("once");
    Path twice = dir.resolve("twice");
    Trainer.Result full =
        Trainer.train(
            scheme,
            c,
            "emh-ppo",
            40,
            2,
            once,
            10,
            false,
            Integer.MAX_VALUE,
            MetricsSink.NONE,
            null);
    assertThat(full.learner().steps()).isGreaterThan(512); // at least two updates
    Trainer.train(scheme, c, "emh-ppo", 40, 2, twice, 10, false, 20, MetricsSink.NONE, null);
    Trainer.train(
        scheme, c, "emh-ppo", 40, 2, twice, 10, true, Integer.MAX_VALUE, MetricsSink.NONE, null);
    assertThat(Files.readAllBytes(twice.resolve(Trainer.CHECKPOINT)))
        .isEqualTo(Files.readAllBytes(once.resolve(Trainer.CHECKPOINT)));
    assertThat(Files.readString(twice.resolve(Trainer.EPISODES)))
        .isEqualTo(Files.readString(once.resolve(Trainer.EPISODES)));
  }
}
