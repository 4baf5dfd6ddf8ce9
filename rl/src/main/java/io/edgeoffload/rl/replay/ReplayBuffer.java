package io.edgeoffload.rl.replay;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A ring buffer of transitions with named, fixed-width fields ({@code obs}, {@code action}, {@code
 * reward}, {@code nextObs}, {@code done}, ...). Each field is one flat row-major {@code double[]}
 * of {@code capacity × width}; slot {@code s} of field {@code f} is {@code [s·width, (s+1)·width)}.
 * When full, {@link #add} overwrites the oldest slot.
 *
 * <p>Hot-path calls ({@link #add}, {@link #gather}, {@link #sample}) allocate nothing: the caller
 * passes the input rows and the output arrays. Look field names up once with {@link #field} and
 * keep the id. Randomness comes only from the caller's {@link SplittableRandom}, so the same seed
 * and the same sequence of calls give the same samples.
 */
public final class ReplayBuffer {

  /** A named field of {@code width} doubles per transition. */
  public record Field(String name, int width) {
    public Field {
      if (name == null || name.isBlank()) {
        throw new ConfigException("field", name, "a field needs a non-blank name");
      }
      Check.range("field " + name + " width", width, 1, 1 << 20);
    }
  }

  private final int capacity;
  private final List<Field> fields;
  private final Map<String, Integer> ids = new HashMap<>();
  private final int[] widths;
  private final double[][] data;
  private int size;
  private int cursor;
  private long added;

  /**
   * @param capacity the number of transitions kept (1 … 2³⁰); the oldest is overwritten when full
   * @param fields the fields, in order; names must be distinct
   */
  public ReplayBuffer(int capacity, List<Field> fields) {
    Check.range("capacity", capacity, 1, 1 << 30);
    if (fields == null || fields.isEmpty()) {
      throw new ConfigException("fields", fields, "a replay buffer needs at least one field");
    }
    this.capacity = capacity;
    this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
    this.widths = new int[fields.size()];
    this.data = new double[fields.size()][];
    for (int f = 0; f < fields.size(); f++) {
      Field fd = fields.get(f);
      if (ids.put(fd.name(), f) != null) {
        throw new ConfigException("fields", fd.name(), "field names must be distinct");
      }
      long cells = (long) capacity * fd.width();
      if (cells > Integer.MAX_VALUE - 8) {
        throw new ConfigException(
            "capacity",
            capacity,
            "capacity × width of field " + fd.name() + " exceeds one Java array");
      }
      widths[f] = fd.width();
      data[f] = new double[(int) cells];
    }
  }

  /** Convenience for {@link #ReplayBuffer(int, List)}. */
  public ReplayBuffer(int capacity, Field... fields) {
    this(capacity, List.of(fields));
  }

  /** The id of the named field, for the hot-path methods. */
  public int field(String name) {
    Integer id = ids.get(name);
    if (id == null) {
      List<String> names = new ArrayList<>();
      for (Field f : fields) {
        names.add(f.name());
      }
      throw new IllegalArgumentException(
          "unknown field '" + name + "'; fields of this buffer: " + String.join(", ", names));
    }
    return id;
  }

  /** The fields, in id order. */
  public List<Field> fields() {
    return fields;
  }

  /** The width of field {@code f}. */
  public int width(int f) {
    return widths[f];
  }

  public int capacity() {
    return capacity;
  }

  /** The number of written slots, {@code min(added, capacity)}; slots {@code [0, size)}. */
  public int size() {
    return size;
  }

  /** The number of transitions ever added. */
  public long added() {
    return added;
  }

  /** The slot the next {@link #add} will write. */
  public int cursor() {
    return cursor;
  }

  /**
   * Appends one transition: {@code rows[f]} holds field {@code f}'s row at offset 0 (at least
   * {@code width(f)} values; longer arrays are read only up to the width).
   *
   * @return the slot written
   */
  public int add(double[][] rows) {
    if (rows.length != data.length) {
      throw new IllegalArgumentException(
          "add: " + rows.length + " rows given, the buffer has " + data.length + " fields");
    }
    int slot = cursor;
    for (int f = 0; f < data.length; f++) {
      int w = widths[f];
      if (rows[f].length < w) {
        throw new IllegalArgumentException(
            "add: row of field "
                + fields.get(f).name()
                + " has "
                + rows[f].length
                + " values, the field is "
                + w
                + " wide");
      }
      System.arraycopy(rows[f], 0, data[f], slot * w, w);
    }
    cursor = slot + 1 == capacity ? 0 : slot + 1;
    if (size < capacity) {
      size++;
    }
    added++;
    return slot;
  }

  /** Overwrites field {@code f} of an already written slot from {@code src[off, off+width)}. */
  public void set(int f, int slot, double[] src, int off) {
    checkSlot(slot);
    System.arraycopy(src, off, data[f], slot * widths[f], widths[f]);
  }

  /** Copies field {@code f} of {@code slot} into {@code out[off, off+width)}. */
  public void get(int f, int slot, double[] out, int off) {
    checkSlot(slot);
    System.arraycopy(data[f], slot * widths[f], out, off, widths[f]);
  }

  /** The first value of field {@code f} of {@code slot} (for width-1 fields like rewards). */
  public double get(int f, int slot) {
    checkSlot(slot);
    return data[f][slot * widths[f]];
  }

  /**
   * Copies the rows of field {@code f} at slots {@code idx[0..n)} into the batch matrix {@code out}
   * (row-major, {@code n × width}, from offset {@code outOff}).
   */
  public void gather(int f, int[] idx, int n, double[] out, int outOff) {
    gather(f, idx, n, out, outOff, widths[f]);
  }

  /**
   * Strided gather: the row of slot {@code idx[i]} goes to {@code out[outOff + i·outStride, … +
   * width)}. With {@code outStride} the width of a concatenated row and {@code outOff} the column
   * where this field starts, several gathers assemble one input matrix without a second copy, e.g.
   * a centralised critic's rows {@code [obs_1 … obs_N | a_1 … a_N]} from the agents of a {@link
   * JointReplay}.
   */
  public void gather(int f, int[] idx, int n, double[] out, int outOff, int outStride) {
    int w = widths[f];
    if (outStride < w) {
      throw new IllegalArgumentException(
          "gather: stride " + outStride + " is narrower than field " + fields.get(f).name());
    }
    double[] src = data[f];
    for (int i = 0; i < n; i++) {
      int slot = idx[i];
      checkSlot(slot);
      System.arraycopy(src, slot * w, out, outOff + i * outStride, w);
    }
  }

  /** {@link #gather(int, int[], int, double[], int)} from offset 0. */
  public void gather(int f, int[] idx, int n, double[] out) {
    gather(f, idx, n, out, 0);
  }

  /** {@link #gather(int, int[], int, double[], int)} by field name. */
  public void gather(String field, int[] idx, int n, double[] out) {
    gather(field(field), idx, n, out, 0);
  }

  /**
   * Draws {@code n} slots uniformly, with replacement, from the written ones ({@code [0, size)})
   * into {@code idxOut[0..n)}.
   */
  public void sample(int n, SplittableRandom rng, int[] idxOut) {
    sampleUniform(size, n, rng, idxOut);
  }

  /** Uniform draws with replacement from {@code [0, size)}; shared with {@link JointReplay}. */
  static void sampleUniform(int size, int n, SplittableRandom rng, int[] idxOut) {
    if (size == 0) {
      throw new IllegalStateException("sample from an empty replay buffer");
    }
    if (n < 0 || n > idxOut.length) {
      throw new IllegalArgumentException(
          "sample: n = " + n + " with an index array of " + idxOut.length);
    }
    for (int i = 0; i < n; i++) {
      idxOut[i] = rng.nextInt(size);
    }
  }

  /** Forgets every transition (the arrays are kept; unwritten slots are never sampled). */
  public void clear() {
    size = 0;
    cursor = 0;
    added = 0;
  }

  private void checkSlot(int slot) {
    if (slot < 0 || slot >= size) {
      throw new IndexOutOfBoundsException(
          "slot " + slot + " is not written; written slots: [0, " + size + ")");
    }
  }

  /**
   * Writes the stored transitions and the write position (for checkpoints that resume training
   * exactly). The field layout is written too and checked by {@link #readState}.
   */
  public void writeState(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(capacity);
    out.writeInt(data.length);
    for (int f = 0; f < data.length; f++) {
      out.writeUTF(fields.get(f).name());
      out.writeInt(widths[f]);
    }
    out.writeInt(size);
    out.writeInt(cursor);
    out.writeLong(added);
    for (int f = 0; f < data.length; f++) {
      io.edgeoffload.nn.io.Bulk.writeDoubles(out, data[f], 0, size * widths[f]);
    }
  }

  /** Restores what {@link #writeState} wrote into a buffer of the same capacity and fields. */
  public void readState(java.io.DataInput in) throws java.io.IOException {
    int cap = in.readInt();
    int nf = in.readInt();
    if (cap != capacity || nf != data.length) {
      throw new java.io.IOException(
          "replay state for capacity "
              + cap
              + " with "
              + nf
              + " fields; this buffer has "
              + capacity
              + " and "
              + data.length);
    }
    for (int f = 0; f < nf; f++) {
      String name = in.readUTF();
      int w = in.readInt();
      if (!name.equals(fields.get(f).name()) || w != widths[f]) {
        throw new java.io.IOException(
            "replay field "
                + f
                + " saved as "
                + name
                + "["
                + w
                + "], this buffer has "
                + fields.get(f).name()
                + "["
                + widths[f]
                + "]");
      }
    }
    int sz = in.readInt();
    int cur = in.readInt();
    long add = in.readLong();
    if (sz < 0 || sz > capacity || cur < 0 || cur >= capacity) {
      throw new java.io.IOException("replay state: size " + sz + ", cursor " + cur + " invalid");
    }
    for (int f = 0; f < nf; f++) {
      io.edgeoffload.nn.io.Bulk.readDoubles(in, data[f], 0, sz * widths[f]);
    }
    size = sz;
    cursor = cur;
    added = add;
  }
}
