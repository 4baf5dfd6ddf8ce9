package io.edgeoffload.dnn.profile;

import io.edgeoffload.dnn.graph.ComputeNode;
import io.edgeoffload.dnn.graph.ComputeView;
import io.edgeoffload.dnn.partition.PartitionPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measured latency of every compute node of one model on one machine, in seconds.
 *
 * <p>A node's latency is the sum of the kernel times of its operator and of the operators folded
 * into it (batch-norm, activation, pool, add; {@link ComputeView}). Transparent operators (a
 * concat, a pool read by several branches) belong to no node; their time is kept apart in {@link
 * #unassignedSeconds()} and counted on the server side by {@link #serverSeconds}, which is where a
 * concat of device outputs runs.
 *
 * <p>File format ({@link #toCsv()}): lines starting with {@code #} are comments holding {@code key:
 * value} metadata ({@code model}, {@code machine}, {@code runs}, {@code unassigned_seconds}); then
 * the header {@code node,name,macs,seconds} and one row per compute node in node order.
 *
 * @param model model id ({@code mobilenetv2}, ...)
 * @param machine free text describing where it was measured
 * @param runs number of measured runs averaged
 * @param names node names, in node order
 * @param macs MACs of each node
 * @param seconds mean latency of each node, seconds
 * @param unassignedSeconds mean latency of operators that belong to no node, seconds
 */
public record LatencyProfile(
    String model,
    String machine,
    int runs,
    List<String> names,
    List<Long> macs,
    List<Double> seconds,
    double unassignedSeconds) {

  /** Header of the table. */
  public static final String HEADER = "node,name,macs,seconds";

  /** Validates and copies. */
  public LatencyProfile {
    if (model == null || model.isBlank() || model.contains("\n")) {
      throw new IllegalArgumentException("model must be a non-empty single line, got " + model);
    }
    machine = machine == null ? "" : machine.replace('\n', ' ');
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
    names = List.copyOf(names);
    macs = List.copyOf(macs);
    seconds = List.copyOf(seconds);
    if (names.size() != macs.size() || names.size() != seconds.size() || names.isEmpty()) {
      throw new IllegalArgumentException(
          "names, macs and seconds must have the same, positive length: "
              + names.size()
              + ", "
              + macs.size()
              + ", "
              + seconds.size());
    }
    for (int i = 0; i < seconds.size(); i++) {
      double s = seconds.get(i);
      if (!(s >= 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException(
            "seconds of node " + i + " (" + names.get(i) + ") must be finite and >= 0, got " + s);
      }
      if (macs.get(i) < 0) {
        throw new IllegalArgumentException("macs of node " + i + " must be >= 0");
      }
    }
    if (!(unassignedSeconds >= 0) || Double.isInfinite(unassignedSeconds)) {
      throw new IllegalArgumentException(
          "unassignedSeconds must be finite and >= 0, got " + unassignedSeconds);
    }
  }

  /** Number of compute nodes. */
  public int size() {
    return names.size();
  }

  /** Latency of node i, seconds. */
  public double seconds(int node) {
    return seconds.get(node);
  }

  /** Latency of the whole model: every node plus the unassigned operators, seconds. */
  public double totalSeconds() {
    double sum = unassignedSeconds;
    for (double s : seconds) {
      sum += s;
    }
    return sum;
  }

  /** Latency of the device side of a point: the nodes it runs on the device, seconds. */
  public double deviceSeconds(PartitionPoint point) {
    requireMatches(point);
    double sum = 0;
    for (int i = 0; i < size(); i++) {
      if (point.runsOnDevice(i)) {
        sum += seconds.get(i);
      }
    }
    return sum;
  }

  /**
   * Latency of the server side of a point: the other nodes, plus the unassigned operators when
   * anything runs on the server; seconds. Zero at s = S.
   */
  public double serverSeconds(PartitionPoint point) {
    requireMatches(point);
    double sum = 0;
    boolean any = false;
    for (int i = 0; i < size(); i++) {
      if (!point.runsOnDevice(i)) {
        sum += seconds.get(i);
        any = true;
      }
    }
    return any ? sum + unassignedSeconds : sum;
  }

  /**
   * Checks that this profile describes a compute view: same node count, names and MACs.
   *
   * @throws IllegalArgumentException naming the first difference
   */
  public void requireMatches(ComputeView view) {
    if (view.size() != size()) {
      throw new IllegalArgumentException(
          "profile of '" + model + "' has " + size() + " nodes, the model " + view.size());
    }
    for (ComputeNode node : view.nodes()) {
      int i = node.index();
      if (!node.name().equals(names.get(i)) || node.macs() != macs.get(i)) {
        throw new IllegalArgumentException(
            "profile node "
                + i
                + " is '"
                + names.get(i)
                + "' ("
                + macs.get(i)
                + " MACs), the model's is '"
                + node.name()
                + "' ("
                + node.macs()
                + " MACs): a profile of another model or input size");
      }
    }
  }

  private void requireMatches(PartitionPoint point) {
    if (point.deviceOps().length() > size()) {
      throw new IllegalArgumentException(
          "partition point s = " + point.s() + " does not belong to the profiled '" + model + "'");
    }
  }

  /** The profile as text (see the class comment). */
  public String toCsv() {
    StringBuilder sb = new StringBuilder();
    sb.append("# model: ").append(model).append('\n');
    sb.append("# machine: ").append(machine).append('\n');
    sb.append("# runs: ").append(runs).append('\n');
    sb.append("# unassigned_seconds: ").append(format(unassignedSeconds)).append('\n');
    sb.append(HEADER).append('\n');
    for (int i = 0; i < size(); i++) {
      sb.append(i)
          .append(',')
          .append(names.get(i))
          .append(',')
          .append(macs.get(i))
          .append(',')
          .append(format(seconds.get(i)))
          .append('\n');
    }
    return sb.toString();
  }

  // Java's shortest representation that parses back to the same double: the file round-trips.
  private static String format(double v) {
    return Double.toString(v);
  }

  /**
   * Parses {@link #toCsv()}'s format.
   *
   * @throws IllegalArgumentException naming the line and what is wrong
   */
  public static LatencyProfile parse(String text) {
    Map<String, String> meta = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    List<Long> macs = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    boolean header = false;
    String[] lines = text.split("\n", -1);
    for (int ln = 0; ln < lines.length; ln++) {
      String line = lines[ln].strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          meta.put(line.substring(1, colon).strip(), line.substring(colon + 1).strip());
        }
        continue;
      }
      if (!header) {
        if (!line.equals(HEADER)) {
          throw new IllegalArgumentException(
              "line " + (ln + 1) + ": expected the header '" + HEADER + "', got '" + line + "'");
        }
        header = true;
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 4) {
        throw new IllegalArgumentException(
            "line " + (ln + 1) + ": expected 4 cells (" + HEADER + "), got " + cells.length);
      }
      try {
        if (Integer.parseInt(cells[0]) != names.size()) {
          throw new IllegalArgumentException(
              "line " + (ln + 1) + ": nodes must be numbered 0, 1, ... in order");
        }
        names.add(cells[1]);
        macs.add(Long.parseLong(cells[2]));
        seconds.add(Double.parseDouble(cells[3]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "line " + (ln + 1) + ": not a number: " + e.getMessage());
      }
    }
    String model = meta.get("model");
    if (model == null) {
      throw new IllegalArgumentException("missing '# model: ID' line");
    }
    int runs;
    double unassigned;
    try {
      runs = Integer.parseInt(meta.getOrDefault("runs", "1"));
      unassigned = Double.parseDouble(meta.getOrDefault("unassigned_seconds", "0"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad metadata: " + e.getMessage());
    }
    return new LatencyProfile(
        model, meta.getOrDefault("machine", ""), runs, names, macs, seconds, unassigned);
  }

  /** Reads a profile file. */
  public static LatencyProfile read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the latency profile " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A profile proportional to MACs (COLLAB reading of MODEL-NOTES COLLAB 3): node i takes {@code
   * totalSeconds · macs_i / Σ macs}. The fallback when nothing was measured.
   */
  public static LatencyProfile proportionalToMacs(ComputeView view, double totalSeconds) {
    if (!(totalSeconds > 0) || Double.isInfinite(totalSeconds)) {
      throw new IllegalArgumentException("totalSeconds must be positive, got " + totalSeconds);
    }
    long total = view.totalMacs();
    List<String> names = new ArrayList<>();
    List<Long> macs = new ArrayList<>();
    List<Double> seconds = new ArrayList<>();
    for (ComputeNode node : view.nodes()) {
      names.add(node.name());
      macs.add(node.macs());
      seconds.add(totalSeconds * node.macs() / (double) total);
    }
    return new LatencyProfile(
        view.graph().name(), "proportional to MACs", 1, names, macs, seconds, 0);
  }
}
