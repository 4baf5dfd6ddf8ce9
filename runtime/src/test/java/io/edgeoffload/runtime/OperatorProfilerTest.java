package io.edgeoffload.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import io.edgeoffload.dnn.profile.LatencyProfile;
import io.edgeoffload.runtime.profile.OperatorProfiler;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorProfilerTest {

  @Test
  void everyNodeIsTimedOncePerRunAndTheKernelsFitInTheRun(@TempDir Path dir) {
    OpGraph graph = ModelZoo.build("mobilenetv2");
    OperatorProfiler.Measurement m = OperatorProfiler.measure(graph, 1, 1, 3, "test", dir);
    LatencyProfile p = m.profile();
    p.requireMatches(graph.computeView());
    assertThat(m.eventsPerNode()).isEqualTo(4);
    for (int i = 0; i < p.size(); i++) {
      assertThat(p.seconds(i)).as("node %s", p.names().get(i)).isPositive();
    }
    // One thread, sequential: the kernels of a run cannot take longer than the run.
    assertThat(p.totalSeconds()).isLessThanOrEqualTo(m.meanRunSeconds());
    // The profile survives its file format, and splits every point into device + server parts.
    LatencyProfile back = LatencyProfile.parse(p.toCsv());
    assertThat(back.names()).isEqualTo(p.names());
    PartitionPoints points = PartitionSearch.search(graph);
    for (PartitionPoint pt : points.all()) {
      double sum = back.deviceSeconds(pt) + back.serverSeconds(pt);
      assertThat(sum).isCloseTo(back.totalSeconds(), org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(back.deviceSeconds(points.get(points.size())))
        .isLessThanOrEqualTo(back.totalSeconds());
    for (int i = 0; i < p.size(); i++) {
      assertThat(back.seconds(i)).isEqualTo(p.seconds(i));
    }
  }
}
