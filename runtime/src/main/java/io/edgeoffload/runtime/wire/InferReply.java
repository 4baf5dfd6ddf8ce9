package io.edgeoffload.runtime.wire;

import io.edgeoffload.runtime.model.Tensor;

/**
 * The server's answer: the model output and how long the request waited and ran on the server.
 *
 * @param requestId the request's id
 * @param output the model output
 * @param waitNanos from admission to the start of the tail, nanoseconds
 * @param computeNanos the tail's run, nanoseconds
 * @param load the server's load after the request
 */
public record InferReply(
    long requestId, Tensor output, long waitNanos, long computeNanos, ServerLoad load) {}
