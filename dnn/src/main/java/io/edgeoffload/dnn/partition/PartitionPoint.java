package io.edgeoffload.dnn.partition;

import java.util.BitSet;
import java.util.List;

/**
 * One partition point s (COLLAB Sec. III-B): the device runs {@link #deviceOps()}, an
 * ancestor-closed set of operators, and sends the output tensors of the crossing operators (and the
 * raw input when {@link #sendsInput()}); the server runs the rest.
 *
 * @param s position in the sequence 1..S
 * @param deviceOps indices of the operators the device runs (copied; the accessor returns a copy)
 * @param deviceMacs MACs run on the device
 * @param serverMacs MACs run on the server
 * @param sendsInput whether the raw input crosses (an operator reading it runs on the server)
 * @param crossingOps indices of the device operators whose output at least one server operator
 *     reads, ascending
 * @param crossingNames names of what crosses: the input's name first when {@code sendsInput}, then
 *     the crossing operators' names in the order of {@code crossingOps}
 * @param bytesSent bytes sent from device to server: each crossing tensor once (COLLAB I_n)
 */
public record PartitionPoint(
    int s,
    BitSet deviceOps,
    long deviceMacs,
    long serverMacs,
    boolean sendsInput,
    List<Integer> crossingOps,
    List<String> crossingNames,
    long bytesSent) {

  /** Validates and copies. */
  public PartitionPoint {
    if (s < 1) {
      throw new IllegalArgumentException("s must be at least 1, got " + s);
    }
    if (deviceMacs < 0 || serverMacs < 0 || bytesSent < 0) {
      throw new IllegalArgumentException("MACs and bytes must be non-negative");
    }
    deviceOps = (BitSet) deviceOps.clone();
    crossingOps = List.copyOf(crossingOps);
    crossingNames = List.copyOf(crossingNames);
    for (int k = 0; k < crossingOps.size(); k++) {
      int op = crossingOps.get(k);
      if (!deviceOps.get(op)) {
        throw new IllegalArgumentException("crossing operator " + op + " is not on the device");
      }
      if (k > 0 && crossingOps.get(k - 1) >= op) {
        throw new IllegalArgumentException("crossingOps must be ascending: " + crossingOps);
      }
    }
    if (crossingNames.size() != crossingOps.size() + (sendsInput ? 1 : 0)) {
      throw new IllegalArgumentException(
          "crossingNames must name the input (when sent) and each crossing operator");
    }
  }

  @Override
  public BitSet deviceOps() {
    return (BitSet) deviceOps.clone();
  }

  /** Number of operators the device runs. */
  public int deviceOpCount() {
    return deviceOps.cardinality();
  }

  /** Whether the device runs operator {@code op}. */
  public boolean runsOnDevice(int op) {
    return deviceOps.get(op);
  }

  /** Number of tensors sent (crossing operators, plus one for the raw input). */
  public int crossingTensorCount() {
    return crossingOps.size() + (sendsInput ? 1 : 0);
  }

  /**
   * Whether this is a chain cut (Neurosurgeon style): at most one tensor crosses. s = 1 (the raw
   * input) and s = S (nothing) are chain cuts.
   */
  public boolean isChainCut() {
    return crossingTensorCount() <= 1;
  }
}
