package io.edgeoffload.cli;

import static io.edgeoffload.cli.CliHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoffload.lab.sweep.ResultsDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sweep} and {@code query} on the command line, and a sweep killed with SIGKILL. */
class SweepCliTest {
  static final String SPEC =
      """
      name: cli
      scheme: ucms
      preset: ucms-kb
      set: [env.slotsPerEpisode=5]
      grid:
        env.numUsers: [12, 24]
      policies: [random, greedy]
      seeds: 1-4
      episodes: 10
      """;

  static List<List<Object>> values(Path root) {
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      return db.query(
              "SELECT run_id, status, phase, episode, metric, value FROM runs"
                  + " JOIN episodes USING (run_id) ORDER BY ALL")
          .rows();
    }
  }

  @Test
  void sweepThenQueryAsTableCsvJsonAndExports(@TempDir Path tmp) throws Exception {
    Path spec = tmp.resolve("cli.yaml");
    Files.writeString(spec, SPEC);
    Path root = tmp.resolve("root");
    CliHarness.Outcome plan = exec("sweep", spec.toString(), "--out", root.toString(), "--dry-run");
    assertThat(plan.out())
        .contains("16 runs: 0 done, 0 resume, 0 adopt a finished training, 16 to run");
    assertThat(root).doesNotExist();
    CliHarness.Outcome o =
        exec("sweep", spec.toString(), "--out", root.toString(), "--parallel", "2");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("16 runs planned").contains("16 run now (0 failed)");
    assertThat(exec("sweep", spec.toString(), "--out", root.toString(), "--dry-run").out())
        .contains("16 runs: 16 done, 0 resume, 0 adopt a finished training, 0 to run");

    String sql =
        "SELECT policy, params.num AS users, count(*) AS n FROM runs JOIN params USING (run_id)"
            + " GROUP BY ALL ORDER BY ALL";
    CliHarness.Outcome table = exec("query", root.toString(), sql);
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("policy").contains("greedy").contains("(4 rows)");
    CliHarness.Outcome csv = exec("query", root.toString(), sql, "--csv");
    assertThat(csv.out().lines().toList())
        .containsExactly(
            "policy,users,n", "greedy,12.0,4", "greedy,24.0,4", "random,12.0,4", "random,24.0,4");
    CliHarness.Outcome json = exec("query", root.toString(), sql, "--json");
    JsonNode rows = new ObjectMapper().readTree(json.out());
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).get("policy").asText()).isEqualTo("greedy");
    assertThat(rows.get(0).get("n").asInt()).isEqualTo(4);

    Path export = tmp.resolve("export");
    CliHarness.Outcome ex =
        exec("query", root.toString(), "--export", export.toString(), "--format", "csv");
    assertThat(ex.code()).as(ex.err()).isZero();
    assertThat(Files.readString(export.resolve("runs.csv")).lines().count()).isEqualTo(17);

    CliHarness.Outcome bad = exec("query", root.toString(), "SELECT nope FROM runs");
    assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bad.err()).contains("nope");
  }

  @Test
  void malformedSpecExitsTwoNamingTheKeyAndWritesNothing(@TempDir Path tmp) throws Exception {
    Path spec = tmp.resolve("bad.yaml");
    Files.writeString(spec, SPEC.replace("env.numUsers:", "env.numUser:"));
    Path root = tmp.resolve("root");
    CliHarness.Outcome o = exec("sweep", spec.toString(), "--out", root.toString());
    assertThat(o.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(o.err()).contains("grid.env.numUser").contains("env.numUsers");
    assertThat(root).doesNotExist();
    // An engine that is not on the class path (the cli module does not carry Spark).
    Files.writeString(spec, SPEC);
    CliHarness.Outcome e =
        exec("sweep", spec.toString(), "--out", root.toString(), "--engine", "flink");
    assertThat(e.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(e.err()).contains("--engine").contains("threads");
    assertThat(root).doesNotExist();
    Files.writeString(spec, SPEC + "parallelism: 4\n");
    CliHarness.Outcome o2 = exec("sweep", spec.toString(), "--out", root.toString());
    assertThat(o2.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(o2.err()).contains("parallelism").contains("unknown key");
  }

  /**
   * The sweep runs in a child JVM that is killed with SIGKILL after a few runs have finished; the
   * sweep run again completes, and its database equals an uninterrupted sweep's, every run once.
   */
  @Test
  void aSweepKilledMidwayResumesToTheSameResults(@TempDir Path tmp) throws Exception {
    Path spec = tmp.resolve("cli.yaml");
    Files.writeString(spec, SPEC);
    Path killed = tmp.resolve("killed");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "io.edgeoffload.cli.Main",
                "sweep",
                spec.toString(),
                "--out",
                killed.toString(),
                "--parallel",
                "1")
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (finished(killed) < 4 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(child.isAlive()).as("the child finished before it was killed").isTrue();
    child.destroyForcibly(); // SIGKILL: no shutdown hooks, the database as the kill found it
    child.waitFor(30, TimeUnit.SECONDS);
    int before = finished(killed);
    assertThat(before).isBetween(4, 15);

    CliHarness.Outcome resumed = exec("sweep", spec.toString(), "--out", killed.toString());
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("16 runs planned");
    Path whole = tmp.resolve("whole");
    assertThat(exec("sweep", spec.toString(), "--out", whole.toString()).code()).isZero();
    try (ResultsDb db = ResultsDb.openReadOnly(killed)) {
      assertThat(db.query("SELECT count(*), count(DISTINCT run_id) FROM runs").rows().get(0))
          .containsExactly(16L, 16L);
    }
    assertThat(values(killed)).isEqualTo(values(whole));
  }

  private static int finished(Path root) throws Exception {
    Path runs = root.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(runs)) {
      return (int) s.filter(d -> Files.isRegularFile(d.resolve("result.json"))).count();
    }
  }
}
