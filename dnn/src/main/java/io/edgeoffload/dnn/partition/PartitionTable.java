package io.edgeoffload.dnn.partition;

import java.util.ArrayList;
import java.util.List;

/**
 * Tabular views of partition points, for the command line: rows, CSV and an aligned text table.
 * Columns: {@code s}, {@code device_macs}, {@code server_macs}, {@code bytes_sent}, {@code
 * crossing_count} (tensors sent), {@code device_ops} (operators run on the device) and {@code
 * crossing_operators} (names of what crosses, the raw input's name included, separated by {@value
 * #NAME_SEPARATOR}).
 */
public final class PartitionTable {

  /** Column names, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "s",
          "device_macs",
          "server_macs",
          "bytes_sent",
          "crossing_count",
          "device_ops",
          "crossing_operators");

  /** Separator of names inside the {@code crossing_operators} column. */
  public static final String NAME_SEPARATOR = ";";

  /**
   * One row (a flat, serialisable view of a {@link PartitionPoint}).
   *
   * @param s position in 1..S
   * @param deviceMacs MACs on the device
   * @param serverMacs MACs on the server
   * @param bytesSent bytes sent
   * @param crossingCount number of tensors sent
   * @param deviceOps number of operators on the device
   * @param crossingOperators names of what crosses
   */
  public record Row(
      int s,
      long deviceMacs,
      long serverMacs,
      long bytesSent,
      int crossingCount,
      int deviceOps,
      List<String> crossingOperators) {
    /** Validates and copies. */
    public Row {
      if (s < 1 || deviceMacs < 0 || serverMacs < 0 || bytesSent < 0) {
        throw new IllegalArgumentException(
            "s must be positive and MACs and bytes non-negative, got s = " + s);
      }
      if (crossingCount != crossingOperators.size() || deviceOps < 0) {
        throw new IllegalArgumentException(
            "crossingCount " + crossingCount + " must equal the names listed");
      }
      crossingOperators = List.copyOf(crossingOperators);
    }

    /** The row of a point. */
    public static Row of(PartitionPoint p) {
      return new Row(
          p.s(),
          p.deviceMacs(),
          p.serverMacs(),
          p.bytesSent(),
          p.crossingTensorCount(),
          p.deviceOpCount(),
          p.crossingNames());
    }

    List<String> cells() {
      return List.of(
          Integer.toString(s),
          Long.toString(deviceMacs),
          Long.toString(serverMacs),
          Long.toString(bytesSent),
          Integer.toString(crossingCount),
          Integer.toString(deviceOps),
          String.join(NAME_SEPARATOR, crossingOperators));
    }
  }

  private PartitionTable() {}

  /** Rows of a list of points (all points, or the chain cuts). */
  public static List<Row> rows(List<PartitionPoint> points) {
    List<Row> rows = new ArrayList<>(points.size());
    for (PartitionPoint p : points) {
      rows.add(Row.of(p));
    }
    return rows;
  }

  /** RFC 4180 CSV with a header line, lines ending in {@code \n}. */
  public static String toCsv(List<PartitionPoint> points) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", COLUMNS)).append('\n');
    for (Row row : rows(points)) {
      List<String> cells = row.cells();
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(csvCell(cells.get(i)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** A text table with right-aligned numbers and a header line. */
  public static String toText(List<PartitionPoint> points) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(COLUMNS);
    for (Row row : rows(points)) {
      lines.add(row.cells());
    }
    int columns = COLUMNS.size();
    int[] width = new int[columns];
    for (List<String> line : lines) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], line.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (List<String> line : lines) {
      for (int i = 0; i < columns; i++) {
        String cell = line.get(i);
        if (i == columns - 1) {
          sb.append(cell);
        } else {
          sb.append(" ".repeat(width[i] - cell.length())).append(cell).append("  ");
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String csvCell(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }
}
