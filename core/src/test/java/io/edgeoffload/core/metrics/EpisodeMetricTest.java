package io.edgeoffload.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeMetricTest {
  private final List<String> keys = List.of("tasks", "timeouts", "cost");

  @Test
  void ratiosAreOfSumsNotMeansOfRatios() {
    double[] sums = {30, 6, 90};
    assertThat(new EpisodeMetric("rate", "timeouts", "tasks", "").value(sums, keys, 10))
        .isEqualTo(0.2);
    assertThat(new EpisodeMetric("per_step", "cost", EpisodeMetric.STEPS, "").value(sums, keys, 10))
        .isEqualTo(9.0);
    assertThat(new EpisodeMetric("total", "cost", EpisodeMetric.EPISODE, "").value(sums, keys, 10))
        .isEqualTo(90.0);
    assertThat(
            new EpisodeMetric("rate", "timeouts", "tasks", "")
                .value(new double[] {0, 0, 0}, keys, 10))
        .isZero();
  }

  @Test
  void unknownKeysAreReported() {
    assertThatThrownBy(() -> new EpisodeMetric("x", "nope", "tasks", "").checkKeys(keys))
        .hasMessageContaining("nope");
  }
}
