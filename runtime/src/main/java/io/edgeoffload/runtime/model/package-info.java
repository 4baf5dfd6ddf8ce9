/**
 * Split models: a model's partition points, the ONNX head and tail of each candidate point, their
 * tensor specifications, and ONNX Runtime sessions that run them.
 */
package io.edgeoffload.runtime.model;
