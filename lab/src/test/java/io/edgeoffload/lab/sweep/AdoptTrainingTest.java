package io.edgeoffload.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.lab.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that evaluates after training adopts the finished training of the same run without
 * evaluation, and its outcome equals that of the run trained from scratch.
 */
class AdoptTrainingTest {
  private static final List<String> SETS =
      List.of(
          "env.numUsers=4",
          "env.numServers=2",
          "maddpg.criticHidden=[32, 32]",
          "maddpg.actorHidden=[16, 16]",
          "maddpg.warmupSteps=20",
          "maddpg.batchSize=16");

  private static RunSpec spec(int evalEpisodes, int trainEpisodes) {
    RunSpec base =
        new RunSpec(
            "x", "t", "train", "ucms", "ucms-kb", SETS, "ucms-maddpg", 2, 0, 1, Map.of(), Map.of());
    return Sweeps.identified(
        "t",
        "train",
        "ucms",
        "ucms-kb",
        SETS,
        RunKinds.resolve(base).config(),
        "ucms-maddpg",
        2,
        evalEpisodes,
        trainEpisodes,
        Map.of(),
        Map.of());
  }

  private static void assertSameValues(RunKind.Outcome a, RunKind.Outcome b) {
    assertThat(a.series()).hasSameSizeAs(b.series());
    for (int i = 0; i < a.series().size(); i++) {
      assertThat(a.series().get(i).phase()).isEqualTo(b.series().get(i).phase());
      assertThat(a.series().get(i).values())
          .as(a.series().get(i).phase())
          .isDeepEqualTo(b.series().get(i).values());
    }
  }

  @Test
  void anEvaluatedRunAdoptsTheFinishedTrainingOfItsCurveRun(@TempDir Path dir) throws Exception {
    RunKind train = RunKinds.get("train");
    RunSpec curve = spec(0, 30);
    RunSpec evaluated = spec(3, 30);
    assertThat(evaluated.id()).isNotEqualTo(curve.id());

    Path runs = dir.resolve("shared").resolve("runs");
    train.execute(curve, runs.resolve(curve.id()));
    Path donor = runs.resolve(curve.id()).resolve("train");
    byte[] donorLearner = Files.readAllBytes(donor.resolve(Trainer.CHECKPOINT));
    assertThat(train.adoptableFrom(evaluated, runs)).isEqualTo(curve.id());
    assertThat(train.adoptableFrom(curve, runs)).isNull();
    RunKind.Outcome adopted = train.execute(evaluated, runs.resolve(evaluated.id()));
    Path adoptedTrain = runs.resolve(evaluated.id()).resolve("train");
    assertThat(Files.readString(adoptedTrain.resolve(RunKinds.Train.ADOPTED)).trim())
        .isEqualTo(curve.id());
    assertThat(Files.readAllBytes(donor.resolve(Trainer.CHECKPOINT)))
        .as("the donor is untouched")
        .isEqualTo(donorLearner);

    // The same run trained from scratch elsewhere: the same training and evaluation values.
    Path alone = dir.resolve("alone").resolve("runs").resolve(evaluated.id());
    assertThat(train.adoptableFrom(evaluated, alone.getParent())).isNull();
    RunKind.Outcome fresh = train.execute(evaluated, alone);
    assertThat(alone.resolve("train").resolve(RunKinds.Train.ADOPTED)).doesNotExist();
    assertSameValues(adopted, fresh);
    assertThat(adopted.series().stream().map(RunResult.Series::phase)).contains("train", "eval");
  }

  /**
   * {@code edgeoffload prune} on a sweep folder: finished trainings keep their policies; a run that
   * adopts a pruned training, and a pruned run evaluated again, give the values of unpruned ones.
   * Runs without a result (still running) are left alone.
   */
  @Test
  void prunedTrainingsAreAdoptedAndEvaluatedAsBefore(@TempDir Path dir) throws Exception {
    RunKind train = RunKinds.get("train");
    RunSpec curve = spec(0, 30);
    RunSpec evaluated = spec(3, 30);
    RunSpec running = spec(0, 10);
    Path runs = dir.resolve("sweep").resolve("runs");
    RunExecutor.execute(curve, runs, "test");
    Path unfinished = runs.resolve(running.id()).resolve("train");
    Trainer.train(
        new io.edgeoffload.ucms.UcmsScheme(),
        (io.edgeoffload.ucms.UcmsConfig) config(running),
        "ucms-maddpg",
        10,
        2,
        unfinished,
        5,
        false,
        5,
        io.edgeoffload.core.metrics.MetricsSink.NONE,
        null);
    java.io.StringWriter out = new java.io.StringWriter();
    io.edgeoffload.lab.Prune.Report r =
        io.edgeoffload.lab.Prune.run(
            List.of(dir.resolve("sweep")), false, new java.io.PrintWriter(out));
    assertThat(r.pruned()).isEqualTo(1);
    assertThat(r.freed()).isPositive();
    Path donor = runs.resolve(curve.id()).resolve("train");
    assertThat(donor.resolve(Trainer.CHECKPOINT)).doesNotExist();
    assertThat(donor.resolve(Trainer.POLICY)).isRegularFile();
    assertThat(unfinished.resolve(Trainer.CHECKPOINT)).isRegularFile();
    assertThat(out.toString()).contains(curve.id()).contains("pruned: ");

    RunKind.Outcome adopted = train.execute(evaluated, runs.resolve(evaluated.id()));
    RunKind.Outcome fresh =
        train.execute(evaluated, dir.resolve("alone").resolve("runs").resolve(evaluated.id()));
    assertSameValues(adopted, fresh);

    RunExecutor.execute(evaluated, dir.resolve("alone").resolve("runs"), "test");
    io.edgeoffload.lab.Prune.run(
        List.of(dir.resolve("alone")), false, new java.io.PrintWriter(out));
    RunKind.Outcome again =
        train.execute(evaluated, dir.resolve("alone").resolve("runs").resolve(evaluated.id()));
    assertSameValues(again, fresh);
    io.edgeoffload.lab.Prune.Report twice =
        io.edgeoffload.lab.Prune.run(
            List.of(dir.resolve("sweep")), true, new java.io.PrintWriter(out));
    assertThat(twice.pruned()).isZero();
    assertThat(twice.already()).isEqualTo(1);
  }

  @Test
  void onlyAFinishedTrainingOfTheSameBudgetIsAdopted(@TempDir Path dir) throws Exception {
    RunKind train = RunKinds.get("train");
    Path runs = dir.resolve("runs");
    RunSpec shorter = spec(0, 20);
    train.execute(shorter, runs.resolve(shorter.id()));
    Path donor = runs.resolve(shorter.id()).resolve("train");
    assertThat(Trainer.finished(donor, 20)).isTrue();
    assertThat(Trainer.finished(donor, 30)).isFalse();
    assertThat(Trainer.finished(dir.resolve("nowhere"), 20)).isFalse();

    // A 30-episode evaluated run finds no 30-episode training to adopt and trains itself.
    RunSpec evaluated = spec(3, 30);
    assertThat(RunKinds.Train.adoptTraining(evaluated, config(evaluated), runs.resolve("a")))
        .isFalse();
    // A run without evaluation never adopts (it is what others adopt).
    assertThat(RunKinds.Train.adoptTraining(spec(0, 20), config(shorter), runs.resolve("b")))
        .isFalse();
    assertThat(RunKinds.Train.adoptTraining(spec(3, 20), config(shorter), runs.resolve("c")))
        .isTrue();
    assertThat(runs.resolve("c").resolve("train").resolve(Trainer.STATE)).isRegularFile();
  }

  private static Object config(RunSpec spec) {
    return RunKinds.resolve(spec).config();
  }
}
