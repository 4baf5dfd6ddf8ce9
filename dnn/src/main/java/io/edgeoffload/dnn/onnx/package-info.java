/**
 * ONNX export of operator graphs with seeded random weights: the full model, and the head and tail
 * of any partition point ({@link io.edgeoffload.dnn.onnx.OnnxExport}). Models are built with the
 * generated protobuf classes {@code ai.onnx.proto.OnnxMl}; running them is left to the caller (ONNX
 * Runtime is not a dependency of this module outside its tests).
 */
package io.edgeoffload.dnn.onnx;
