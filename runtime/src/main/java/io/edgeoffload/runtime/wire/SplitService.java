package io.edgeoffload.runtime.wire;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The gRPC service {@value #SERVICE}: three unary methods whose messages are byte arrays encoded by
 * {@link WireFormat}. Hand-written descriptors with a byte-array marshaller instead of protoc
 * generated stubs: nothing to generate or download at build time, and the server decodes and
 * validates the bytes itself, so a malformed message becomes {@code INVALID_ARGUMENT} with a
 * message naming the problem rather than an internal parse failure.
 */
public final class SplitService {

  /** Service name. */
  public static final String SERVICE = "edgeoffload.runtime.Split";

  /** Runs a tail: {@link InferRequest} in, {@link InferReply} out. */
  public static final MethodDescriptor<byte[], byte[]> INFER = unary("Infer");

  /** The server's {@link ServerLoad}; the request is empty. */
  public static final MethodDescriptor<byte[], byte[]> LOAD = unary("Load");

  /**
   * Bandwidth probe: the request is any bytes (ignored), the reply the {@link ServerLoad}. A device
   * times probes of two sizes to estimate its link.
   */
  public static final MethodDescriptor<byte[], byte[]> PROBE = unary("Probe");

  private SplitService() {}

  private static MethodDescriptor<byte[], byte[]> unary(String method) {
    return MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, method))
        .setRequestMarshaller(BytesMarshaller.INSTANCE)
        .setResponseMarshaller(BytesMarshaller.INSTANCE)
        .build();
  }

  /** Passes bytes through. */
  static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    static final BytesMarshaller INSTANCE = new BytesMarshaller();

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
