package io.edgeoffload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fixed output lines of {@code bench nn} that scripts read (no timing is asserted). */
class BenchNnCliTest {

  @Test
  void printsTheFourFiguresFirstThenDetails() {
    CliHarness.Outcome o =
        CliHarness.exec("bench", "nn", "--samples", "1", "--warmup", "0", "--blas", "netlib");
    assertThat(o.code()).as(o.err()).isZero();
    String[] lines = o.out().split("\\R");
    assertThat(lines[0]).matches("critic_train_ms=\\d+\\.\\d+");
    assertThat(lines[1]).matches("actor_train_ms=\\d+\\.\\d+");
    assertThat(lines[2]).matches("actor_infer_us=\\d+\\.\\d+");
    assertThat(lines[3]).matches("critics48_ms=\\d+\\.\\d+");
    assertThat(o.out()).contains("matops=netlib:");
  }

  @Test
  void unknownBlasExitsTwoNamingTheOption() {
    CliHarness.Outcome o = CliHarness.exec("bench", "nn", "--blas", "cuda");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--blas").contains("cuda").contains("netlib, java, loops");
  }
}
