package io.edgeoffload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCliTest {

  static final String[] SMALL = {
    "--scheme", "ucms", "--preset", "ucms-kb",
    "--set", "env.numUsers=4", "--set", "env.numServers=2",
    "--set", "maddpg.criticHidden=[32]", "--set", "maddpg.warmupSteps=20"
  };

  static String[] args(String... tail) {
    String[] a = new String[SMALL.length + tail.length + 1];
    a[0] = "train";
    System.arraycopy(SMALL, 0, a, 1, SMALL.length);
    System.arraycopy(tail, 0, a, 1 + SMALL.length, tail.length);
    return a;
  }

  @Test
  void trainInterruptResumeAndEvaluate(@TempDir Path dir) throws Exception {
    Path once = dir.resolve("once");
    Path twice = dir.resolve("twice");
    CliHarness.Outcome a =
        CliHarness.exec(
            args(
                "--algo",
                "maddpg",
                "--episodes",
                "8",
                "--seed",
                "3",
                "--out",
                once.toString(),
                "--checkpoint-every",
                "2",
                "--probe-every",
                "2",
                "--probe-episodes",
                "1",
                "--eval-episodes",
                "2"));
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).contains("8 of 8 episodes trained").contains("eval cost");
    assertThat(once.resolve("eval/episodes.csv")).exists();
    assertThat(once.resolve("plots/train_reward.png")).exists();
    assertThat(once.resolve("plots/probe_cost.png")).exists();
    assertThat(Files.readAllLines(once.resolve("train_probe.csv"))).hasSize(1 + 4);

    CliHarness.Outcome b =
        CliHarness.exec(
            args(
                "--algo",
                "maddpg",
                "--episodes",
                "8",
                "--seed",
                "3",
                "--out",
                twice.toString(),
                "--checkpoint-every",
                "2",
                "--probe-every",
                "2",
                "--probe-episodes",
                "1",
                "--stop-after",
                "4"));
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.out()).contains("4 of 8 episodes trained");
    CliHarness.Outcome c =
        CliHarness.exec("train", "--resume", twice.toString(), "--eval-episodes", "2");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("8 of 8 episodes trained");
    assertThat(Files.readAllBytes(twice.resolve("checkpoint.bin")))
        .isEqualTo(Files.readAllBytes(once.resolve("checkpoint.bin")));
    assertThat(Files.readString(twice.resolve("eval/episodes.csv")))
        .isEqualTo(Files.readString(once.resolve("eval/episodes.csv")));
    // The resumed run keeps its probes (from its config.yaml) and its learner's scalars.
    assertThat(Files.readString(twice.resolve("train_probe.csv")))
        .isEqualTo(Files.readString(once.resolve("train_probe.csv")));
    assertThat(Files.readString(twice.resolve("train_learner.csv")))
        .isEqualTo(Files.readString(once.resolve("train_learner.csv")));

    CliHarness.Outcome e = CliHarness.exec("eval", "--policy", once.toString(), "--episodes", "3");
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.out()).contains("maddpg (trained").contains("cost");
  }

  /**
   * --keep-best keeps the best probed learner, evaluates it into eval-best/ beside eval/, and `eval
   * --best` evaluates the same learner on the same episodes later.
   */
  @Test
  void keepBestEvaluatesTheBestProbedLearner(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    CliHarness.Outcome a =
        CliHarness.exec(
            args(
                "--algo",
                "maddpg",
                "--episodes",
                "6",
                "--seed",
                "5",
                "--out",
                run.toString(),
                "--probe-every",
                "2",
                "--probe-episodes",
                "1",
                "--keep-best",
                "--eval-episodes",
                "2"));
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).contains("best probe: after").contains("best eval cost");
    assertThat(run.resolve("best.bin")).exists();
    assertThat(run.resolve("config.yaml")).content().contains("keep_best: true");
    Path later = dir.resolve("later");
    CliHarness.Outcome e =
        CliHarness.exec(
            "eval",
            "--policy",
            run.toString(),
            "--best",
            "--episodes",
            "2",
            "--out",
            later.toString());
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.out()).contains("best probe");
    assertThat(Files.readString(later.resolve("episodes.csv")))
        .isEqualTo(Files.readString(run.resolve("eval-best/episodes.csv")));
  }

  @Test
  void badInputExitsTwoAndWritesNothing(@TempDir Path dir) {
    Path out = dir.resolve("x");
    CliHarness.Outcome a =
        CliHarness.exec(args("--algo", "sarsa", "--episodes", "2", "--out", out.toString()));
    assertThat(a.code()).isEqualTo(2);
    assertThat(a.err()).contains("sarsa").contains("ucms-maddpg");
    assertThat(out).doesNotExist();
    CliHarness.Outcome p =
        CliHarness.exec(args("--algo", "maddpg", "--probe-every", "-1", "--out", out.toString()));
    assertThat(p.code()).isEqualTo(2);
    assertThat(p.err()).contains("--probe-every").contains("-1");
    assertThat(out).doesNotExist();
    CliHarness.Outcome k =
        CliHarness.exec(args("--algo", "maddpg", "--keep-best", "--out", out.toString()));
    assertThat(k.code()).isEqualTo(2);
    assertThat(k.err()).contains("--keep-best").contains("--probe-every");
    assertThat(out).doesNotExist();
    CliHarness.Outcome b = CliHarness.exec("train", "--resume", dir.toString());
    assertThat(b.code()).isEqualTo(2);
    assertThat(b.err()).contains("--resume").contains("config.yaml");
    CliHarness.Outcome c = CliHarness.exec("eval", "--policy", dir.toString());
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains("--policy");
  }

  /**
   * `prune` keeps a finished run's policy: --dry-run changes nothing; after it `eval --policy`
   * writes the same episodes as before, and `train --resume` for more episodes is refused with a
   * message naming --episodes. A path that is no folder is refused naming PATH.
   */
  @Test
  void pruneKeepsWhatEvaluationNeeds(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    CliHarness.Outcome a =
        CliHarness.exec(
            args(
                "--algo",
                "ucms-maddpg",
                "--episodes",
                "6",
                "--seed",
                "5",
                "--out",
                run.toString(),
                "--eval-episodes",
                "0"));
    assertThat(a.code()).as(a.err()).isZero();
    Path before = dir.resolve("before");
    Path after = dir.resolve("after");
    CliHarness.Outcome e1 =
        CliHarness.exec(
            "eval", "--policy", run.toString(), "--episodes", "3", "--out", before.toString());
    assertThat(e1.code()).as(e1.err()).isZero();

    CliHarness.Outcome dry = CliHarness.exec("prune", run.toString(), "--dry-run");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("would prune 1 finished training runs");
    assertThat(run.resolve("checkpoint.bin")).exists();
    CliHarness.Outcome p = CliHarness.exec("prune", dir.toString());
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(p.out()).contains("pruned 1 finished training runs");
    assertThat(run.resolve("checkpoint.bin")).doesNotExist();
    assertThat(run.resolve("policy.bin")).exists();

    CliHarness.Outcome e2 =
        CliHarness.exec(
            "eval", "--policy", run.toString(), "--episodes", "3", "--out", after.toString());
    assertThat(e2.code()).as(e2.err()).isZero();
    assertThat(Files.readString(after.resolve("episodes.csv")))
        .isEqualTo(Files.readString(before.resolve("episodes.csv")));
    CliHarness.Outcome more =
        CliHarness.exec("train", "--resume", run.toString(), "--episodes", "8");
    assertThat(more.code()).isEqualTo(2);
    assertThat(more.err()).contains("--episodes").contains("pruned");
    CliHarness.Outcome bad = CliHarness.exec("prune", dir.resolve("nowhere").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("PATH").contains("nowhere");
  }

  /**
   * `reproduce --prune` leaves every finished training of the recipe with its policy alone, and the
   * reproduction run again finds all its runs done and renders the same data.
   */
  @Test
  void reproduceWithPruneKeepsPoliciesOnly(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("f4");
    CliHarness.Outcome a =
        CliHarness.exec("reproduce", "ucms-fig4", "--quick", "--out", out.toString(), "--prune");
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out()).containsPattern("pruned [1-9][0-9]* finished training runs");
    List<Path> trainings;
    try (var files = Files.walk(out.resolve("runs"))) {
      trainings =
          files.filter(f -> f.getFileName().toString().equals("checkpoint.properties")).toList();
    }
    assertThat(trainings).isNotEmpty();
    for (Path state : trainings) {
      assertThat(state.resolveSibling("checkpoint.bin")).doesNotExist();
      assertThat(state.resolveSibling("policy.bin")).isRegularFile();
    }
    Path data = out.resolve("recipes").resolve("ucms-fig4");
    java.util.Map<Path, byte[]> before = new java.util.TreeMap<>();
    try (var files = Files.list(data)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        before.put(f, Files.readAllBytes(f));
      }
    }
    assertThat(before).isNotEmpty();
    CliHarness.Outcome again =
        CliHarness.exec("reproduce", "ucms-fig4", "--quick", "--out", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains(" 0 run now");
    for (var e : before.entrySet()) {
      assertThat(Files.readAllBytes(e.getKey())).as(e.getKey().toString()).isEqualTo(e.getValue());
    }
  }
}
