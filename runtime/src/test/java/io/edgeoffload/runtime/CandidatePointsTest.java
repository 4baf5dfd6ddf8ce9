package io.edgeoffload.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import io.edgeoffload.runtime.model.CandidatePoints;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidatePointsTest {

  @Test
  void everySpecIncludesSAndStaysInRange() {
    for (String id : List.of("mobilenetv2", "googlenet")) {
      PartitionPoints points = PartitionSearch.search(ModelZoo.build(id));
      int size = points.size();
      for (String spec : List.of("auto", "chain", "all", "1,2", " 3 ")) {
        List<Integer> s = CandidatePoints.parse("--points", spec, points);
        assertThat(s).isSorted().doesNotHaveDuplicates().contains(size);
        assertThat(s).allMatch(v -> v >= 1 && v <= size);
      }
      assertThat(CandidatePoints.parse("--points", "all", points)).hasSize(size);
      assertThat(CandidatePoints.parse("--points", "chain", points))
          .hasSize(points.chainCuts().size());
      List<Integer> auto = CandidatePoints.parse("--points", "auto", points);
      assertThat(auto).contains(1).hasSizeGreaterThanOrEqualTo(CandidatePoints.AUTO_COUNT);
      assertThatThrownBy(() -> CandidatePoints.parse("--points", "0", points))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("--points");
      assertThatThrownBy(() -> CandidatePoints.parse("--points", "some", points))
          .isInstanceOf(ConfigException.class);
    }
  }
}
