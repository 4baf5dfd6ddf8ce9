/**
 * The device agent: per request, asks its split policy for a point, runs the head on ONNX Runtime,
 * sends the crossing tensors to the edge server and records the latency split into local compute,
 * transfer, server wait and server compute. Whenever the server cannot answer in time (unreachable,
 * past the deadline, shedding load, rejecting, dying mid-request) it runs the tail itself, so every
 * request completes exactly once, and says which way it went.
 */
package io.edgeoffload.runtime.device;
