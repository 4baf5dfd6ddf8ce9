package io.edgeoffload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edgeoffload report}: the page and its files after a sweep; a root without results. */
class ReportCliTest {
  @Test
  void reportAfterASweepWritesThePageTablesAndFigures(@TempDir Path tmp) throws Exception {
    Path spec = tmp.resolve("tiny.yaml");
    Files.writeString(
        spec,
        """
        name: tiny
        scheme: ucms
        preset: ucms-kb
        set: [env.slotsPerEpisode=2, env.numUsers=4]
        policies: [random, greedy]
        seeds: [1, 2]
        episodes: 1
        """);
    Path root = tmp.resolve("root");
    CliHarness.Outcome s =
        CliHarness.exec("sweep", spec.toString(), "--out", root.toString(), "--parallel", "1");
    assertThat(s.code()).as(s.err()).isZero();
    Path page = tmp.resolve("elsewhere/page.html");
    CliHarness.Outcome r = CliHarness.exec("report", root.toString(), "--out", page.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote " + page);
    assertThat(Files.readString(page)).contains("Sweep report: tiny", "4 done", "greedy");
    assertThat(root.resolve("report.html")).doesNotExist();
    assertThat(root.resolve("report/tables.md")).isRegularFile();
    assertThat(root.resolve("report/tables.tex")).isRegularFile();
    assertThat(root.resolve("report/eval-cost.png")).isRegularFile();
    assertThat(root.resolve("report/eval-cost.svg")).isRegularFile();
  }

  @Test
  void aRootWithoutResultsExitsTwo(@TempDir Path tmp) {
    CliHarness.Outcome r = CliHarness.exec("report", tmp.resolve("none").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("ROOT").contains("results.duckdb");
  }
}
