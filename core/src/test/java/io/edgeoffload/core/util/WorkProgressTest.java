package io.edgeoffload.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkProgressTest {
  @Test
  void reportsReachTheListenerOfTheirThreadOnlyWhileItListens() throws Exception {
    List<Double> heard = new ArrayList<>();
    WorkProgress.report(1, 2); // nobody listens: nothing happens
    assertThat(WorkProgress.listened()).isFalse();
    try (WorkProgress.Scope s = WorkProgress.listen(heard::add)) {
      assertThat(WorkProgress.listened()).isTrue();
      WorkProgress.report(1, 4);
      WorkProgress.report(7, 4); // clamped
      WorkProgress.report(-1, 4); // clamped
      WorkProgress.report(3, 0); // no total: ignored
      // Another thread's reports are its own.
      Thread other = new Thread(() -> WorkProgress.report(1, 2));
      other.start();
      other.join();
    }
    WorkProgress.report(1, 2);
    assertThat(heard).containsExactly(0.25, 1.0, 0.0);
    assertThat(WorkProgress.listened()).isFalse();
  }

  @Test
  void anInnerListenerHandsBackToTheOuterOne() {
    List<Double> outer = new ArrayList<>();
    List<Double> inner = new ArrayList<>();
    try (WorkProgress.Scope a = WorkProgress.listen(outer::add)) {
      try (WorkProgress.Scope b = WorkProgress.listen(inner::add)) {
        WorkProgress.report(1, 2);
      }
      WorkProgress.report(3, 4);
    }
    assertThat(inner).containsExactly(0.5);
    assertThat(outer).containsExactly(0.75);
  }
}
