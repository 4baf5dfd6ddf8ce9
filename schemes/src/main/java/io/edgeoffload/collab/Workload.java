package io.edgeoffload.collab;

import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.ModelOptions;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One DNN as the environment sees it: the partition points an MD may choose (all of Algorithm 1, or
 * the chain cuts only), each with its device MACs, server MACs and bits sent, and the model's L_0.
 * Immutable; the last point is always "everything on the device".
 */
public final class Workload {
  /** MACs of ResNet-50 v1.5 at 224×224 (conv + fc), the model L_0 is measured on (Sec. V-A). */
  public static final long RESNET50_MACS = 4_089_184_256L;

  private static final Map<String, PartitionPoints> SEARCHED = new ConcurrentHashMap<>();

  private final String model;
  private final long totalMacs;
  private final double[] deviceMacs;
  private final double[] serverMacs;
  private final double[] bits;
  private final int[] pointIds;
  private final boolean[] chain;
  private final double baseLatency;

  private Workload(
      String model,
      long totalMacs,
      double[] deviceMacs,
      double[] serverMacs,
      double[] bits,
      int[] pointIds,
      boolean[] chain,
      double baseLatency) {
    this.model = model;
    this.totalMacs = totalMacs;
    this.deviceMacs = deviceMacs;
    this.serverMacs = serverMacs;
    this.bits = bits;
    this.pointIds = pointIds;
    this.chain = chain;
    this.baseLatency = baseLatency;
  }

  /** The workload of a configuration (partition search results are memoised per model). */
  public static Workload of(CollabEnvConfig c) {
    PartitionPoints points =
        SEARCHED.computeIfAbsent(
            c.model() + "/" + c.elementBytes(),
            k -> {
              OpGraph g =
                  ModelZoo.build(
                      c.model(), ModelOptions.defaults().withElementBytes(c.elementBytes()));
              return PartitionSearch.search(g);
            });
    List<PartitionPoint> chosen =
        c.partitioning().equals(CollabEnvConfig.PARTITION_CHAIN)
            ? points.chainCuts()
            : points.all();
    int s = chosen.size();
    double[] dev = new double[s];
    double[] srv = new double[s];
    double[] b = new double[s];
    int[] ids = new int[s];
    boolean[] ch = new boolean[s];
    for (int i = 0; i < s; i++) {
      PartitionPoint p = chosen.get(i);
      dev[i] = p.deviceMacs();
      srv[i] = p.serverMacs();
      b[i] = p.bytesSent() * 8.0;
      ids[i] = p.s();
      ch[i] = p.isChainCut();
    }
    long total = (long) (dev[0] + srv[0]);
    // MODEL-NOTES COLLAB 3: L_0 is measured for ResNet-50; other models scale it by their MACs.
    double l0 = c.baseLatency().seconds() * total / RESNET50_MACS;
    return new Workload(c.model(), total, dev, srv, b, ids, ch, l0);
  }

  /** A workload from explicit arrays (tests). The last point must run everything locally. */
  public static Workload of(
      String model, double[] deviceMacs, double[] serverMacs, double[] bits, double baseLatency) {
    int[] ids = new int[deviceMacs.length];
    boolean[] ch = new boolean[deviceMacs.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i + 1;
      ch[i] = true;
    }
    return new Workload(
        model,
        (long) (deviceMacs[0] + serverMacs[0]),
        deviceMacs.clone(),
        serverMacs.clone(),
        bits.clone(),
        ids,
        ch,
        baseLatency);
  }

  public String model() {
    return model;
  }

  /** Points an MD may choose. */
  public int size() {
    return deviceMacs.length;
  }

  /** Index of the "everything local" point. */
  public int localIndex() {
    return deviceMacs.length - 1;
  }

  public long totalMacs() {
    return totalMacs;
  }

  public double deviceMacs(int i) {
    return deviceMacs[i];
  }

  public double serverMacs(int i) {
    return serverMacs[i];
  }

  /** I_n of point i, bits. */
  public double bits(int i) {
    return bits[i];
  }

  /** The point's s in the full sequence of Algorithm 1 (1..S). */
  public int pointId(int i) {
    return pointIds[i];
  }

  /** Whether point i is a chain cut (at most one tensor crosses: Neurosurgeon's choices). */
  public boolean isChainCut(int i) {
    return chain[i];
  }

  /** L_0 of this model, seconds. */
  public double baseLatency() {
    return baseLatency;
  }
}
