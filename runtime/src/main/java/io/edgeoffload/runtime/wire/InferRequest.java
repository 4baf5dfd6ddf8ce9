package io.edgeoffload.runtime.wire;

import io.edgeoffload.runtime.model.Tensor;
import java.util.List;

/**
 * A device asks the server to run the tail of point {@code point} on the crossing tensors.
 *
 * @param requestId the device's id of the request (unique per device)
 * @param deviceId the device's name
 * @param model model id; must be the server's
 * @param point partition point s; must be one the server loaded, and not S
 * @param tensors the crossing tensors, in the tail's input order
 */
public record InferRequest(
    long requestId, String deviceId, String model, int point, List<Tensor> tensors) {
  /** Copies. */
  public InferRequest {
    tensors = List.copyOf(tensors);
  }
}
