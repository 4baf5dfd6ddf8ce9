package io.edgeoffload.cli;

import static io.edgeoffload.cli.CliHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code uara solve}, {@code uara bench} and the UARA scheme through {@code run}. */
class UaraCliTest {
  @Test
  void solvePrintsTheSummaryAndVerifyReportsANonNegativeGap() {
    CliHarness.Outcome o =
        exec("uara", "solve", "--devices", "7", "--servers", "2", "--seed", "4", "--verify");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("association: local")
        .contains("iterations")
        .contains("dual value")
        .contains("primal objective")
        .contains("time")
        .contains("verify: exhaustive optimum");
    Matcher m = Pattern.compile("optimality gap (-?[0-9.]+)%").matcher(o.out());
    assertThat(m.find()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isGreaterThanOrEqualTo(-1e-9);
  }

  @Test
  void solveIsDeterministicPerSeedApartFromTheTime() {
    String a = exec("uara", "solve", "--devices", "60", "--load", "comm", "--seed", "5").out();
    String b = exec("uara", "solve", "--devices", "60", "--load", "comm", "--seed", "5").out();
    assertThat(a.replaceAll("time [0-9.]+ ms", "")).isEqualTo(b.replaceAll("time [0-9.]+ ms", ""));
  }

  @ParameterizedTest
  @CsvSource({
    "--devices, 0, --devices",
    "--servers, -1, --servers",
    "--alpha, -2, --alpha",
    "--load, heavy, --load",
    "--solver, best, solver",
    "--preset, nope, preset",
  })
  void invalidFlagsExitTwoNamingTheFlag(String flag, String value, String named) {
    CliHarness.Outcome o = exec("uara", "solve", flag, value);
    assertThat(o.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(o.err()).contains(named).contains(value);
  }

  @Test
  void verifyRefusesInstancesTooLargeToEnumerate() {
    CliHarness.Outcome o = exec("uara", "solve", "--devices", "30", "--verify");
    assertThat(o.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(o.err()).contains("too large");
  }

  @Test
  void benchPrintsOneRowPerSize() {
    CliHarness.Outcome o =
        exec("uara", "bench", "--devices", "50,200", "--servers", "5", "--repeats", "1");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).containsPattern("(?m)^\\s+50\\s").containsPattern("(?m)^\\s+200\\s");
  }

  @Test
  void runWithTheUaraSchemePrintsItsHeadlines(@TempDir Path tmp) {
    Path out = tmp.resolve("p");
    CliHarness.Outcome o =
        exec(
            "run",
            "--scheme",
            "uara",
            "--policy",
            "pricing",
            "--episodes",
            "2",
            "--seed",
            "1",
            "--set",
            "env.numDevices=20",
            "--out",
            out.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out())
        .contains("mean_latency_s")
        .contains("offload_share")
        .doesNotContain("timeout_rate");
    assertThat(Files.exists(out.resolve("plots").resolve("mean_latency_s.png"))).isTrue();
    assertThat(exec("list").out()).contains("uara").contains("max-sinr");
  }

  @Test
  void reproduceQuickWritesTheRecipeAndRefusesToOverwrite(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("fig8");
    // --dry-run counts the runs and writes nothing.
    CliHarness.Outcome plan =
        exec("reproduce", "uara-fig8", "--quick", "--out", out.toString(), "--dry-run");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).containsPattern("\\| all \\| +\\| (\\d+) \\| 0 \\| 0 \\| 0 \\| \\1 \\|");
    assertThat(Files.exists(out)).isFalse();
    CliHarness.Outcome o = exec("reproduce", "uara-fig8", "--quick", "--out", out.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(Files.exists(out.resolve("data.csv"))).isTrue();
    assertThat(Files.exists(out.resolve("plots").resolve("fig8a.png"))).isTrue();
    // Again into the same folder: a resumed sweep with nothing left to run.
    CliHarness.Outcome again = exec("reproduce", "uara-fig8", "--quick", "--out", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains(" already done").contains(", 0 run now");
    CliHarness.Outcome done =
        exec("reproduce", "uara-fig8", "--quick", "--out", out.toString(), "--dry-run");
    assertThat(done.out()).containsPattern("\\| all \\| +\\| (\\d+) \\| \\1 \\| 0 \\| 0 \\| 0 \\|");
    // A non-empty folder that is not a reproduction's is refused.
    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("notes.txt"), "mine");
    assertThat(exec("reproduce", "uara-fig8", "--quick", "--out", other.toString()).code())
        .isEqualTo(Main.EXIT_USAGE);
    assertThat(other.resolve("notes.txt")).hasContent("mine");
    CliHarness.Outcome unknown =
        exec("reproduce", "uara-fig9", "--quick", "--out", tmp.resolve("x").toString());
    assertThat(unknown.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(unknown.err()).contains("uara-fig4");
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
  }

  /**
   * Several recipes in one command (a list, or * for any text) run in order into one folder: a dry
   * run counts each and then their distinct runs; each renders into its own sub-folder; bad entries
   * are refused, naming them, before anything is written.
   */
  @Test
  void reproduceRunsAListOfRecipesIntoOneFolder(@TempDir Path tmp) throws Exception {
    assertThat(ReproduceCommand.resolve("uara-fig6, uara-fig*").stream().map(r -> r.id()))
        .containsExactly("uara-fig6", "uara-fig4", "uara-fig5", "uara-fig7", "uara-fig8");
    assertThat(ReproduceCommand.resolve("*table5").stream().map(r -> r.id()))
        .containsExactly("uara-table5", "collab-table5");
    Path out = tmp.resolve("both");
    CliHarness.Outcome plan =
        exec("reproduce", "uara-fig5,uara-fig6", "--quick", "--out", out.toString(), "--dry-run");
    assertThat(plan.code()).as(plan.err()).isZero();
    Matcher each =
        Pattern.compile("\\| all \\| +\\| (\\d+) \\| 0 \\| 0 \\| 0 \\| \\1 \\|")
            .matcher(plan.out());
    int sum = 0;
    while (each.find()) {
      sum += Integer.parseInt(each.group(1));
    }
    Matcher distinct =
        Pattern.compile("\\| all recipes \\| +\\| (\\d+) \\| 0 \\| 0 \\| 0 \\| \\1 \\|")
            .matcher(plan.out());
    assertThat(distinct.find()).as(plan.out()).isTrue();
    assertThat(plan.out()).contains("2 recipes, their runs counted once");
    assertThat(sum).isGreaterThan(0);
    assertThat(Integer.parseInt(distinct.group(1))).isBetween(1, sum);
    assertThat(Files.exists(out)).isFalse();
    CliHarness.Outcome o =
        exec("reproduce", "uara-fig5,uara-fig6", "--quick", "--out", out.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("uara-fig5 (quick budget)").contains("uara-fig6 (quick budget)");
    for (String id : List.of("uara-fig5", "uara-fig6")) {
      assertThat(out.resolve("recipes").resolve(id).resolve("data.csv")).isNotEmptyFile();
    }
    // Each recipe alone into the same folder: nothing left to run.
    for (String id : List.of("uara-fig5", "uara-fig6")) {
      CliHarness.Outcome done =
          exec("reproduce", id, "--quick", "--out", out.toString(), "--dry-run");
      assertThat(done.out())
          .containsPattern("\\| all \\| +\\| (\\d+) \\| \\1 \\| 0 \\| 0 \\| 0 \\|");
    }
    // An entry that is no recipe, or a pattern matching none: exit 2 naming it, nothing written.
    for (String bad : List.of("uara-fig4,uara-nope", "xyz-*", "uara-fig4,,uara-fig5")) {
      Path never = tmp.resolve("never");
      CliHarness.Outcome e = exec("reproduce", bad, "--quick", "--out", never.toString());
      assertThat(e.code()).as(bad).isEqualTo(Main.EXIT_USAGE);
      assertThat(e.err()).as(bad).containsAnyOf("uara-nope", "xyz-*", "empty entries");
      assertThat(Files.exists(never)).isFalse();
    }
  }

  /**
   * --render draws a recipe from the finished runs alone: without the results database (so while
   * another reproduction holds it), into DIR/recipes/<id>/ only, the same bytes as the reproduction
   * drew; with runs missing it exits 1 and writes nothing.
   */
  @Test
  void reproduceRenderDrawsFromTheFinishedRunsAlone(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("fig8");
    Path missing = tmp.resolve("missing");
    Files.createDirectories(missing);
    CliHarness.Outcome none =
        exec("reproduce", "uara-fig8", "--quick", "--out", missing.toString(), "--render");
    assertThat(none.code()).isEqualTo(Main.EXIT_FAILURE);
    assertThat(none.err()).contains("are not finished").contains("uara-fig8");
    try (var s = Files.list(missing)) {
      assertThat(s).isEmpty();
    }
    assertThat(exec("reproduce", "uara-fig8", "--quick", "--out", out.toString()).code()).isZero();
    Path own = out.resolve("recipes").resolve("uara-fig8");
    byte[] data = Files.readAllBytes(own.resolve("data.csv"));
    byte[] top = Files.readAllBytes(out.resolve("data.csv"));
    Files.delete(own.resolve("data.csv"));
    Files.delete(out.resolve("results.duckdb"));
    CliHarness.Outcome r =
        exec("reproduce", "uara-fig8", "--quick", "--out", out.toString(), "--render");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("uara-fig8: wrote");
    assertThat(Files.readAllBytes(own.resolve("data.csv"))).isEqualTo(data);
    assertThat(Files.readAllBytes(out.resolve("data.csv"))).isEqualTo(top);
    assertThat(out.resolve("results.duckdb")).doesNotExist();
    assertThat(
            exec(
                    "reproduce",
                    "uara-fig8",
                    "--quick",
                    "--out",
                    out.toString(),
                    "--render",
                    "--dry-run")
                .code())
        .isEqualTo(Main.EXIT_USAGE);
  }

  /**
   * --set reproduces a recipe under another setting: its runs carry the override first and are
   * other runs; the rendered table says so; a key the preset lacks is refused, naming it.
   */
  @Test
  void reproduceWithSetRunsOtherRunsAndSaysSo(@TempDir Path tmp) throws Exception {
    Path plain = tmp.resolve("plain");
    Path tuned = tmp.resolve("tuned");
    String set = "env.txOverhead=1.3";
    assertThat(exec("reproduce", "uara-fig8", "--quick", "--out", plain.toString()).code())
        .isZero();
    CliHarness.Outcome o =
        exec("reproduce", "uara-fig8", "--quick", "--set", set, "--out", tuned.toString());
    assertThat(o.code()).as(o.err()).isZero();
    List<String> plainIds = runIds(plain);
    List<String> tunedIds = runIds(tuned);
    assertThat(tunedIds).hasSameSizeAs(plainIds).doesNotContainAnyElementsOf(plainIds);
    try (var runs = Files.list(tuned.resolve("runs"))) {
      assertThat(runs)
          .allSatisfy(
              r ->
                  assertThat(Files.readString(r.resolve("run.yaml")))
                      .contains("overrides:\n  - " + set));
    }
    assertThat(Files.readString(tuned.resolve("summary.md")))
        .endsWith("Reproduced with `--set " + set + "` before each run's own settings.\n");
    assertThat(Files.readString(plain.resolve("summary.md"))).doesNotContain("Reproduced with");
    // The dry run plans the same runs: all done.
    CliHarness.Outcome done =
        exec(
            "reproduce",
            "uara-fig8",
            "--quick",
            "--set",
            set,
            "--out",
            tuned.toString(),
            "--dry-run");
    assertThat(done.out()).containsPattern("\\| all \\| +\\| (\\d+) \\| \\1 \\| 0 \\| 0 \\| 0 \\|");
    CliHarness.Outcome bad =
        exec(
            "reproduce",
            "uara-fig8",
            "--quick",
            "--set",
            "env.nope=1",
            "--out",
            tmp.resolve("bad").toString());
    assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bad.err()).contains("env.nope");
    assertThat(Files.exists(tmp.resolve("bad"))).isFalse();
  }

  private static List<String> runIds(Path out) throws java.io.IOException {
    try (var runs = Files.list(out.resolve("runs"))) {
      return runs.map(r -> r.getFileName().toString()).sorted().toList();
    }
  }

  /** --seeds replaces the budget's seeds: every row of the data is over exactly those. */
  @Test
  void reproduceRunsTheSeedsItIsGiven(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("fig4");
    CliHarness.Outcome o =
        exec("reproduce", "uara-fig4", "--quick", "--seeds", "2,7", "--out", out.toString());
    assertThat(o.code()).as(o.err()).isZero();
    List<String> lines = Files.readAllLines(out.resolve("data.csv"));
    int n = List.of(lines.get(0).split(",")).indexOf("n");
    assertThat(lines.subList(1, lines.size()))
        .isNotEmpty()
        .allMatch(l -> l.split(",", -1)[n].equals("2"));
    CliHarness.Outcome bad =
        exec("reproduce", "uara-fig4", "--seeds", "5-1", "--out", tmp.resolve("y").toString());
    assertThat(bad.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(bad.err()).contains("--seeds").contains("5-1");
    assertThat(Files.exists(tmp.resolve("y"))).isFalse();
  }
}
