package io.edgeoffload.nn.io;

import io.edgeoffload.nn.Activation;
import io.edgeoffload.nn.Mlp;
import io.edgeoffload.nn.MlpSpec;
import io.edgeoffload.nn.linalg.MatOps;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * The versioned binary format of saved networks and learner checkpoints.
 *
 * <pre>
 * int   magic 0x454F4E4E ("EONN")
 * int   format version (1)
 * UTF   kind, e.g. "mlp" or "ddpg"
 * int   kind version (the writer's own layout version)
 * ...   the kind's payload
 * long  CRC-32 of everything above
 * </pre>
 *
 * Files are written to a temporary file in the same folder and renamed into place, so a crash
 * leaves either the old file or the new one, never a torn one. Reading checks the magic, the
 * versions, the kind and the checksum, and says which failed.
 */
public final class NetworkFile {

  /** "EONN". */
  public static final int MAGIC = 0x454F4E4E;

  /** The container layout written by this code. */
  public static final int FORMAT_VERSION = 1;

  private NetworkFile() {}

  /** Writes a payload. */
  @FunctionalInterface
  public interface Body {
    void write(DataOutput out) throws IOException;
  }

  /** Reads a payload of the given kind version. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(DataInput in, int kindVersion) throws IOException;
  }

  /** Writes {@code body} under {@code kind} to {@code path}, atomically. */
  public static void save(Path path, String kind, int kindVersion, Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeUTF(kind);
    out.writeInt(kindVersion);
    body.write(out);
    out.flush();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    out.flush();
    Path abs = path.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    try {
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        bytes.writeTo(os);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads a file written by {@link #save} whose kind must be {@code kind}. */
  public static <T> T load(Path path, String kind, Reader<T> reader) throws IOException {
    byte[] all;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
      all = in.readAllBytes();
    }
    if (all.length < 8 + 8) {
      throw new IOException(path + ": too short to be a network file (" + all.length + " bytes)");
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new IOException(
          path + ": not a network file (magic " + Integer.toHexString(magic) + ")");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
    if (stored != crc.getValue()) {
      throw new IOException(path + ": checksum mismatch, the file is damaged or truncated");
    }
    int format = in.readInt();
    if (format != FORMAT_VERSION) {
      throw new IOException(
          path + ": format version " + format + ", this build reads " + FORMAT_VERSION);
    }
    String found = in.readUTF();
    if (!found.equals(kind)) {
      throw new IOException(path + ": holds a '" + found + "', expected a '" + kind + "'");
    }
    int kindVersion = in.readInt();
    return reader.read(in, kindVersion);
  }

  /** Writes a network's architecture and parameters (the "mlp" payload, version 1). */
  public static void writeMlp(DataOutput out, Mlp net) throws IOException {
    MlpSpec spec = net.spec();
    out.writeInt(spec.layers() + 1);
    for (int l = 0; l <= spec.layers(); l++) {
      out.writeInt(spec.width(l));
    }
    for (int l = 0; l < spec.layers(); l++) {
      out.writeUTF(spec.activation(l).id());
    }
    out.writeDouble(spec.finalLayerScale());
    float[] p = net.params();
    out.writeInt(p.length);
    for (float f : p) {
      out.writeFloat(f);
    }
  }

  /** Reads what {@link #writeMlp} wrote into a new network using {@code ops}. */
  public static Mlp readMlp(DataInput in, MatOps ops) throws IOException {
    int n = in.readInt();
    if (n < 2 || n > 1 << 16) {
      throw new IOException("implausible layer count " + n);
    }
    int[] sizes = new int[n];
    for (int i = 0; i < n; i++) {
      sizes[i] = in.readInt();
    }
    Activation[] acts = new Activation[n - 1];
    for (int i = 0; i < n - 1; i++) {
      acts[i] = Activation.parse(in.readUTF());
    }
    double scale = in.readDouble();
    MlpSpec spec;
    try {
      spec = new MlpSpec(sizes, acts, scale);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid architecture: " + e.getMessage(), e);
    }
    int count = in.readInt();
    if (count != spec.parameterCount()) {
      throw new IOException(
          count
              + " parameters stored for "
              + spec.describe()
              + ", which has "
              + spec.parameterCount());
    }
    Mlp net = new Mlp(spec, 0L, ops);
    float[] p = net.params();
    for (int i = 0; i < count; i++) {
      p[i] = in.readFloat();
    }
    return net;
  }

  /** Saves one network to {@code path} (kind "mlp"). */
  public static void save(Path path, Mlp net) throws IOException {
    save(path, "mlp", 1, out -> writeMlp(out, net));
  }

  /** Loads one network saved by {@link #save(Path, Mlp)}. */
  public static Mlp load(Path path, MatOps ops) throws IOException {
    return load(
        path,
        "mlp",
        (in, version) -> {
          if (version != 1) {
            throw new IOException(
                path + ": mlp layout version " + version + ", this build reads 1");
          }
          return readMlp(in, ops);
        });
  }
}
