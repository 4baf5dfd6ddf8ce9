package io.edgeoffload.collab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.collab.learn.EmhPpo;
import io.edgeoffload.lab.sweep.RunSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep run's {@code learner.*} overrides reach the learner it trains and saves. */
class LearnerSettingsRunTest {
  private static final List<String> SMALL = List.of("env.tasksMean=6", "env.maxTasks=30");

  @Test
  void aRunTrainsWithTheLearnerSettingsItWasGiven(@TempDir Path dir) throws Exception {
    List<String> sets = new ArrayList<>(SMALL);
    sets.add("learner.agentHidden=[16, 8]");
    sets.add("learner.entropyCoef=0.05");
    RunSpec spec =
        new RunSpec(
            "0",
            "t",
            CollabRunKinds.CURVE,
            "collab",
            "collab-wide",
            sets,
            "mahppo",
            4,
            1,
            0,
            Map.of("steps", "300", "every", "300", "quick", "true"),
            Map.of());
    new CollabRunKinds.Curve().execute(spec, dir.resolve("run"));
    Path saved = dir.resolve("run").resolve(CollabCheckpoints.FINAL);
    assertThat(saved).isRegularFile();

    // The saved learner loads into one built with the same settings (its text is checked) ...
    EmhPpo same =
        CollabSetup.learner("mahppo", CollabSetup.config("collab-wide", sets), env(sets), true, 4);
    same.load(saved);
    assertThat(same.config().settings().entropyCoef()).isEqualTo(0.05);
    assertThat(same.config().settings().agentHidden()).containsExactly(16, 8);
    // ... and not into one with the preset's.
    EmhPpo paper =
        CollabSetup.learner(
            "mahppo", CollabSetup.config("collab-wide", SMALL), env(SMALL), true, 4);
    assertThatThrownBy(() -> paper.load(saved))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("[16, 8]")
        .hasMessageContaining("ent=0.05");
  }

  private static io.edgeoffload.collab.CollabEnvBase env(List<String> sets) {
    return CollabSetup.env("collab-wide", sets);
  }
}
