package io.edgeoffload.runtime.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ONNX model in an ONNX Runtime session with one intra-op and one inter-op thread (on the
 * 2-core machines of this project one thread per run is fastest; parallelism comes from running
 * several requests). {@link #run} is thread-safe (ONNX Runtime sessions are).
 */
public final class OrtModel implements AutoCloseable {

  private final OrtSession session;
  private final List<String> outputNames;

  private OrtModel(OrtSession session) throws OrtException {
    this.session = session;
    this.outputNames = List.copyOf(session.getOutputNames());
  }

  /** Single-threaded, sequential session options; the caller closes them. */
  public static OrtSession.SessionOptions singleThreadOptions() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    return options;
  }

  /** Loads a model from its bytes. */
  public static OrtModel load(byte[] onnx) {
    try (OrtSession.SessionOptions options = singleThreadOptions()) {
      return new OrtModel(OrtEnvironment.getEnvironment().createSession(onnx, options));
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the model: " + e.getMessage(), e);
    }
  }

  /** Output names in the model's order. */
  public List<String> outputNames() {
    return outputNames;
  }

  /** Runs the model; outputs in the model's output order. */
  public List<Tensor> run(List<Tensor> inputs) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
    try {
      for (Tensor t : inputs) {
        feeds.put(t.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(t.data()), t.shape()));
      }
      List<Tensor> out = new ArrayList<>(outputNames.size());
      try (OrtSession.Result result = session.run(feeds)) {
        for (Map.Entry<String, OnnxValue> e : result) {
          OnnxTensor t = (OnnxTensor) e.getValue();
          FloatBuffer fb = t.getFloatBuffer();
          float[] data = new float[fb.remaining()];
          fb.get(data);
          out.add(new Tensor(e.getKey(), t.getInfo().getShape(), data));
        }
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime run failed: " + e.getMessage(), e);
    } finally {
      for (OnnxTensor t : feeds.values()) {
        t.close();
      }
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
