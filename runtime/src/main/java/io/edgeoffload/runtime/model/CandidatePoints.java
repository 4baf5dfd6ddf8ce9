package io.edgeoffload.runtime.model;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The partition points a server loads tails for and a device may choose: every point would mean
 * hundreds of ONNX sessions for GoogLeNet (S = 320), so both sides load a subset. s = S (local
 * only) is always a candidate.
 *
 * <ul>
 *   <li>{@code auto} (default): when the model has at least {@value #AUTO_COUNT} chain cuts,
 *       {@value #AUTO_COUNT} of them evenly spaced (MobileNetV2, ResNet-50); otherwise its chain
 *       cuts and {@value #AUTO_COUNT} evenly spaced points of 1..S (GoogLeNet, whose only chain
 *       cuts are in the stem);
 *   <li>{@code chain}: every chain cut;
 *   <li>{@code all}: every point;
 *   <li>a list {@code 1,5,20}.
 * </ul>
 */
public final class CandidatePoints {

  /** Points chosen by {@code auto}. */
  public static final int AUTO_COUNT = 8;

  private CandidatePoints() {}

  /**
   * The candidate s values, ascending, S included.
   *
   * @param option the option name for errors ({@code --points})
   * @throws ConfigException for an unknown word or an s outside [1, S]
   */
  public static List<Integer> parse(String option, String spec, PartitionPoints points) {
    int size = points.size();
    TreeSet<Integer> s = new TreeSet<>();
    String text = spec.trim().toLowerCase(Locale.ROOT);
    switch (text) {
      case "auto" -> {
        List<PartitionPoint> chain = points.chainCuts();
        if (chain.size() >= AUTO_COUNT) {
          for (int k = 0; k < AUTO_COUNT; k++) {
            s.add(chain.get((int) Math.round(k * (chain.size() - 1) / (AUTO_COUNT - 1.0))).s());
          }
        } else {
          chain.forEach(p -> s.add(p.s()));
          for (int k = 0; k < AUTO_COUNT; k++) {
            s.add(1 + (int) Math.round(k * (size - 1) / (AUTO_COUNT - 1.0)));
          }
        }
      }
      case "chain" -> points.chainCuts().forEach(p -> s.add(p.s()));
      case "all" -> points.all().forEach(p -> s.add(p.s()));
      default -> {
        for (String part : text.split(",", -1)) {
          int v;
          try {
            v = Integer.parseInt(part.trim());
          } catch (NumberFormatException e) {
            throw new ConfigException(
                option, spec, "must be auto, chain, all or a list of points like 1,5,20");
          }
          if (v < 1 || v > size) {
            throw new ConfigException(
                option, spec, "point " + v + " is outside [1, " + size + "] for this model");
          }
          s.add(v);
        }
      }
    }
    s.add(size);
    return List.copyOf(s);
  }
}
