package io.edgeoffload.collab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollabExperimentsTest {

  @Test
  void convergenceWritesCurvesTablesAndPlots(@TempDir Path dir) throws Exception {
    ExperimentOptions opt = new ExperimentOptions(dir, true, 2, "collab-wide", 300);
    List<Convergence.Result> results =
        Convergence.run(
            "smoke",
            List.of(
                new Convergence.Series("EMH-PPO", "emh-ppo", List.of("env.numDevices=2")),
                new Convergence.Series("local", "local-only", List.of("env.numDevices=2"))),
            opt);
    assertThat(results).hasSize(2);
    for (String f :
        List.of(
            "curves.csv", "final.csv", "summary.md", "reward.png", "latency.svg", "energy.png")) {
      assertThat(dir.resolve(f)).exists();
    }
    List<String> curves = Files.readAllLines(dir.resolve("curves.csv"));
    // header + 2 seeds × 11 evaluation points for the learner + 2 rows for the policy
    assertThat(curves).hasSize(1 + 2 * 11 + 2);
    // local-only evaluated with X_n = 50 on 2 MDs: 50 × 5·L_0 of ResNet-50, in every seed
    assertThat(results.get(1).summary(1).mean())
        .isCloseTo(50 * 5 * 8.603e-3, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void table5NonLearningColumnsCoverEveryModelAndDeviceCount(@TempDir Path dir) throws Exception {
    // no learned rows: quick runs learn only at 3 MDs; give 1 training step so they stay cheap
    ExperimentOptions opt = new ExperimentOptions(dir, true, 1, "collab-wide", 1);
    Table5.run(opt);
    List<String> rows = Files.readAllLines(dir.resolve("table5.csv"));
    // header + 6 MD counts × 3 models × 2 non-learning columns + 3 models × 2 learned at 3 MDs
    assertThat(rows).hasSize(1 + 6 * 3 * 2 + 3 * 2);
    assertThat(Files.readString(dir.resolve("table5.md"))).contains("mobilenetv2");
  }
}
