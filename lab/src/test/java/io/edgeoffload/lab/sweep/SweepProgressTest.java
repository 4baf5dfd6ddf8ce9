package io.edgeoffload.lab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.core.util.WorkProgress;
import io.edgeoffload.lab.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's bar counts the runs in flight by their fraction done. */
class SweepProgressTest {
  private static RunSpec spec(String id) {
    return spec(id, "eval");
  }

  private static RunSpec spec(String id, String kind) {
    return new RunSpec(
        id,
        "t",
        kind,
        "ucms",
        "ucms-kb",
        List.of("env.numUsers=4", "env.slotsPerEpisode=2"),
        "random",
        1,
        1,
        0,
        Map.of(),
        Map.of());
  }

  @Test
  void theBarAddsTheFractionsOfRunsInFlightToTheRunsFinished() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress progress =
        new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "s", 4, false, 0);
    String a = "progress-test-a";
    String b = "progress-test-b";
    try (Sweeper.RunsBar bar =
        new Sweeper.RunsBar(progress, List.of(spec(a), spec(b), spec("c"), spec("d")))) {
      InFlight.report(a, 0.0); // a starts afresh
      InFlight.report(a, 0.25);
      InFlight.report(b, 0.5); // b resumed at half its work
      InFlight.report(b, 0.75);
      bar.tick();
      assertThat(progress.line(60_000)).contains(" 25% 1/4"); // 0.25 + 0.75
      InFlight.end(a);
      bar.finished(); // a is done: 1 + 0.75
      assertThat(progress.line(60_000)).contains("1.8/4");
      // b's first half was done before: 1.25 gained in 60 s, 2.25 runs left.
      assertThat(progress.line(60_000)).contains("ETA 01:48");
    } finally {
      InFlight.end(a);
      InFlight.end(b);
    }
  }

  /** Observed by {@link Halves} while its run executes. */
  static final Map<String, double[]> SEEN = new ConcurrentHashMap<>();

  /** Reports half of its work done, then evaluates as {@code eval} does. */
  static final class Halves extends EvalLikeKind {
    Halves() {
      super("test-halves", "reports half its work");
    }

    @Override
    void before(RunSpec spec) {
      WorkProgress.report(1, 2);
      SEEN.put(spec.id(), InFlight.of(spec.id()));
    }
  }

  @Test
  void aRunsReportsReachTheBoardWhileItExecutesAndLeaveWithIt(@TempDir Path root) {
    RunKinds.register(new Halves());
    RunSpec s = spec("halves-1", "test-halves");
    RunResult r = RunExecutor.execute(s, root, "threads");
    assertThat(r.done()).as(r.error()).isTrue();
    assertThat(SEEN.get("halves-1")).containsExactly(0.5, 0.5);
    assertThat(InFlight.of("halves-1")).isNull();
    assertThat(WorkProgress.listened()).isFalse();
  }
}
