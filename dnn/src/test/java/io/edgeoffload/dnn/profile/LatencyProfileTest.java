package io.edgeoffload.dnn.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.dnn.graph.ComputeView;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyProfileTest {

  static LatencyProfile random(ComputeView view, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<String> names = new ArrayList<>();
    List<Long> macs = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (var n : view.nodes()) {
      names.add(n.name());
      macs.add(n.macs());
      seconds.add(rng.nextDouble() * 1e-3);
    }
    return new LatencyProfile(view.graph().name(), "here", 3, names, macs, seconds, 2e-4);
  }

  @Test
  void deviceAndServerPartsAddUpAtEveryPointAndAreMonotoneAlongTheSequenceEnds() {
    var graph = ModelZoo.build("googlenet");
    ComputeView view = graph.computeView();
    LatencyProfile p = random(view, 1);
    PartitionPoints points = PartitionSearch.search(graph);
    for (PartitionPoint pt : points.all()) {
      // Brute force over nodes: each node counted on exactly one side.
      double device = 0;
      double server = 0;
      for (int i = 0; i < p.size(); i++) {
        if (pt.runsOnDevice(i)) {
          device += p.seconds(i);
        } else {
          server += p.seconds(i);
        }
      }
      assertThat(p.deviceSeconds(pt)).isCloseTo(device, within(1e-12));
      assertThat(p.serverSeconds(pt))
          .isCloseTo(pt.s() == points.size() ? 0 : server + 2e-4, within(1e-12));
      assertThat(p.deviceSeconds(pt) + p.serverSeconds(pt))
          .isCloseTo(
              pt.s() == points.size() ? p.totalSeconds() - 2e-4 : p.totalSeconds(), within(1e-12));
    }
    assertThat(p.deviceSeconds(points.get(1))).isZero();
  }

  @Test
  void roundTripsThroughItsFileAndRejectsAnotherModel(@TempDir Path dir) throws Exception {
    ComputeView view = ModelZoo.build("mobilenetv2").computeView();
    LatencyProfile p = random(view, 2);
    Path f = dir.resolve("p.csv");
    Files.writeString(f, p.toCsv());
    LatencyProfile back = LatencyProfile.read(f);
    assertThat(back.names()).isEqualTo(p.names());
    assertThat(back.macs()).isEqualTo(p.macs());
    for (int i = 0; i < p.size(); i++) {
      assertThat(back.seconds(i)).isEqualTo(p.seconds(i));
    }
    assertThat(back.unassignedSeconds()).isEqualTo(2e-4);
    back.requireMatches(view);
    ComputeView other = ModelZoo.build("googlenet").computeView();
    assertThatThrownBy(() -> back.requireMatches(other)).hasMessageContaining("nodes");
    assertThatThrownBy(() -> LatencyProfile.parse("# model: m\nnode,name\n"))
        .hasMessageContaining("header");
    assertThatThrownBy(
            () -> LatencyProfile.parse("# model: m\n" + LatencyProfile.HEADER + "\n0,a,1,-1\n"))
        .hasMessageContaining("seconds");
  }

  @Test
  void proportionalToMacsSharesTheTotalByMacs() {
    ComputeView view = ModelZoo.build("mobilenetv2").computeView();
    LatencyProfile p = LatencyProfile.proportionalToMacs(view, 0.25);
    assertThat(p.totalSeconds()).isCloseTo(0.25, within(1e-12));
    for (int i = 0; i < p.size(); i++) {
      assertThat(p.seconds(i) / 0.25)
          .isCloseTo(view.nodes().get(i).macs() / (double) view.totalMacs(), within(1e-12));
    }
  }
}
