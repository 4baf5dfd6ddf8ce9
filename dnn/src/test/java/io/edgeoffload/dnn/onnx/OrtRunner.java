package io.edgeoffload.dnn.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs ONNX models on ONNX Runtime, one thread, float tensors in and out. */
final class OrtRunner {

  /** A float tensor. */
  record Tensor(long[] shape, float[] data) {}

  private OrtRunner() {}

  static OrtSession.SessionOptions singleThread() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    return options;
  }

  static OrtSession session(byte[] model) throws OrtException {
    try (OrtSession.SessionOptions options = singleThread()) {
      return OrtEnvironment.getEnvironment().createSession(model, options);
    }
  }

  /** Runs a session; outputs in the session's output order. */
  static Map<String, Tensor> run(OrtSession session, Map<String, Tensor> inputs)
      throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
        feeds.put(
            e.getKey(),
            OnnxTensor.createTensor(
                env, FloatBuffer.wrap(e.getValue().data()), e.getValue().shape()));
      }
      Map<String, Tensor> out = new LinkedHashMap<>();
      try (OrtSession.Result result = session.run(feeds)) {
        for (Map.Entry<String, OnnxValue> e : result) {
          OnnxTensor t = (OnnxTensor) e.getValue();
          FloatBuffer fb = t.getFloatBuffer();
          float[] data = new float[fb.remaining()];
          fb.get(data);
          out.put(e.getKey(), new Tensor(t.getInfo().getShape(), data));
        }
      }
      return out;
    } finally {
      for (OnnxTensor t : feeds.values()) {
        t.close();
      }
    }
  }

  static Map<String, Tensor> run(byte[] model, Map<String, Tensor> inputs) throws OrtException {
    try (OrtSession session = session(model)) {
      return run(session, inputs);
    }
  }
}
