package io.edgeoffload.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import io.edgeoffload.dnn.profile.LatencyProfile;
import io.edgeoffload.runtime.device.Outcome;
import io.edgeoffload.runtime.device.RequestRecord;
import io.edgeoffload.runtime.testbed.TestbedAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestbedAnalysisTest {

  static final OpGraph GRAPH = ModelZoo.build("mobilenetv2");
  static final PartitionPoints POINTS = PartitionSearch.search(GRAPH);

  static TestbedAnalysis.Setting setting(double slowdown, double rate) {
    LatencyProfile p = LatencyProfile.proportionalToMacs(GRAPH.computeView(), 0.03);
    return new TestbedAnalysis.Setting(POINTS, p, 0.006, slowdown, rate);
  }

  @Test
  void eq2ReducesToItsTermsAtTheEnds() {
    TestbedAnalysis.Setting st = setting(30, 8e6);
    int size = POINTS.size();
    assertThat(TestbedAnalysis.predictSeconds(st, size, 3)).isCloseTo(30 * 0.006, within(1e-12));
    // s = 1: nothing on the device, the input over R/n, the whole model on the server × n.
    for (int n = 1; n <= 3; n++) {
      double expected = 8.0 * 602112 / (8e6 / n) + 0.006 * n;
      assertThat(TestbedAnalysis.predictSeconds(st, 1, n)).isCloseTo(expected, within(1e-12));
    }
    // Every point: more devices never predict less.
    for (int s = 1; s <= size; s++) {
      double prev = 0;
      for (int n = 1; n <= 4; n++) {
        double v = TestbedAnalysis.predictSeconds(st, s, n);
        assertThat(v).isGreaterThanOrEqualTo(prev);
        prev = v;
      }
    }
  }

  @Test
  void csvRoundTripAndRowMeans() {
    List<RequestRecord> records = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      records.add(
          new RequestRecord(
              "d" + i,
              i,
              i % 2 == 0 ? POINTS.size() : 21,
              i % 2 == 0 ? Outcome.LOCAL : Outcome.OFFLOADED,
              Double.NaN,
              0.1 * (i + 1),
              0.01,
              0.02,
              0.0,
              0.003,
              i % 2 == 0 ? 0 : 100352,
              0,
              i == 3 ? "UNAVAILABLE: io, closed" : ""));
    }
    StringBuilder sb = new StringBuilder(RequestRecord.CSV_HEADER).append('\n');
    records.forEach(r -> sb.append(r.toCsv()).append('\n'));
    List<RequestRecord> back = TestbedAnalysis.parseCsv(sb.toString());
    assertThat(back).hasSize(4);
    assertThat(back.get(3).detail()).isEqualTo("UNAVAILABLE: io, closed");
    assertThat(back.get(1).point()).isEqualTo(21);
    TestbedAnalysis.Setting st = setting(10, 8e6);
    TestbedAnalysis.Row row = TestbedAnalysis.analyse(st, 2, "latency-optimal", back);
    assertThat(row.measuredMeanSeconds()).isCloseTo(0.25, within(1e-6));
    double pred =
        (2 * TestbedAnalysis.predictSeconds(st, POINTS.size(), 2)
                + 2 * TestbedAnalysis.predictSeconds(st, 21, 2))
            / 4;
    assertThat(row.predictedMeanSeconds()).isCloseTo(pred, within(1e-12));
    assertThat(row.offloadedShare()).isEqualTo(0.5);
  }
}
