package io.edgeoffload.collab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.collab.learn.CollabTraining.Checkpointer;
import io.edgeoffload.lab.sweep.RunKind;
import io.edgeoffload.lab.sweep.RunResult;
import io.edgeoffload.lab.sweep.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A COLLAB training run stopped after a checkpoint resumes to the outcome of an uninterrupted one.
 */
class CollabCheckpointsTest {
  private static final List<String> SMALL = List.of("env.tasksMean=6", "env.maxTasks=30");

  private static RunSpec spec(String kind, Map<String, String> params) {
    return new RunSpec(
        "0", "t", kind, "collab", "collab-wide", SMALL, "emh-ppo", 4, 2, 0, params, Map.of());
  }

  /** Lets {@code saves} checkpoints commit, then stops the run as a stopped sweep does. */
  private static UnaryOperator<Checkpointer> stopAfter(int saves) {
    return inner -> {
      int[] made = {0};
      return (at, rows) -> {
        inner.save(at, rows);
        if (++made[0] == saves) {
          throw new CancellationException("stopped after save " + saves);
        }
      };
    };
  }

  private static void assertSameOutcome(RunKind.Outcome a, RunKind.Outcome b) {
    assertThat(a.series()).hasSameSizeAs(b.series());
    for (int i = 0; i < a.series().size(); i++) {
      RunResult.Series x = a.series().get(i);
      RunResult.Series y = b.series().get(i);
      assertThat(x.phase()).isEqualTo(y.phase());
      assertThat(x.values()).as(x.phase()).isDeepEqualTo(y.values());
    }
  }

  private static long committedStep(Path runDir) throws Exception {
    Properties p = new Properties();
    try (var r =
        Files.newBufferedReader(runDir.resolve("checkpoint").resolve("state.properties"))) {
      p.load(r);
    }
    return Long.parseLong(p.getProperty("step"));
  }

  @Test
  void aCurveRunStoppedAfterACheckpointResumesToTheSameRows(@TempDir Path dir) throws Exception {
    RunSpec spec =
        spec(CollabRunKinds.CURVE, Map.of("steps", "1500", "every", "300", "quick", "true"));
    RunKind.Outcome reference = new CollabRunKinds.Curve().execute(spec, dir.resolve("plain"));
    assertThat(dir.resolve("plain").resolve("checkpoint")).as("cleared at the end").doesNotExist();

    Path run = dir.resolve("cut");
    assertThatThrownBy(() -> new CollabRunKinds.Curve(stopAfter(2)).execute(spec, run))
        .isInstanceOf(CancellationException.class);
    long step = committedStep(run);
    assertThat(step).isBetween(600L, 899L); // the first episode end after the evaluation at 600
    try (var files = Files.list(run.resolve("checkpoint"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("only the committed save is kept")
          .containsExactlyInAnyOrder(
              "state.properties", "learner-" + step + ".bin", "curve-" + step + ".csv");
    }

    RunKind.Outcome resumed = new CollabRunKinds.Curve().execute(spec, run);
    assertSameOutcome(resumed, reference);
    assertThat(resumed.series().get(0).values()).hasNumberOfRows(6); // 0, 300, …, 1500
    assertThat(run.resolve("checkpoint")).doesNotExist();
    // The trained learner is kept, and is the same whether or not the run was cut.
    assertThat(Files.mismatch(run.resolve("learner.bin"), dir.resolve("plain/learner.bin")))
        .isEqualTo(-1L);
  }

  @Test
  void aVariantsRunStoppedAfterACheckpointResumesToTheSameEvaluations(@TempDir Path dir)
      throws Exception {
    RunSpec spec =
        spec(
            CollabRunKinds.VARIANTS,
            Map.of("steps", "1000", "quick", "true", "variants", ";env.distanceModel=fixed"));
    RunKind.Outcome reference = new CollabRunKinds.Variants().execute(spec, dir.resolve("plain"));

    Path run = dir.resolve("cut");
    assertThatThrownBy(() -> new CollabRunKinds.Variants(stopAfter(3)).execute(spec, run))
        .isInstanceOf(CancellationException.class);
    assertThat(committedStep(run)).isBetween(300L, 399L);

    assertSameOutcome(new CollabRunKinds.Variants().execute(spec, run), reference);
    assertThat(run.resolve("checkpoint")).doesNotExist();
  }

  @Test
  void anUnreadableCheckpointIsReportedWithItsPath(@TempDir Path dir) throws Exception {
    RunSpec spec =
        spec(CollabRunKinds.CURVE, Map.of("steps", "600", "every", "200", "quick", "true"));
    Path run = dir.resolve("cut");
    assertThatThrownBy(() -> new CollabRunKinds.Curve(stopAfter(1)).execute(spec, run))
        .isInstanceOf(CancellationException.class);
    long step = committedStep(run);
    Files.write(run.resolve("checkpoint").resolve("learner-" + step + ".bin"), new byte[] {1, 2});
    assertThatThrownBy(() -> new CollabRunKinds.Curve().execute(spec, run))
        .hasMessageContaining("cannot resume from")
        .hasMessageContaining("state.properties");
  }
}
