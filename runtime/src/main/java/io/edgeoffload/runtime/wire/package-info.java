/**
 * The wire protocol between devices and the edge server: message records, their binary encoding
 * ({@link io.edgeoffload.runtime.wire.WireFormat}) and the gRPC method descriptors ({@link
 * io.edgeoffload.runtime.wire.SplitService}), written by hand with a byte-array marshaller so that
 * no code generator is needed. The format is described in {@code docs/runtime.md}.
 */
package io.edgeoffload.runtime.wire;
