package io.edgeoffload.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.dnn.onnx.OnnxExport;
import io.edgeoffload.runtime.device.DeviceAgent;
import io.edgeoffload.runtime.device.DeviceConfig;
import io.edgeoffload.runtime.device.Outcome;
import io.edgeoffload.runtime.device.RequestRecord;
import io.edgeoffload.runtime.model.OrtModel;
import io.edgeoffload.runtime.model.SplitModel;
import io.edgeoffload.runtime.model.Tensor;
import io.edgeoffload.runtime.policy.SplitPolicies;
import io.edgeoffload.runtime.server.EdgeServer;
import io.edgeoffload.runtime.server.EdgeServerConfig;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Device head, gRPC, server tail: the result equals the full model's output on the same input (run
 * independently by the full ONNX model) to a relative error of 1e-5, for several points of each
 * model. ResNet-50's ONNX export is ~100 MB and takes seconds per slice, so it gets two points
 * inside the network and the local one.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SplitEqualityTest {

  static DeviceConfig device(int port, int requests) {
    return new DeviceConfig("d0", "127.0.0.1", port, requests, 0, 30, 0.2, 100, true, 1);
  }

  private static void check(String modelId, List<Integer> points) throws Exception {
    try (EdgeServer server = EdgeServer.start(EdgeServerConfig.loopback(modelId, points));
        SplitModel model =
            SplitModel.load(modelId, points, SplitModel.Side.DEVICE, SplitModel.DEFAULT_SEED)) {
      int localPoint = model.localPoint();
      // An independent reference: OnnxExport.full, not the device's own s = S head.
      try (OrtModel full =
          OrtModel.load(OnnxExport.full(model.graph(), SplitModel.DEFAULT_SEED).toByteArray())) {
        for (int s : points) {
          DeviceConfig c = device(server.port(), 1);
          try (DeviceAgent agent =
              new DeviceAgent(c, model, SplitPolicies.create("point:" + s), null)) {
            RequestRecord r = agent.request(s);
            Tensor expected = full.run(List.of(model.randomInput(c.inputSeed() + s))).get(0);
            assertThat(r.point()).isEqualTo(s);
            assertThat(r.outcome())
                .as("s = %d: %s", s, r.detail())
                .isEqualTo(s == localPoint ? Outcome.LOCAL : Outcome.OFFLOADED);
            assertThat(r.maxRelativeError()).as("s = %d", s).isLessThanOrEqualTo(1e-5);
            assertThat(r.bytesSent()).isEqualTo(s == localPoint ? 0 : model.bytesSent(s));
            assertThat(r.bytesSent())
                .isEqualTo(s == localPoint ? 0 : model.points().get(s).bytesSent());
            // The device's reference (its s = S head, which computed maxRelativeError above) is
            // the full model: the same output as the separately exported full model.
            Tensor reference =
                model.runHead(localPoint, model.randomInput(c.inputSeed() + s)).get(0);
            assertThat(expected.data()).hasSize(1000);
            assertThat(reference.maxRelativeError(expected)).isZero();
          }
        }
      }
      assertThat(server.stats().rejected()).isZero();
    }
  }

  @Test
  void mobileNetV2SplitEqualsFullModel() throws Exception {
    // 1 sends the raw input; 10, 30 and 50 are inside the network; 54 = S runs locally.
    check("mobilenetv2", List.of(1, 10, 30, 50, 54));
  }

  @Test
  void resNet50SplitEqualsFullModel() throws Exception {
    // 20 and 45 are chain cuts between bottleneck blocks; 63 = S runs locally.
    check("resnet50", List.of(20, 45, 63));
  }

  @Test
  void googLeNetSplitEqualsFullModel() throws Exception {
    // 4 is a stem chain cut; 100, 200 and 319 cut through Inception blocks (several tensors).
    check("googlenet", List.of(4, 100, 200, 319));
  }
}
