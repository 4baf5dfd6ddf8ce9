/** Benchmark runner for the partition search and ONNX Runtime latency (not a test). */
package io.edgeoffload.dnn.bench;
