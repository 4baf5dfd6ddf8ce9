/**
 * Real split inference (issue 9): device agents run the head of a partitioned DNN on ONNX Runtime,
 * an edge server runs the tail, gRPC carries the crossing tensors, and a policy picks the partition
 * point (or local-only) per request. Sub-packages: {@code model} (split models and ONNX Runtime
 * sessions), {@code wire} (messages and the gRPC service descriptor), {@code server}, {@code
 * device}, {@code policy} (the registry of split policies) and {@code profile} (per-operator
 * latency measurement).
 */
package io.edgeoffload.runtime;
