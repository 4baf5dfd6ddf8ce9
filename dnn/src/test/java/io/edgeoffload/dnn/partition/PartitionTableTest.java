package io.edgeoffload.dnn.partition;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.dnn.models.ModelZoo;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionTableTest {

  @Test
  void csvHasHeaderAndOneRowPerPointWithTheSameNumbers() {
    PartitionPoints points = PartitionSearch.search(ModelZoo.build("googlenet"));
    String csv = PartitionTable.toCsv(points.all());
    String[] lines = csv.split("\n");
    assertThat(lines).hasSize(points.size() + 1);
    List<String> header = List.of(lines[0].split(","));
    assertThat(header)
        .containsSubsequence("s", "device_macs", "server_macs", "bytes_sent", "crossing_operators");
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      assertThat(cells).hasSize(header.size());
      PartitionPoint p = points.get(Integer.parseInt(cells[header.indexOf("s")]));
      assertThat(p.s()).isEqualTo(i);
      assertThat(Long.parseLong(cells[header.indexOf("device_macs")])).isEqualTo(p.deviceMacs());
      assertThat(Long.parseLong(cells[header.indexOf("server_macs")])).isEqualTo(p.serverMacs());
      assertThat(Long.parseLong(cells[header.indexOf("bytes_sent")])).isEqualTo(p.bytesSent());
      String names = cells[header.indexOf("crossing_operators")];
      assertThat(names.isEmpty() ? List.of() : List.of(names.split(PartitionTable.NAME_SEPARATOR)))
          .isEqualTo(p.crossingNames());
    }
  }

  @Test
  void textTableAlignsColumns() {
    PartitionPoints points = PartitionSearch.search(ModelZoo.build("resnet50"));
    String text = PartitionTable.toText(points.chainCuts());
    String[] lines = text.split("\n");
    assertThat(lines).hasSize(points.chainCuts().size() + 1);
    int crossingColumn = lines[0].indexOf("crossing_operators");
    for (String line : lines) {
      assertThat(line.length()).isGreaterThanOrEqualTo(crossingColumn);
      assertThat(line.charAt(crossingColumn - 1)).isEqualTo(' ');
    }
    assertThat(PartitionTable.rows(points.all())).hasSize(points.size());
  }
}
