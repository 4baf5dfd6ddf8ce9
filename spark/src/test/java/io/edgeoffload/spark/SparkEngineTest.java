package io.edgeoffload.spark;

import static io.edgeoffload.lab.sweep.RecordedValues.count;
import static io.edgeoffload.lab.sweep.RecordedValues.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.lab.recipe.CollabRecipes;
import io.edgeoffload.lab.recipe.Recipe;
import io.edgeoffload.lab.recipe.RecipeRunner;
import io.edgeoffload.lab.sweep.ResultsDb;
import io.edgeoffload.lab.sweep.RunKinds;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.SweepEngine;
import io.edgeoffload.lab.sweep.SweepEngines;
import io.edgeoffload.lab.sweep.SweepSpec;
import io.edgeoffload.lab.sweep.Sweeper;
import io.edgeoffload.lab.sweep.Sweeps;
import io.edgeoffload.lab.sweep.ThreadPoolEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark engine on {@code local[2]} against the thread pool: the same sweep records identical
 * values; a failing run is recorded as failed and the others finish; a stopped sweep keeps each
 * finished run once and a re-run completes it. One Spark context serves the class (it takes seconds
 * to start).
 */
class SparkEngineTest {
  /** 2 UARA sizes × 2 policies × 3 seeds = 12 short evaluation runs. */
  static final String UARA =
      """
      name: spark-uara
      scheme: uara
      preset: uara
      set: [env.slotsPerEpisode=2, env.numServers=2]
      grid:
        env.numDevices: [5, 9]
      policies: [pricing, random]
      seeds: 1-3
      episodes: 2
      """;

  /** One short MADDPG training run (4 episodes) then its evaluation, on a tiny UCMS instance. */
  static final String TRAIN =
      """
      name: spark-train
      scheme: ucms
      preset: ucms-kb
      set: [env.numUsers=4, env.numServers=2, env.slotsPerEpisode=3]
      train:
        algos: [ucms-maddpg]
        episodes: 4
        set: ["maddpg.criticHidden=[16, 16]", "maddpg.actorHidden=[16, 16]", maddpg.warmupSteps=5]
      seeds: [1]
      episodes: 2
      """;

  static JavaSparkContext spark;

  @BeforeAll
  static void startSpark() {
    spark = new JavaSparkContext(SparkEngine.conf("local[2]"));
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  static SweepEngine sparkEngine() {
    return new SparkEngine(spark);
  }

  @Test
  void sparkAndTheThreadPoolRecordIdenticalValues(@TempDir Path dir) throws Exception {
    SweepSpec uara = SweepSpec.parse(UARA);
    SweepSpec train = SweepSpec.parse(TRAIN);
    for (SweepSpec s : List.of(uara, train)) {
      Sweeper.run(s, dir.resolve("threads"), new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
      try (SweepEngine e = sparkEngine()) {
        Sweeper.Outcome o = Sweeper.run(s, dir.resolve("spark"), e, false, Integer.MAX_VALUE);
        assertThat(o.failed()).isZero();
      }
    }
    Path threads = dir.resolve("threads");
    Path sparkRoot = dir.resolve("spark");
    assertThat(count(sparkRoot, "SELECT count(*) FROM runs WHERE engine = 'spark'"))
        .isEqualTo(12 + 1);
    assertThat(count(sparkRoot, "SELECT count(*) FROM episodes WHERE phase = 'train'"))
        .isPositive();
    String uaraEval =
        " FROM episodes JOIN runs USING (run_id) WHERE scheme = 'uara' AND phase = 'eval'";
    long metrics = count(sparkRoot, "SELECT count(DISTINCT metric)" + uaraEval);
    assertThat(metrics).isPositive();
    assertThat(count(sparkRoot, "SELECT count(*)" + uaraEval)).isEqualTo(12 * 2 * metrics);
    assertThat(values(sparkRoot)).isEqualTo(values(threads));
    // local[2]: never more than two runs at once (runs overlapping each run's start, itself too).
    assertThat(
            count(
                sparkRoot,
                "SELECT max((SELECT count(*) FROM runs s WHERE s.started <= r.started"
                    + " AND r.started < s.finished)) FROM runs r"))
        .isBetween(1L, 2L);
    // The context outlives engines that did not start it.
    assertThat(spark.sc().isStopped()).isFalse();
  }

  /**
   * A COLLAB reproduction (Fig. 12 at 200 training steps, seeds 1 and 2: 8 learning curves and 8
   * evaluations, local-only at each β) runs on Spark unchanged and renders the same curves as on
   * the thread pool.
   */
  @Test
  void aCollabReproductionRendersTheSameOnSparkAsOnThreads(@TempDir Path dir) throws Exception {
    Recipe fig12 = CollabRecipes.withSteps("collab-fig12", 200);
    Recipe.Budget b = new Recipe.Budget("quick", List.of(1L, 2L), 1);
    RecipeRunner.reproduce(
        fig12, b, dir.resolve("threads"), new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    RecipeRunner.Outcome o;
    try (SweepEngine e = sparkEngine()) {
      o = RecipeRunner.reproduce(fig12, b, dir.resolve("spark"), e, false, Integer.MAX_VALUE);
    }
    assertThat(o.sweep().done()).isEqualTo(16);
    assertThat(count(dir.resolve("spark"), "SELECT count(*) FROM runs WHERE engine = 'spark'"))
        .isEqualTo(16);
    assertThat(dir.resolve("spark/curves.csv"))
        .hasContent(java.nio.file.Files.readString(dir.resolve("threads/curves.csv")));
    assertThat(values(dir.resolve("spark"))).isEqualTo(values(dir.resolve("threads")));
  }

  @Test
  void aFailingRunIsRecordedAsFailedAndTheOthersFinish(@TempDir Path root) throws Exception {
    List<RunSpec> runs = new ArrayList<>();
    List<String> set = List.of("env.numDevices=5", "env.slotsPerEpisode=2");
    Object config =
        RunKinds.resolve(
                new RunSpec(
                    "x", "", "eval", "uara", "uara", set, "random", 0, 1, 0, Map.of(), Map.of()))
            .config();
    for (String policy : List.of("random", "no-such-policy", "pricing")) {
      runs.add(
          Sweeps.identified(
              "flaky", "eval", "uara", "uara", set, config, policy, 1, 1, 0, Map.of(), Map.of()));
    }
    try (SweepEngine e = sparkEngine()) {
      Sweeper.Outcome o =
          Sweeper.run("flaky", "runs that fail", runs, root, e, false, Integer.MAX_VALUE);
      assertThat(o.done()).isEqualTo(2);
      assertThat(o.failed()).isEqualTo(1);
    }
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      List<List<Object>> rows =
          db.query("SELECT policy, status, error, engine FROM runs ORDER BY policy").rows();
      assertThat(rows)
          .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(3))
          .containsExactly(
              "no-such-policy failed spark", "pricing done spark", "random done spark");
      assertThat((String) rows.get(0).get(2)).contains("no-such-policy");
    }
  }

  @Test
  void aStoppedSweepKeepsEachFinishedRunOnceAndAReRunCompletesIt(@TempDir Path dir)
      throws Exception {
    SweepSpec spec = SweepSpec.parse(UARA);
    Path whole = dir.resolve("whole");
    Path cut = dir.resolve("cut");
    Sweeper.run(spec, whole, new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    try (SweepEngine e = sparkEngine()) {
      assertThatThrownBy(() -> Sweeper.run(spec, cut, e, false, 4))
          .isInstanceOf(InterruptedException.class);
    }
    long first = count(cut, "SELECT count(*) FROM runs");
    assertThat(first).isBetween(4L, 11L);
    assertThat(count(cut, "SELECT count(DISTINCT run_id) FROM runs")).isEqualTo(first);
    Sweeper.Outcome rest;
    try (SweepEngine e = sparkEngine()) {
      rest = Sweeper.run(spec, cut, e, false, Integer.MAX_VALUE);
    }
    assertThat(rest.skipped()).isEqualTo((int) first);
    assertThat(rest.done() + rest.recovered()).isEqualTo(12 - (int) first);
    assertThat(count(cut, "SELECT count(*) FROM runs")).isEqualTo(12);
    assertThat(count(cut, "SELECT count(DISTINCT run_id) FROM runs")).isEqualTo(12);
    assertThat(values(cut)).isEqualTo(values(whole));
  }

  @Test
  void interruptingTheCallerCancelsTheJobsAndThrows(@TempDir Path root) throws Exception {
    SweepSpec spec = SweepSpec.parse(UARA.replace("seeds: 1-3", "seeds: 1-40"));
    List<RunSpec> runs = Sweeps.plan(spec);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    CountDownLatch firstDone = new CountDownLatch(1);
    int[] sunk = new int[1];
    Thread caller =
        new Thread(
            () -> {
              try (SweepEngine e = sparkEngine()) {
                e.execute(
                    runs,
                    Sweeper.runsRoot(root),
                    (s, r) -> {
                      sunk[0]++;
                      firstDone.countDown();
                    });
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.start();
    firstDone.await();
    caller.interrupt();
    caller.join(60_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(sunk[0]).isLessThan(runs.size());
    // The cancelled tasks end (an interrupted run stops between two episodes) before the
    // temporary folder is removed. The engine waits for them too, but from Spark's status
    // tracker, which can lag a task's start (so this test does not assert that it has).
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (java.util.Arrays.stream(spark.sc().statusTracker().getExecutorInfos())
            .anyMatch(x -> x.numRunningTasks() > 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    // The context survives the cancellation and runs the next job.
    assertThat(spark.parallelize(List.of(1, 2, 3), 2).count()).isEqualTo(3);
  }

  @Test
  void theProviderIsFoundByNameAndUsesTheActiveContext() {
    assertThat(SweepEngines.names()).contains("spark");
    try (SweepEngine e = SweepEngines.create("spark", new SweepEngine.Options(1, null))) {
      assertThat(e).isInstanceOf(SparkEngine.class);
      assertThat(((SparkEngine) e).context().sc()).isSameAs(spark.sc());
      assertThat(e.parallelism()).isEqualTo(2);
    }
    assertThat(spark.sc().isStopped()).isFalse();
  }

  @Test
  void theMasterComesFromTheOptionsThenSparkConfThenLocal() {
    assertThat(SparkEngine.conf("local[3]").get("spark.master")).isEqualTo("local[3]");
    String before = System.getProperty("spark.master");
    try {
      System.setProperty("spark.master", "spark://example:7077");
      assertThat(SparkEngine.conf(null).get("spark.master")).isEqualTo("spark://example:7077");
      assertThat(SparkEngine.conf(null).contains("spark.ui.enabled")).isFalse();
      System.clearProperty("spark.master");
      assertThat(SparkEngine.conf(null).get("spark.master")).isEqualTo("local[*]");
      assertThat(SparkEngine.conf(null).get("spark.ui.enabled")).isEqualTo("false");
    } finally {
      if (before != null) {
        System.setProperty("spark.master", before);
      }
    }
  }
}
