package io.edgeoffload.cli;

import static io.edgeoffload.cli.CliHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

  private static CliHarness.Outcome run(Path out, String... extra) {
    return runWith(out, "1", "20", extra);
  }

  /** The documented run command with a seed and an episode count of the test's choosing. */
  private static CliHarness.Outcome runWith(
      Path out, String seed, String episodes, String... extra) {
    String[] base = {
      "run",
      "--scheme",
      "ucms",
      "--preset",
      "ucms-kb",
      "--policy",
      "greedy",
      "--episodes",
      episodes,
      "--seed",
      seed,
      "--out",
      out.toString()
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return exec(all);
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        files.put(
            dir.relativize(p).toString(),
            Files.getLastModifiedTime(p) + ":" + Arrays.hashCode(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  @Test
  void theDocumentedRunCommandWritesEveryOutput(@TempDir Path tmp) {
    Path dir = tmp.resolve("greedy");
    CliHarness.Outcome o = run(dir);
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("wrote").contains("timeout_rate");
    for (String f :
        new String[] {
          "config.yaml", "episodes.csv", "summary.json", "plots/reward.png", "plots/reward.svg"
        }) {
      assertThat(dir.resolve(f)).exists();
    }
  }

  @Test
  void sameSeedGivesAByteIdenticalEpisodesFile(@TempDir Path tmp) throws IOException {
    assertThat(run(tmp.resolve("a")).code()).isZero();
    assertThat(run(tmp.resolve("b")).code()).isZero();
    assertThat(Files.readAllBytes(tmp.resolve("a/episodes.csv")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b/episodes.csv")));
  }

  @Test
  void badPresetValueExitsTwoNamingTheKeyAndWritesNothing(@TempDir Path tmp) {
    Path dir = tmp.resolve("bad");
    CliHarness.Outcome o = run(dir, "--set", "env.numUsers=0");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("env.numUsers").contains("'0'").contains("1 <= numUsers");
    assertThat(dir).doesNotExist();
    CliHarness.Outcome unit = run(dir, "--set", "env.storage=400 MiB");
    assertThat(unit.code()).isEqualTo(2);
    assertThat(unit.err()).contains("env.storage").contains("MiB");
    CliHarness.Outcome order = run(dir, "--set", "env.deadlineMin=2 s");
    assertThat(order.code()).isEqualTo(2);
    assertThat(order.err()).contains("env.deadlineMin").contains("deadlineMax");
    assertThat(dir).doesNotExist();
  }

  @Test
  void unknownKeysAndIdsExitTwoWithTheValidChoices(@TempDir Path tmp) {
    Path dir = tmp.resolve("x");
    CliHarness.Outcome key = run(dir, "--set", "env.numUser=3");
    assertThat(key.code()).isEqualTo(2);
    assertThat(key.err()).contains("env.numUser").contains("env.numUsers");
    CliHarness.Outcome policy =
        exec("run", "--preset", "ucms-kb", "--policy", "nope", "--out", dir.toString());
    assertThat(policy.code()).isEqualTo(2);
    assertThat(policy.err()).contains("greedy").contains("all-local");
    CliHarness.Outcome preset =
        exec("run", "--preset", "nope", "--policy", "greedy", "--out", dir.toString());
    assertThat(preset.code()).isEqualTo(2);
    assertThat(preset.err()).contains("ucms-kb");
    CliHarness.Outcome scheme =
        exec("run", "--scheme", "nope", "--policy", "greedy", "--out", dir.toString());
    assertThat(scheme.code()).isEqualTo(2);
    assertThat(scheme.err()).contains("ucms");
    assertThat(exec("run", "--policy", "greedy").code()).as("missing --out").isEqualTo(2);
    assertThat(exec("run", "--bogus").code()).isEqualTo(2);
    CliHarness.Outcome zero = runWith(dir, "1", "0");
    assertThat(zero.code()).isEqualTo(2);
    assertThat(zero.err()).contains("--episodes");
    assertThat(dir).doesNotExist();
  }

  @Test
  void existingRunIsNotOverwrittenWithoutForce(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("run");
    assertThat(run(dir).code()).isZero();
    Map<String, String> before = snapshot(dir);
    CliHarness.Outcome again = runWith(dir, "2", "20");
    assertThat(again.code()).isNotZero();
    assertThat(again.err()).contains("exists and is not empty").contains("--force");
    assertThat(snapshot(dir)).isEqualTo(before);
    CliHarness.Outcome forced = runWith(dir, "2", "20", "--force");
    assertThat(forced.code()).isZero();
    assertThat(Files.readString(dir.resolve("config.yaml"))).contains("seed: 2");
  }

  @Test
  void listShowsSchemesPresetsAndPolicies() {
    CliHarness.Outcome o = exec("list");
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("ucms")
        .contains("ucms-paper")
        .contains("ucms-kb")
        .contains("all-local")
        .contains("all-offload")
        .contains("random")
        .contains("greedy")
        .contains("earliest-deadline");
  }

  @Test
  void everySubcommandHasHelp() {
    for (String sub : new String[] {"run", "list", "demo", "compare", "bench"}) {
      CliHarness.Outcome o = exec(sub, "--help");
      assertThat(o.code()).as(sub).isZero();
      assertThat(o.out()).as(sub).contains("Usage: edgeoffload " + sub);
    }
    assertThat(exec("--help").code()).isZero();
    assertThat(exec("--version").out()).contains("edgeoffload");
  }

  /**
   * picocli wraps each description element on its own, so an element hand-wrapped to ~90 columns is
   * cut again at 80 and leaves a short line in mid-sentence ("a trained" / "learner (a ..."): one
   * element per paragraph reads as one paragraph. Checked on every command's rendered help.
   */
  @Test
  void noHelpTextIsCutInMidSentence() {
    List<String> cuts = new ArrayList<>();
    Deque<CommandLine> todo = new ArrayDeque<>();
    todo.add(Main.commandLine());
    int commands = 0;
    while (!todo.isEmpty()) {
      CommandLine c = todo.pop();
      todo.addAll(c.getSubcommands().values());
      commands++;
      String[] lines = c.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\\R");
      for (int i = 1; i < lines.length; i++) {
        String prev = lines[i - 1];
        // A description line (not indented) shorter than most, continued in lower case.
        if (!prev.isBlank()
            && !prev.startsWith(" ")
            && prev.length() < 60
            && lines[i].matches("[a-z(].*")) {
          cuts.add(c.getCommandName() + ": [" + prev + "] / [" + lines[i] + "]");
        }
      }
    }
    assertThat(commands).isGreaterThan(20);
    assertThat(cuts).isEmpty();
  }

  @Test
  void demoComparesEveryPolicy(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("demo");
    CliHarness.Outcome o = exec("demo", "--episodes", "3", "--out", dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains(dir.toAbsolutePath().normalize().toString());
    String md = Files.readString(dir.resolve("summary.md"));
    for (String p : new String[] {"all-local", "all-offload", "random", "greedy"}) {
      assertThat(md).contains("| " + p + " |");
      assertThat(o.out()).as("printed table").contains("| " + p + " |");
      assertThat(dir.resolve(p).resolve("episodes.csv")).exists();
    }
    assertThat(dir.resolve("comparison/cost.png")).exists();
    assertThat(dir.resolve("comparison/cost_bars.svg")).exists();
  }

  @Test
  void benchRunsAndReportsThroughput() {
    CliHarness.Outcome o =
        exec(
            "bench",
            "--preset",
            "ucms-kb",
            "--seconds",
            "0.05",
            "--iterations",
            "2",
            "--warmup",
            "0");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("agent-steps/s");
  }

  @Test
  void compareOverSeedsGivesIntervalsOverSeedMeans(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("cmp");
    CliHarness.Outcome o =
        exec(
            "compare",
            "--preset",
            "ucms-kb",
            "--policies",
            "greedy,random",
            "--episodes",
            "4",
            "--seeds",
            "1-3",
            "--set",
            "env.numUsers=12",
            "--out",
            dir.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("over the 3 seed means").contains("| greedy |");
    assertThat(dir.resolve("greedy/seed-2/episodes.csv")).exists();
    assertThat(dir.resolve("random/seed-3/summary.json")).exists();
    assertThat(Files.readString(dir.resolve("summary.csv"))).contains("greedy,cost,3,");
    CliHarness.Outcome bad =
        exec("compare", "--seeds", "5-1", "--out", tmp.resolve("x").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--seeds");
    CliHarness.Outcome policy =
        exec("compare", "--policies", "greedy,nope", "--out", tmp.resolve("y").toString());
    assertThat(policy.code()).isEqualTo(2);
    assertThat(tmp.resolve("y")).doesNotExist();
  }
}
