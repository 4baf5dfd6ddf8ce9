package io.edgeoffload.runtime.wire;

import io.edgeoffload.runtime.model.Tensor;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary encoding of the messages, little-endian throughout (the byte order of ONNX raw data).
 *
 * <pre>
 * string  := u16 length, UTF-8 bytes (at most MAX_STRING_BYTES)
 * tensor  := string name, u8 dtype (1 = float32), u8 rank (at most MAX_RANK), i64 dims[rank],
 *            i64 byteCount (= 4 · Π dims), byteCount bytes of float32 data
 * request := i32 REQUEST_MAGIC, i64 requestId, string deviceId, string model, i32 point,
 *            u8 count (at most MAX_TENSORS), tensor[count]
 * load    := i32 LOAD_MAGIC, string model, i32 queued, i32 running, i32 workers, i32 maxSessions,
 *            u16 count, (i32 point, f64 serviceSeconds)[count]
 * reply   := i32 REPLY_MAGIC, i64 requestId, i64 waitNanos, i64 computeNanos, tensor output, load
 * </pre>
 *
 * Decoding checks every length against what remains before allocating, so a hostile length cannot
 * make the server allocate more than the message it already received; trailing bytes are an error.
 */
public final class WireFormat {

  /** "EOQ1". */
  public static final int REQUEST_MAGIC = 0x45_4F_51_31;

  /** "EOP1". */
  public static final int REPLY_MAGIC = 0x45_4F_50_31;

  /** "EOL1". */
  public static final int LOAD_MAGIC = 0x45_4F_4C_31;

  /** The only element type: float32. */
  public static final int DTYPE_FLOAT32 = 1;

  /** Longest string, bytes. */
  public static final int MAX_STRING_BYTES = 256;

  /** Highest tensor rank. */
  public static final int MAX_RANK = 8;

  /** Most tensors in a request. */
  public static final int MAX_TENSORS = 64;

  private WireFormat() {}

  /** Encodes a request. */
  public static byte[] encode(InferRequest r) {
    long size = 4 + 8 + str(r.deviceId()) + str(r.model()) + 4 + 1;
    for (Tensor t : r.tensors()) {
      size += tensorSize(t);
    }
    ByteBuffer b = allocate(size);
    b.putInt(REQUEST_MAGIC).putLong(r.requestId());
    putString(b, r.deviceId());
    putString(b, r.model());
    b.putInt(r.point());
    if (r.tensors().size() > MAX_TENSORS) {
      throw new IllegalArgumentException("at most " + MAX_TENSORS + " tensors");
    }
    b.put((byte) r.tensors().size());
    for (Tensor t : r.tensors()) {
      putTensor(b, t);
    }
    return b.array();
  }

  /**
   * Decodes a request.
   *
   * @throws MalformedMessageException naming what is wrong
   */
  public static InferRequest decodeRequest(byte[] bytes) {
    ByteBuffer b = wrap(bytes);
    try {
      magic(b, REQUEST_MAGIC, "request");
      long id = b.getLong();
      String device = getString(b, "deviceId");
      String model = getString(b, "model");
      int point = b.getInt();
      int count = Byte.toUnsignedInt(b.get());
      if (count > MAX_TENSORS) {
        throw new MalformedMessageException("tensor count " + count + " exceeds " + MAX_TENSORS);
      }
      List<Tensor> tensors = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        tensors.add(getTensor(b));
      }
      end(b);
      return new InferRequest(id, device, model, point, tensors);
    } catch (BufferUnderflowException e) {
      throw new MalformedMessageException("request truncated");
    }
  }

  /** Encodes a load report. */
  public static byte[] encode(ServerLoad l) {
    ByteBuffer b = allocate(loadSize(l));
    putLoad(b, l);
    return b.array();
  }

  /** Decodes a load report. */
  public static ServerLoad decodeLoad(byte[] bytes) {
    ByteBuffer b = wrap(bytes);
    try {
      ServerLoad l = getLoad(b);
      end(b);
      return l;
    } catch (BufferUnderflowException e) {
      throw new MalformedMessageException("load report truncated");
    }
  }

  /** Encodes a reply. */
  public static byte[] encode(InferReply r) {
    ByteBuffer b = allocate(4 + 24 + tensorSize(r.output()) + loadSize(r.load()));
    b.putInt(REPLY_MAGIC).putLong(r.requestId()).putLong(r.waitNanos()).putLong(r.computeNanos());
    putTensor(b, r.output());
    putLoad(b, r.load());
    return b.array();
  }

  /** Decodes a reply. */
  public static InferReply decodeReply(byte[] bytes) {
    ByteBuffer b = wrap(bytes);
    try {
      magic(b, REPLY_MAGIC, "reply");
      long id = b.getLong();
      long wait = b.getLong();
      long compute = b.getLong();
      Tensor out = getTensor(b);
      ServerLoad load = getLoad(b);
      end(b);
      return new InferReply(id, out, wait, compute, load);
    } catch (BufferUnderflowException e) {
      throw new MalformedMessageException("reply truncated");
    }
  }

  private static ByteBuffer allocate(long size) {
    return ByteBuffer.allocate(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer wrap(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void magic(ByteBuffer b, int expected, String what) {
    int m = b.getInt();
    if (m != expected) {
      throw new MalformedMessageException(
          "not a "
              + what
              + ": magic 0x"
              + Integer.toHexString(m)
              + ", expected 0x"
              + Integer.toHexString(expected));
    }
  }

  private static void end(ByteBuffer b) {
    if (b.hasRemaining()) {
      throw new MalformedMessageException(b.remaining() + " trailing bytes");
    }
  }

  private static int str(String s) {
    return 2 + s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void putString(ByteBuffer b, String s) {
    byte[] u = s.getBytes(StandardCharsets.UTF_8);
    if (u.length > MAX_STRING_BYTES) {
      throw new IllegalArgumentException("string longer than " + MAX_STRING_BYTES + " bytes");
    }
    b.putShort((short) u.length).put(u);
  }

  private static String getString(ByteBuffer b, String field) {
    int n = Short.toUnsignedInt(b.getShort());
    if (n > MAX_STRING_BYTES || n > b.remaining()) {
      throw new MalformedMessageException(field + ": string of " + n + " bytes");
    }
    byte[] u = new byte[n];
    b.get(u);
    return new String(u, StandardCharsets.UTF_8);
  }

  private static long tensorSize(Tensor t) {
    return str(t.name()) + 2 + 8L * t.shape().length + 8 + t.bytes();
  }

  private static void putTensor(ByteBuffer b, Tensor t) {
    putString(b, t.name());
    b.put((byte) DTYPE_FLOAT32).put((byte) t.shape().length);
    for (long d : t.shape()) {
      b.putLong(d);
    }
    b.putLong(t.bytes());
    b.asFloatBuffer().put(t.data());
    b.position(b.position() + Math.toIntExact(t.bytes()));
  }

  private static Tensor getTensor(ByteBuffer b) {
    String name = getString(b, "tensor name");
    int dtype = Byte.toUnsignedInt(b.get());
    if (dtype != DTYPE_FLOAT32) {
      throw new MalformedMessageException(
          "tensor '" + name + "': dtype " + dtype + ", only float32 (" + DTYPE_FLOAT32 + ")");
    }
    int rank = Byte.toUnsignedInt(b.get());
    if (rank > MAX_RANK) {
      throw new MalformedMessageException("tensor '" + name + "': rank " + rank);
    }
    long[] shape = new long[rank];
    long elements = 1;
    for (int i = 0; i < rank; i++) {
      shape[i] = b.getLong();
      if (shape[i] < 0 || shape[i] > Integer.MAX_VALUE) {
        throw new MalformedMessageException("tensor '" + name + "': dimension " + shape[i]);
      }
      elements *= shape[i];
      if (elements > Integer.MAX_VALUE) {
        throw new MalformedMessageException("tensor '" + name + "': too many elements");
      }
    }
    long byteCount = b.getLong();
    if (byteCount != 4 * elements) {
      throw new MalformedMessageException(
          "tensor '"
              + name
              + "': "
              + byteCount
              + " data bytes for "
              + elements
              + " float32 elements (expected "
              + 4 * elements
              + ")");
    }
    if (byteCount > b.remaining()) {
      throw new MalformedMessageException(
          "tensor '" + name + "': " + byteCount + " data bytes, " + b.remaining() + " remain");
    }
    float[] data = new float[(int) elements];
    b.asFloatBuffer().get(data);
    b.position(b.position() + (int) byteCount);
    return new Tensor(name, shape, data);
  }

  private static long loadSize(ServerLoad l) {
    return 4 + str(l.model()) + 16 + 2 + 12L * l.serviceSeconds().size();
  }

  private static void putLoad(ByteBuffer b, ServerLoad l) {
    b.putInt(LOAD_MAGIC);
    putString(b, l.model());
    b.putInt(l.queued()).putInt(l.running()).putInt(l.workers()).putInt(l.maxSessions());
    b.putShort((short) l.serviceSeconds().size());
    for (Map.Entry<Integer, Double> e : l.serviceSeconds().entrySet()) {
      b.putInt(e.getKey()).putDouble(e.getValue());
    }
  }

  private static ServerLoad getLoad(ByteBuffer b) {
    magic(b, LOAD_MAGIC, "load report");
    String model = getString(b, "model");
    int queued = b.getInt();
    int running = b.getInt();
    int workers = b.getInt();
    int max = b.getInt();
    int n = Short.toUnsignedInt(b.getShort());
    if (12L * n > b.remaining()) {
      throw new MalformedMessageException("load report: " + n + " points, too few bytes");
    }
    Map<Integer, Double> service = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      int s = b.getInt();
      double sec = b.getDouble();
      if (!(sec >= 0) || Double.isInfinite(sec)) {
        throw new MalformedMessageException("load report: service time " + sec);
      }
      service.put(s, sec);
    }
    return new ServerLoad(model, queued, running, workers, max, service);
  }
}
