/**
 * Per-operator latency measurement with ONNX Runtime's profiler, producing a {@link
 * io.edgeoffload.dnn.profile.LatencyProfile}.
 */
package io.edgeoffload.runtime.profile;
