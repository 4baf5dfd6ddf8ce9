package io.edgeoffload.collab.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.learn.CollabTraining.Position;
import io.edgeoffload.collab.learn.CollabTraining.Resume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The experiments' training loop resumes exactly: the learner's random stream runs on across
 * episodes there (it is not reseeded per episode as in the lab's trainer), so this checks that the
 * learner's saved state carries the stream's position and that the loop's position is enough.
 */
class CollabTrainingResumeTest {
  private static final long STEPS = 600;
  private static final long EVERY = 100;

  private record Save(Path learner, Position at, List<double[]> rows) {}

  private static CollabEnvBase env(String id) {
    return CollabLearnersTest.env(
        CollabLearners.registry().get(id).envSets(), "env.tasksMean=6", "env.maxTasks=30");
  }

  private static EmhPpo learner(String id, CollabEnvBase env, long seed) {
    CollabLearners.Entry e = CollabLearners.registry().get(id);
    return new EmhPpo(id, e.config().withSchedule(32, 16, 2, 1e-3), env, seed);
  }

  private static double[][] table(List<double[]> rows) {
    return rows.toArray(new double[0][]);
  }

  private static CollabTraining.Checkpointer recorder(EmhPpo learner, Path dir, List<Save> saves) {
    return (at, rows) -> {
      Path f = dir.resolve("save-" + saves.size() + ".bin");
      try {
        learner.save(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      saves.add(new Save(f, at, rows));
    };
  }

  /** The loop tells whoever runs it how far it is: every 1024 steps and at its end. */
  @Test
  void theLoopReportsItsProgressEvery1024StepsAndAtItsEnd() {
    List<Double> heard = new ArrayList<>();
    CollabEnvBase env = env("mahppo");
    try (io.edgeoffload.core.util.WorkProgress.Scope s =
        io.edgeoffload.core.util.WorkProgress.listen(heard::add)) {
      CollabTraining.train(learner("mahppo", env, 3), env, 2500, 3, null, (k, st, v) -> {});
    }
    assertThat(heard).containsExactly(1024 / 2500.0, 2048 / 2500.0, 1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"emh-ppo", "mahppo"})
  void aCurveResumedFromAnySaveEqualsTheUninterruptedOne(String id, @TempDir Path dir)
      throws Exception {
    EmhPpo plain = learner(id, env(id), 7);
    List<double[]> reference =
        CollabTraining.trainWithEvaluation(plain, env(id), env(id), STEPS, EVERY, 1, 5);
    plain.save(dir.resolve("plain.bin"));

    List<Save> saves = new ArrayList<>();
    EmhPpo saved = learner(id, env(id), 7);
    List<double[]> withSaves =
        CollabTraining.trainWithEvaluation(
            saved, env(id), env(id), STEPS, EVERY, 1, 5, null, recorder(saved, dir, saves));
    assertThat(table(withSaves))
        .as("saving does not change the run")
        .isDeepEqualTo(table(reference));
    // One save after each evaluation during training, at 100, …, 500 (600 ends the run).
    assertThat(saves).hasSize((int) (STEPS / EVERY) - 1);

    for (Save s : saves) {
      assertThat(s.at().step()).isBetween(1L, STEPS - 1);
      assertThat(s.rows()).hasSize((int) (s.at().step() / EVERY) + 1);
      // A fresh process: new environments, a learner built from another seed, then loaded.
      EmhPpo resumed = learner(id, env(id), 99);
      resumed.load(s.learner());
      List<double[]> rows =
          CollabTraining.trainWithEvaluation(
              resumed, env(id), env(id), STEPS, EVERY, 1, 5, new Resume(s.at(), s.rows()), null);
      assertThat(table(rows))
          .as("resumed at step %d", s.at().step())
          .isDeepEqualTo(table(reference));
      Path end = dir.resolve("resumed-" + s.at().step() + ".bin");
      resumed.save(end);
      assertThat(Files.mismatch(end, dir.resolve("plain.bin")))
          .as("learner bytes, resumed at step %d", s.at().step())
          .isEqualTo(-1L);
    }
  }

  @Test
  void aTrainingRunResumedFromASaveEndsWithTheSameLearner(@TempDir Path dir) throws Exception {
    String id = "emh-ppo";
    EmhPpo plain = learner(id, env(id), 3);
    long updates = CollabTraining.train(plain, env(id), STEPS, 9, null, (k, s, v) -> {});
    plain.save(dir.resolve("plain.bin"));

    List<Save> saves = new ArrayList<>();
    EmhPpo saved = learner(id, env(id), 3);
    CollabTraining.trainResumable(saved, env(id), STEPS, 9, null, recorder(saved, dir, saves), 150);
    assertThat(saves).hasSize(3); // after 150, 300, 450
    Save middle = saves.get(1);
    assertThat(middle.at().step()).isBetween(300L, 449L);

    EmhPpo resumed = learner(id, env(id), 4);
    resumed.load(middle.learner());
    long total =
        CollabTraining.trainResumable(
            resumed, env(id), STEPS, 9, new Resume(middle.at(), List.of()), null, 150);
    assertThat(total).isEqualTo(updates);
    resumed.save(dir.resolve("resumed.bin"));
    assertThat(Files.mismatch(dir.resolve("resumed.bin"), dir.resolve("plain.bin"))).isEqualTo(-1L);
  }

  @Test
  void aPositionPastTheRunIsRefused() {
    String id = "emh-ppo";
    EmhPpo l = learner(id, env(id), 1);
    assertThatThrownBy(
            () ->
                CollabTraining.trainResumable(
                    l, env(id), 10, 1, new Resume(new Position(11, 3, 0), List.of()), null, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("11")
        .hasMessageContaining("10 steps");
    assertThatThrownBy(() -> new Position(-1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("≥ 0");
  }
}
