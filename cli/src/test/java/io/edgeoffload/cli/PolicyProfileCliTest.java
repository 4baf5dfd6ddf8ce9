package io.edgeoffload.cli;

import static io.edgeoffload.cli.CliHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.lab.sweep.RunExecutor;
import io.edgeoffload.lab.sweep.RunResult;
import io.edgeoffload.lab.sweep.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy-profile}: one Markdown row per finished COLLAB run; a clear error otherwise. */
class PolicyProfileCliTest {
  @Test
  void profilesAnEvaluationRunAndRefusesAFolderThatIsNotOne(@TempDir Path tmp) throws Exception {
    RunSpec spec =
        new RunSpec(
            "rr",
            "t",
            "collab-eval",
            "collab",
            "collab-wide",
            List.of("env.taskModel=fixed", "env.distanceModel=fixed"),
            "round-robin",
            3,
            2,
            0,
            Map.of(),
            Map.of());
    RunResult r = RunExecutor.execute(spec, tmp, "threads");
    assertThat(r.done()).as(r.error()).isTrue();
    CliHarness.Outcome o = exec("policy-profile", tmp.resolve("rr").toString());
    assertThat(o.code()).as(o.err()).isZero();
    List<String> lines = o.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("| run | setting | latency (ms) |");
    // round-robin always sends the raw input (a chain cut) and never shares a channel
    assertThat(lines.get(2))
        .startsWith("| round-robin seed 3 | env.taskModel=fixed, env.distanceModel=fixed |")
        .contains("| 1.00 | 1.00 | 0.00 |");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CliHarness.Outcome bad = exec("policy-profile", empty.toString());
    assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bad.err()).contains("run folder").contains("run.yaml");
  }
}
