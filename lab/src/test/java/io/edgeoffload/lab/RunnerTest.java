package io.edgeoffload.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.ucms.UcmsConfig;
import io.edgeoffload.ucms.UcmsScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
  private static ResolvedConfig<UcmsConfig> kb(String... sets) {
    return ResolvedConfig.resolve(new UcmsScheme(), "ucms-kb", null, List.of(sets));
  }

  @Test
  void sameSeedSameResultsDifferentSeedDifferentResults() {
    ResolvedConfig<UcmsConfig> c = kb("env.numUsers=12");
    Runner.Result a = Runner.run(c.scheme(), c.config(), "random", 5, 7, null);
    Runner.Result b = Runner.run(c.scheme(), c.config(), "random", 5, 7, null);
    Runner.Result d = Runner.run(c.scheme(), c.config(), "random", 5, 8, null);
    assertThat(a.values()).isDeepEqualTo(b.values());
    assertThat(RunOutput.episodesCsv(a)).isEqualTo(RunOutput.episodesCsv(b));
    assertThat(RunOutput.episodesCsv(a)).isNotEqualTo(RunOutput.episodesCsv(d));
  }

  @Test
  void anEpisodeReplaysAloneFromItsSeed() {
    // Episode 3 of a 5-episode run equals episode 3 of a 4-episode run: seeds are per episode.
    ResolvedConfig<UcmsConfig> c = kb("env.numUsers=12");
    Runner.Result five = Runner.run(c.scheme(), c.config(), "greedy", 5, 3, null);
    Runner.Result four = Runner.run(c.scheme(), c.config(), "greedy", 4, 3, null);
    assertThat(five.values()[3]).isEqualTo(four.values()[3]);
  }

  @Test
  void metricsAreConsistentWithTheirDefinitions() {
    ResolvedConfig<UcmsConfig> c = kb();
    Runner.Result r = Runner.run(c.scheme(), c.config(), "all-local", 3, 1, null);
    for (double v : r.column("server_participation")) {
      assertThat(v).isZero();
    }
    for (double v : r.column("timeout_rate")) {
      assertThat(v).isBetween(0.0, 1.0);
    }
    Runner.Result o = Runner.run(c.scheme(), c.config(), "all-offload", 3, 1, null);
    // All 48 UDs ask; at most K = 10 subchannels per ES × 3 ESs approve: participation <= 30/48.
    for (double v : o.column("server_participation")) {
      assertThat(v).isGreaterThan(0.0).isLessThanOrEqualTo(30.0 / 48.0 + 1e-12);
    }
  }

  @Test
  void runFolderHasEveryFileAndRefusesToOverwrite(@TempDir Path tmp) throws Exception {
    ResolvedConfig<UcmsConfig> c = kb("env.numUsers=6");
    Runner.Result r = Runner.run(c.scheme(), c.config(), "greedy", 3, 1, null);
    Path dir = tmp.resolve("run");
    RunOutput.checkWritable(dir, false);
    RunOutput.RunInfo info =
        new RunOutput.RunInfo("ucms", "ucms-v1", "ucms-kb", "greedy", 3, 1, c.overrides(), null);
    RunOutput.write(dir, info, c.config(), r);
    assertThat(dir.resolve("config.yaml")).exists();
    assertThat(dir.resolve("episodes.csv")).exists();
    assertThat(dir.resolve("summary.json")).exists();
    assertThat(dir.resolve("plots/cost.png")).exists();
    assertThat(dir.resolve("plots/cost.svg")).exists();
    assertThat(Files.readString(dir.resolve("config.yaml")))
        .contains("numUsers: 6")
        .contains("git_commit")
        .contains("java_version");
    assertThat(Files.readAllLines(dir.resolve("episodes.csv"))).hasSize(4);
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("summary.json"))))
        .startsWith("rw-r--r");
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    assertThatThrownBy(() -> RunOutput.checkWritable(dir, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--force");
    RunOutput.checkWritable(dir, true);
  }

  @Test
  void aRunsConfigYamlReproducesTheRun(@TempDir Path tmp) {
    ResolvedConfig<UcmsConfig> c = kb("env.numUsers=9", "env.approval=lowest-cost");
    RunOutput.RunInfo info =
        new RunOutput.RunInfo("ucms", "ucms-v1", "ucms-kb", "random", 2, 5, c.overrides(), null);
    Path file = tmp.resolve("config.yaml");
    AtomicFiles.write(file, RunOutput.configYaml(info, c.config()));
    ResolvedConfig<UcmsConfig> again =
        ResolvedConfig.resolve(new UcmsScheme(), "ucms-kb", file, List.of());
    assertThat(again.config()).isEqualTo(c.config());
  }
}
