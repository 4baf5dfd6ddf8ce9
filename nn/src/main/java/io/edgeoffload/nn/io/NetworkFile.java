package io.edgeoffload.nn.io;

import io.edgeoffload.nn.Activation;
import io.edgeoffload.nn.Mlp;
import io.edgeoffload.nn.MlpSpec;
import io.edgeoffload.nn.linalg.MatOps;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

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

  /**
   * Writes {@code body} under {@code kind} to {@code path}, atomically: streamed into a temporary
   * file beside it (so a model of any size needs no second copy in memory), then renamed.
   */
  public static void save(Path path, String kind, int kindVersion, Body body) throws IOException {
    Path abs = path.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    try {
      CheckedOutputStream checked =
          new CheckedOutputStream(Files.newOutputStream(tmp), new CRC32());
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(checked, 1 << 16))) {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(kind);
        out.writeInt(kindVersion);
        body.write(out);
        out.flush();
        out.writeLong(checked.getChecksum().getValue());
      }
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep the default
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

  /**
   * The kind a file written by {@link #save} holds, read from its header alone (the checksum is
   * checked when the file is {@link #load loaded}), so a reader can choose how to load it.
   */
  public static String kind(Path path) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 512))) {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IOException(
            path + ": not a network file (magic " + Integer.toHexString(magic) + ")");
      }
      int format = in.readInt();
      if (format != FORMAT_VERSION) {
        throw new IOException(
            path + ": format version " + format + ", this build reads " + FORMAT_VERSION);
      }
      return in.readUTF();
    } catch (java.io.EOFException e) {
      throw new IOException(path + ": too short to be a network file", e);
    }
  }

  /**
   * Reads a file written by {@link #save} whose kind must be {@code kind}. The checksum is verified
   * over the whole file before the payload is parsed, so a damaged file is refused before the
   * reader changes anything.
   */
  public static <T> T load(Path path, String kind, Reader<T> reader) throws IOException {
    long size = Files.size(path);
    if (size < 16) {
      throw new IOException(path + ": too short to be a network file (" + size + " bytes)");
    }
    try (DataInputStream head = new DataInputStream(Files.newInputStream(path))) {
      int magic = head.readInt();
      if (magic != MAGIC) {
        throw new IOException(
            path + ": not a network file (magic " + Integer.toHexString(magic) + ")");
      }
    }
    CRC32 crc = new CRC32();
    long stored;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      byte[] buf = new byte[1 << 16];
      long left = size - 8;
      while (left > 0) {
        int r = raw.read(buf, 0, (int) Math.min(buf.length, left));
        if (r < 0) {
          throw new IOException(path + ": truncated while reading");
        }
        crc.update(buf, 0, r);
        left -= r;
      }
      stored = new DataInputStream(raw).readLong();
    }
    if (stored != crc.getValue()) {
      throw new IOException(path + ": checksum mismatch, the file is damaged or truncated");
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
      in.readInt();
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
  }

  /**
   * Reads what {@link #writeMlp} wrote straight into {@code target}, whose architecture must match
   * (checked before any parameter is written).
   */
  public static void readMlpInto(DataInput in, Mlp target) throws IOException {
    MlpSpec spec = readSpec(in);
    if (!spec.equals(target.spec())) {
      throw new IOException(
          "saved network " + spec.describe() + " does not match " + target.spec().describe());
    }
    float[] p = target.params();
    Bulk.readFloats(in, p, 0, p.length);
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
    Bulk.writeFloats(out, p, 0, p.length);
  }

  /** Reads what {@link #writeMlp} wrote into a new network using {@code ops}. */
  public static Mlp readMlp(DataInput in, MatOps ops) throws IOException {
    MlpSpec spec = readSpec(in);
    Mlp net = new Mlp(spec, 0L, ops);
    float[] p = net.params();
    Bulk.readFloats(in, p, 0, p.length);
    return net;
  }

  /** Reads an architecture and checks the parameter count that follows it. */
  private static MlpSpec readSpec(DataInput in) throws IOException {
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
    return spec;
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
