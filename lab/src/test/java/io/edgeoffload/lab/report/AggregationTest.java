package io.edgeoffload.lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.report.Aggregation.Cell;
import io.edgeoffload.lab.report.Aggregation.RunValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping over seeds, the order of points and series, and training bands. */
class AggregationTest {
  @Test
  void groupsBySeriesAndPointAndSummarizesOverSeeds() {
    List<RunValue> v =
        List.of(
            new RunValue("greedy", "n=12", 12.0, 1, 1.0),
            new RunValue("random", "n=4", 4.0, 1, 5.0),
            new RunValue("greedy", "n=12", 12.0, 2, 2.0),
            new RunValue("random", "n=4", 4.0, 2, 7.0),
            new RunValue("greedy", "n=12", 12.0, 3, 6.0),
            new RunValue("greedy", "n=4", 4.0, 1, 3.0));
    List<Cell> cells = Aggregation.aggregate(v, List.of("random", "greedy"));
    assertThat(cells).extracting(Cell::point).containsExactly("n=4", "n=4", "n=12");
    assertThat(cells).extracting(Cell::series).containsExactly("random", "greedy", "greedy");
    Stats.Summary g12 = cells.get(2).summary();
    assertThat(g12.n()).isEqualTo(3);
    assertThat(g12.mean()).isEqualTo(3.0);
    // sd = sqrt(((1-3)^2 + (2-3)^2 + (6-3)^2) / 2) = sqrt(7); t(0.975, 2) = 4.302653
    assertThat(g12.halfWidth()).isCloseTo(4.302653 * Math.sqrt(7) / Math.sqrt(3), within(1e-5));
    assertThat(cells.get(1).summary().n()).isEqualTo(1);
    assertThat(cells.get(1).summary().halfWidth()).isZero();
  }

  @Test
  void pointsWithoutXSortNaturally() {
    List<RunValue> v =
        List.of(
            new RunValue("a", "k=10, m=x", null, 1, 1),
            new RunValue("a", "k=9, m=x", null, 1, 1),
            new RunValue("a", "k=9, m=w", null, 1, 1));
    assertThat(Aggregation.aggregate(v, List.of()))
        .extracting(Cell::point)
        .containsExactly("k=9, m=w", "k=9, m=x", "k=10, m=x");
    assertThat(Aggregation.comparePoints("x=0.5", "x=0.25")).isPositive();
  }

  @Test
  void seriesLabelsMarkTrainedLearners() {
    assertThat(Aggregation.seriesLabel("eval", "greedy")).isEqualTo("greedy");
    assertThat(Aggregation.seriesLabel("train", "ucms-maddpg")).isEqualTo("ucms-maddpg (trained)");
  }

  @Test
  void trainingBandIsOverSeedsOfTheSmoothedCurves() {
    double[] a = {1, 3, 5, 7};
    double[] b = {3, 5, 7, 9};
    Stats.Summary[] s = Aggregation.curveBand(List.of(a, b), 2);
    // smoothed: a -> 1, 2, 4, 6; b -> 3, 4, 6, 8
    assertThat(s).extracting(Stats.Summary::mean).containsExactly(2.0, 3.0, 5.0, 7.0);
    assertThat(s[0].n()).isEqualTo(2);
    assertThat(Aggregation.window(200)).isEqualTo(10);
    assertThat(Aggregation.window(6)).isEqualTo(1);
  }
}
