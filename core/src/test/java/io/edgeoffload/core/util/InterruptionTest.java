package io.edgeoffload.core.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class InterruptionTest {

  @Test
  void anInterruptedThreadStopsAndKeepsItsFlag() {
    Interruption.stopBeforeEpisode(3); // not interrupted: returns
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Interruption.stopBeforeEpisode(7))
          .isInstanceOf(CancellationException.class)
          .hasMessageContaining("episode 7");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted(); // leave the test thread as it was
    }
  }
}
