package io.edgeoffload.lab.sweep;

import static io.edgeoffload.lab.sweep.RecordedValues.count;
import static io.edgeoffload.lab.sweep.RecordedValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps end to end on the thread pool: every run recorded exactly once; an interrupted sweep,
 * re-run, equals an uninterrupted one; failures are recorded and do not stop the sweep; a database
 * lost after the runs is rebuilt from the run folders.
 */
class SweeperTest {
  static final SweepSpec SPEC = SweepSpec.parse(SweepSpecTest.SMALL);

  @Test
  void everyRunIsRecordedOnceWithItsEpisodesAndSummaries(@TempDir Path root) throws Exception {
    Sweeper.Outcome o = Sweeper.run(SPEC, root, new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    int n = 4 * 2 * 3;
    assertThat(o.planned()).isEqualTo(n);
    assertThat(o.done()).isEqualTo(n);
    assertThat(o.failed()).isZero();
    assertThat(count(root, "SELECT count(*) FROM runs")).isEqualTo(n);
    assertThat(count(root, "SELECT count(DISTINCT run_id) FROM runs WHERE status = 'done'"))
        .isEqualTo(n);
    long metrics = count(root, "SELECT count(DISTINCT metric) FROM episodes");
    assertThat(count(root, "SELECT count(*) FROM episodes")).isEqualTo(n * 2L * metrics);
    assertThat(count(root, "SELECT count(*) FROM summaries")).isEqualTo(n * metrics);
    assertThat(count(root, "SELECT count(*) FROM params")).isEqualTo(n * 2L);
    assertThat(count(root, "SELECT count(*) FROM params WHERE num IS NULL")).isZero();
    // Files of a finished run, and the exports.
    String id = Sweeps.plan(SPEC).get(0).id();
    for (String f : List.of("run.yaml", "eval_episodes.csv", "summary.json", "result.json")) {
      assertThat(root.resolve("runs").resolve(id).resolve(f)).isRegularFile();
    }
    for (String t : ResultsDb.TABLES) {
      assertThat(root.resolve("export").resolve(t + ".parquet")).isRegularFile();
      assertThat(root.resolve("export").resolve(t + ".csv")).isRegularFile();
    }
    assertThat(root.resolve("sweeps/small.yaml")).hasContent(SPEC.text());

    // A second call has nothing to do.
    Sweeper.Outcome again =
        Sweeper.run(SPEC, root, new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    assertThat(again.skipped()).isEqualTo(n);
    assertThat(again.done() + again.failed() + again.recovered()).isZero();
    assertThat(count(root, "SELECT count(*) FROM runs")).isEqualTo(n);
  }

  @Test
  void anInterruptedSweepResumedEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
    Path whole = dir.resolve("whole");
    Path cut = dir.resolve("cut");
    Sweeper.run(SPEC, whole, new ThreadPoolEngine(1), false, Integer.MAX_VALUE);
    assertThatThrownBy(() -> Sweeper.run(SPEC, cut, new ThreadPoolEngine(2), false, 5))
        .isInstanceOf(InterruptedException.class);
    long first = count(cut, "SELECT count(*) FROM runs");
    assertThat(first).isBetween(5L, 23L);
    Sweeper.Outcome rest =
        Sweeper.run(SPEC, cut, new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    assertThat(rest.skipped() + rest.recovered()).isGreaterThanOrEqualTo((int) first);
    assertThat(rest.done()).isEqualTo(24 - rest.skipped() - rest.recovered());
    assertThat(count(cut, "SELECT count(*) FROM runs")).isEqualTo(24);
    assertThat(count(cut, "SELECT count(DISTINCT run_id) FROM runs")).isEqualTo(24);
    assertThat(values(cut)).isEqualTo(values(whole));
  }

  /**
   * {@code select: best} evaluates the learner of the best probe: the run records it as the phase
   * {@code selected}, whose one row is the probe with the highest reward, and its id differs from
   * the same run without it.
   */
  @Test
  void selectBestEvaluatesTheBestProbedLearner(@TempDir Path root) throws Exception {
    String text =
        """
        name: best
        scheme: ucms
        preset: ucms-kb
        set: [env.numUsers=4, env.numServers=2, "maddpg.criticHidden=[32, 32]"]
        train:
          algos: [ucms-maddpg]
          episodes: 8
          set: [maddpg.warmupSteps=50, maddpg.batchSize=16, maddpg.actorLr=0.05]
          probe: {every: 2, episodes: 2, select: best}
        seeds: [3]
        episodes: 2
        """;
    SweepSpec spec = SweepSpec.parse(text);
    SweepSpec plain = SweepSpec.parse(text.replace(", select: best", ""));
    assertThat(Sweeps.plan(spec).get(0).id()).isNotEqualTo(Sweeps.plan(plain).get(0).id());
    Sweeper.Outcome o = Sweeper.run(spec, root, new ThreadPoolEngine(1), false, Integer.MAX_VALUE);
    assertThat(o.failed()).isZero();
    assertThat(
            count(
                root,
                "SELECT count(*) FROM episodes WHERE phase = 'selected'"
                    + " AND metric = 'trained_episodes'"))
        .isEqualTo(1);
    double best =
        ((Number)
                valueOf(
                    root,
                    "SELECT max(value) FROM episodes WHERE phase = 'probe' AND metric = 'reward'"))
            .doubleValue();
    double chosen =
        ((Number)
                valueOf(
                    root,
                    "SELECT value FROM episodes WHERE phase = 'selected' AND metric = 'reward'"))
            .doubleValue();
    assertThat(chosen).isEqualTo(best);
    // The evaluation is the best probed learner's, not the last one's (which differs from it: a
    // 0.05 actor learning rate wrecks the policy once updates start at episode 5).
    RunSpec run = Sweeps.plan(spec).get(0);
    Path train = root.resolve("runs").resolve(run.id()).resolve("train");
    assertThat(Files.readAllBytes(train.resolve("best.bin")))
        .isNotEqualTo(Files.readAllBytes(train.resolve("checkpoint.bin")));
    var scheme = new io.edgeoffload.ucms.UcmsScheme();
    var config =
        scheme.configFor(
            "ucms-maddpg", (io.edgeoffload.ucms.UcmsConfig) RunKinds.resolve(run).config());
    io.edgeoffload.lab.Runner.Result byHand =
        io.edgeoffload.lab.Runner.run(
            scheme,
            config,
            io.edgeoffload.lab.recipe.Trained.factory(
                scheme, "ucms-maddpg", 3, train.resolve("best.bin")),
            2,
            io.edgeoffload.core.random.RandomStreams.derive(3, "evaluation"),
            null);
    double recorded =
        ((Number)
                valueOf(
                    root,
                    "SELECT sum(value) FROM episodes WHERE phase = 'eval' AND metric = 'reward'"))
            .doubleValue();
    double[] rewards = byHand.column("reward");
    assertThat(recorded)
        .isCloseTo(rewards[0] + rewards[1], org.assertj.core.data.Offset.offset(1e-12));
  }

  static Object valueOf(Path root, String sql) {
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      return db.query(sql).rows().get(0).get(0);
    }
  }

  /**
   * A sweep stopped while a long training run is in flight returns only once that run has stopped:
   * no thread of its pool is left writing into a folder that the next sweep resumes, and the run's
   * folder holds no result, so the next sweep runs it again from its checkpoint. (Before, the
   * abandoned run trained on beside the resumed one, and a reproduction cut and resumed at once
   * could differ from an uninterrupted one.)
   */
  @Test
  void aStoppedSweepLeavesNoRunInFlight(@TempDir Path root) throws Exception {
    SweepSpec spec =
        SweepSpec.parse(
            """
            name: stop
            scheme: ucms
            preset: ucms-kb
            set: [env.numUsers=4, env.numServers=2, "maddpg.criticHidden=[32, 32]"]
            policies: [random]
            train:
              algos: [ucms-maddpg]
              episodes: 100000
              set: [maddpg.warmupSteps=20, maddpg.batchSize=16]
            seeds: [1]
            episodes: 2
            """);
    assertThatThrownBy(() -> Sweeper.run(spec, root, new ThreadPoolEngine(2), false, 1))
        .isInstanceOf(InterruptedException.class);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.isAlive() && t.getName().startsWith("sweep-"));
    RunSpec training =
        Sweeps.plan(spec).stream().filter(r -> r.policy().equals("ucms-maddpg")).findFirst().get();
    assertThat(RunExecutor.read(Sweeper.runsRoot(root), training.id())).isNull();
  }

  @Test
  void oneThreadAndTwoGiveIdenticalResults(@TempDir Path dir) throws Exception {
    SweepSpec spec =
        SweepSpec.parse(
            SweepSpecTest.SMALL
                .replace("scheme: ucms\npreset: ucms-kb", "scheme: uara\npreset: uara")
                .replace("[env.slotsPerEpisode=3]", "[env.slotsPerEpisode=2]")
                .replace("env.numUsers: [4, 6]", "env.numDevices: [5, 9]")
                .replace("random, greedy", "pricing, random"));
    Sweeper.run(spec, dir.resolve("one"), new ThreadPoolEngine(1), false, Integer.MAX_VALUE);
    Sweeper.run(spec, dir.resolve("two"), new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    long metrics = count(dir.resolve("one"), "SELECT count(DISTINCT metric) FROM episodes");
    assertThat(values(dir.resolve("two")))
        .isEqualTo(values(dir.resolve("one")))
        .hasSize((int) (24 * 2 * metrics));
  }

  /** A run kind that fails for odd seeds (seed 3 by running out of memory). */
  static final class Flaky extends EvalLikeKind {
    Flaky() {
      super("test-flaky", "fails for odd seeds");
    }

    @Override
    void before(RunSpec spec) {
      if (spec.seed() == 3) {
        throw new OutOfMemoryError("seed 3 wants the moon");
      }
      if (spec.seed() % 2 == 1) {
        throw new IllegalStateException("seed " + spec.seed() + " is odd");
      }
    }
  }

  @Test
  void aFailingRunIsRecordedWithItsErrorAndTheOthersFinish(@TempDir Path root) throws Exception {
    RunKinds.register(new Flaky());
    List<RunSpec> runs = new ArrayList<>();
    for (long seed = 1; seed <= 4; seed++) {
      runs.add(
          Sweeps.identified(
              "flaky",
              "test-flaky",
              "ucms",
              "ucms-kb",
              List.of("env.numUsers=4", "env.slotsPerEpisode=2"),
              RunKinds.resolve(
                      new RunSpec(
                          "x",
                          "",
                          "eval",
                          "ucms",
                          "ucms-kb",
                          List.of("env.numUsers=4", "env.slotsPerEpisode=2"),
                          "random",
                          0,
                          1,
                          0,
                          Map.of(),
                          Map.of()))
                  .config(),
              "random",
              seed,
              1,
              0,
              Map.of(),
              Map.of()));
    }
    Sweeper.Outcome o =
        Sweeper.run(
            "flaky", "flaky runs\n", runs, root, new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    assertThat(o.done()).isEqualTo(2);
    assertThat(o.failed()).isEqualTo(2);
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      List<List<Object>> failed =
          db.query("SELECT seed, error FROM runs WHERE status = 'failed' ORDER BY seed").rows();
      assertThat(failed).hasSize(2);
      assertThat(failed.get(0).get(0)).isEqualTo(1L);
      assertThat((String) failed.get(0).get(1)).contains("IllegalStateException: seed 1 is odd");
      // Running out of memory fails the run, not the sweep, and says what to do.
      assertThat((String) failed.get(1).get(1))
          .contains("OutOfMemoryError: seed 3 wants the moon")
          .contains("--parallel");
    }
    // Failed runs are tried again; done ones are not.
    Sweeper.Outcome again =
        Sweeper.run(
            "flaky", "flaky runs\n", runs, root, new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    assertThat(again.skipped()).isEqualTo(2);
    assertThat(again.failed()).isEqualTo(2);
    assertThat(count(root, "SELECT count(*) FROM runs")).isEqualTo(4);
  }

  @Test
  void aLostDatabaseIsRebuiltFromTheRunFolders(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("root");
    Sweeper.run(SPEC, root, new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    List<List<Object>> before = values(root);
    Files.delete(root.resolve(ResultsDb.FILE));
    Sweeper.Outcome o = Sweeper.run(SPEC, root, new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    assertThat(o.recovered()).isEqualTo(24);
    assertThat(o.done() + o.failed()).isZero();
    assertThat(values(root)).isEqualTo(before);
  }

  @Test
  void queriesAreCheckedAndNamed(@TempDir Path root) {
    assertThatThrownBy(() -> ResultsDb.openReadOnly(root))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("results.duckdb");
  }

  /**
   * A training run with probes records four phases: its training episodes, the learner's scalars
   * per episode in which it updated, the probes, and the evaluation; summary.json has all four.
   */
  @Test
  void trainingRunsRecordTheLearnerAndTheProbes(@TempDir Path root) throws Exception {
    SweepSpec spec =
        SweepSpec.parse(
            """
            name: probes
            scheme: ucms
            preset: ucms-kb
            set: [env.numUsers=4, env.numServers=2, "maddpg.criticHidden=[32, 32]"]
            train:
              algos: [ucms-maddpg]
              episodes: 12
              set: [maddpg.warmupSteps=20, maddpg.batchSize=16]
              probe: {every: 4, episodes: 2}
            seeds: [3]
            episodes: 2
            """);
    Sweeper.Outcome o = Sweeper.run(spec, root, new ThreadPoolEngine(1), false, Integer.MAX_VALUE);
    assertThat(o.failed()).isZero();
    assertThat(count(root, "SELECT count(DISTINCT phase) FROM episodes")).isEqualTo(4);
    assertThat(count(root, "SELECT count(DISTINCT episode) FROM episodes WHERE phase = 'probe'"))
        .isEqualTo(3);
    assertThat(
            count(
                root,
                "SELECT min(value) FROM episodes WHERE phase = 'learner'"
                    + " AND metric = 'train_episode'"))
        .isEqualTo(1); // 20 warm-up steps: the first update ends episode 1 (10 slots each)
    assertThat(
            count(
                root,
                "SELECT max(value) FROM episodes WHERE phase = 'probe'"
                    + " AND metric = 'trained_episodes'"))
        .isEqualTo(12);
    assertThat(
            count(
                root,
                "SELECT count(*) FROM episodes WHERE phase = 'learner'"
                    + " AND metric = 'losses/critic' AND isfinite(value)"))
        .isEqualTo(11);
    String id = Sweeps.plan(spec).get(0).id();
    String summary = Files.readString(root.resolve("runs").resolve(id).resolve("summary.json"));
    assertThat(summary).contains("\"learner\"", "\"probe\"", "\"train\"", "\"eval\"");
    assertThat(root.resolve("runs").resolve(id).resolve("probe_episodes.csv")).isRegularFile();
  }
}
