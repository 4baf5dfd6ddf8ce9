package io.edgeoffload.runtime.model;

import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.onnx.OnnxExport;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.partition.PartitionSearch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A model split at its candidate points, with ONNX Runtime sessions for the heads and tails (each
 * side loads what it needs). Weights are the seeded weights of {@link OnnxExport}: device and
 * server built with the same model id and seed compute the same function, and head then tail equals
 * the full model.
 */
public final class SplitModel implements AutoCloseable {

  /** Weights seed used by default on both sides. */
  public static final long DEFAULT_SEED = 1;

  /** Which sessions to load. */
  public enum Side {
    /** Heads (s = S is the full model) and tails, for running locally and falling back. */
    DEVICE,
    /** Tails only. */
    SERVER
  }

  private final String modelId;
  private final OpGraph graph;
  private final PartitionPoints points;
  private final List<Integer> candidates;
  private final Map<Integer, OrtModel> heads = new TreeMap<>();
  private final Map<Integer, OrtModel> tails = new TreeMap<>();
  private final Map<Integer, List<TensorSpec>> crossing = new TreeMap<>();
  private final TensorSpec input;
  private final TensorSpec output;

  private SplitModel(String modelId, OpGraph graph, PartitionPoints points, List<Integer> s) {
    this.modelId = modelId;
    this.graph = graph;
    this.points = points;
    this.candidates = List.copyOf(s);
    this.input = TensorSpec.of(graph.input().name(), graph.input().outputShape().toLongArray());
    this.output =
        TensorSpec.of(
            graph.outputs().get(0).name(), graph.outputs().get(0).outputShape().toLongArray());
    for (int v : s) {
      PartitionPoint p = points.get(v);
      List<TensorSpec> specs = new ArrayList<>();
      for (String name : OnnxExport.crossingTensorNames(graph, p)) {
        specs.add(TensorSpec.of(name, graph.op(name).outputShape().toLongArray()));
      }
      crossing.put(v, List.copyOf(specs));
    }
  }

  /**
   * Builds the model, exports the heads and tails of the candidate points and loads them.
   *
   * @param candidates candidate s values ({@link CandidatePoints#parse}); S is added if missing
   */
  public static SplitModel load(String modelId, List<Integer> candidates, Side side, long seed) {
    OpGraph graph = ModelZoo.build(modelId);
    PartitionPoints points = PartitionSearch.search(graph);
    List<Integer> s = new ArrayList<>(new java.util.TreeSet<>(candidates));
    if (!s.contains(points.size())) {
      s.add(points.size());
    }
    SplitModel m = new SplitModel(modelId, graph, points, s);
    try {
      for (int v : s) {
        PartitionPoint p = points.get(v);
        if (side == Side.DEVICE) {
          m.heads.put(v, OrtModel.load(OnnxExport.head(graph, p, seed).toByteArray()));
        }
        if (v != points.size()) {
          m.tails.put(v, OrtModel.load(OnnxExport.tail(graph, p, seed).toByteArray()));
        }
      }
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
    return m;
  }

  /** Model id. */
  public String modelId() {
    return modelId;
  }

  /** The operator graph. */
  public OpGraph graph() {
    return graph;
  }

  /** All partition points of the model. */
  public PartitionPoints points() {
    return points;
  }

  /** S: the point that runs everything locally. */
  public int localPoint() {
    return points.size();
  }

  /** Candidate s values, ascending, S last. */
  public List<Integer> candidates() {
    return candidates;
  }

  /** Whether s is a candidate. */
  public boolean isCandidate(int s) {
    return crossing.containsKey(s);
  }

  /** Input spec. */
  public TensorSpec input() {
    return input;
  }

  /** Output spec (the model has one output). */
  public TensorSpec output() {
    return output;
  }

  /** The tensors that cross at candidate s, in the tail's input order (empty at S). */
  public List<TensorSpec> crossing(int s) {
    List<TensorSpec> c = crossing.get(s);
    if (c == null) {
      throw new IllegalArgumentException("s = " + s + " is not a candidate point " + candidates);
    }
    return c;
  }

  /** Bytes sent at candidate s. */
  public long bytesSent(int s) {
    return crossing(s).stream().mapToLong(TensorSpec::bytes).sum();
  }

  /** Runs the head of s (at S, the full model). */
  public List<Tensor> runHead(int s, Tensor in) {
    return session(heads, s, "head").run(List.of(in));
  }

  /** Runs the tail of s on the crossing tensors; returns the model output. */
  public Tensor runTail(int s, List<Tensor> crossingTensors) {
    return session(tails, s, "tail").run(crossingTensors).get(0);
  }

  /** Whether a tail of s is loaded. */
  public boolean hasTail(int s) {
    return tails.containsKey(s);
  }

  private OrtModel session(Map<Integer, OrtModel> map, int s, String what) {
    OrtModel m = map.get(s);
    if (m == null) {
      throw new IllegalArgumentException("no " + what + " loaded for s = " + s);
    }
    return m;
  }

  /** A seeded input in [-1, 1): the same seed gives the same tensor. */
  public Tensor randomInput(long seed) {
    float[] data = new float[Math.toIntExact(input.elements())];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) rng.nextDouble(-1, 1);
    }
    return new Tensor(input.name(), input.shapeArray(), data);
  }

  /** Crossing sizes of the candidates, for logs: s → bytes. */
  public Map<Integer, Long> bytesByCandidate() {
    Map<Integer, Long> m = new LinkedHashMap<>();
    for (int s : candidates) {
      m.put(s, bytesSent(s));
    }
    return m;
  }

  @Override
  public void close() {
    for (OrtModel m : heads.values()) {
      m.close();
    }
    for (OrtModel m : tails.values()) {
      m.close();
    }
    heads.clear();
    tails.clear();
  }
}
