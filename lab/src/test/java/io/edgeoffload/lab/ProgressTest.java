package io.edgeoffload.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private Progress bar(long total) {
    return new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), "w", total, false, 0);
  }

  private String[] lines() {
    return bytes.toString(StandardCharsets.UTF_8).split("\n");
  }

  @Test
  void wholeUnitsPrintOneLineEachTenthOffATerminal() {
    Progress p = bar(20);
    for (int i = 0; i < 20; i++) {
      p.advance(1);
    }
    String[] lines = lines();
    assertThat(lines).hasSize(11); // deciles 0 (at 1/20) … 10
    assertThat(lines[0]).startsWith("w [#");
    assertThat(lines[0]).contains("  5% 1/20");
    assertThat(lines[10]).contains("100% 20/20").contains("ETA 00:00");
  }

  @Test
  void fractionsShowOneDecimalAndTheBarNeverMovesBack() {
    Progress p = bar(4);
    p.update(1.4, 0);
    p.update(1.2, 0); // an older reading: ignored
    assertThat(p.line(60_000)).contains(" 35% 1.4/4");
    p.update(2, 0);
    assertThat(p.line(60_000)).contains(" 50% 2/4");
  }

  @Test
  void workDoneBeforeTheBarBeganDoesNotCountInItsRate() {
    Progress p = bar(4);
    // A run resumed at 0.9 of its work has moved to 1.0 in 10 s: 0.1 run per 10 s, 3 runs left.
    p.update(1.0, 0.9);
    assertThat(p.line(10_000)).contains("ETA 05:00");
    // Without that credit the rate would be 1 run per 10 s.
    Progress q = bar(4);
    q.update(1.0, 0);
    assertThat(q.line(10_000)).contains("ETA 00:30");
    // Nothing gained since the start: no estimate.
    Progress r = bar(4);
    r.update(0.5, 0.5);
    assertThat(r.line(10_000)).contains("ETA --:--");
  }
}
