package io.edgeoffload.rl.replay;

import java.util.SplittableRandom;

/**
 * Proportional prioritised replay (Schaul et al., "Prioritized Experience Replay", ICLR 2016) over
 * the slots of a ring buffer: a {@link ReplayBuffer}, a buffer whose fields are per agent, or a
 * {@link JointReplay} (one priority per joint transition, one index set for all agents).
 *
 * <p>It holds priorities, not data. Tell it of every slot the storage writes, in write order
 * ({@link #add(ReplayBuffer, double[][])} does both): a new transition enters at the largest
 * priority seen so far (initially 1), so it is drawn at least once soon (Schaul Alg. 1, line 6).
 *
 * <ul>
 *   <li>Slot i is drawn with P(i) = p_i^α / Σ_k p_k^α (Schaul eq. 1), over the whole buffer (the
 *       UCMS reading of eq. 30, docs/model-notes.md): leaf i of a {@link SumTree} holds p_i^α.
 *   <li>Draws are stratified: the range [0, Σ p^α) is cut into n equal segments and one prefix is
 *       drawn uniformly in each (Schaul Appendix B.2.1).
 *   <li>Importance weights w_i = (N·P(i))^−β / max_j w_j (Schaul Sec. 3.4), N = size. The largest
 *       weight belongs to the smallest priority, kept by a {@link MinTree}, so w_i = (p_i^α / min_j
 *       p_j^α)^−β ∈ (0, 1].
 *   <li>β rises linearly from β₀ to 1 over {@link PerConfig#betaSteps()} calls of {@link #sample}
 *       ({@link PerConfig#beta(long)}).
 * </ul>
 *
 * <p>The raw priority p_i (before the exponent α) stays available through {@link #priority}: UCMS
 * weights its critic loss by η (eq. 33) instead of by importance weights.
 */
public final class PrioritizedReplay {
  private final PerConfig config;
  private final SumTree sum;
  private final MinTree min;
  private final double[] raw;
  private int size;
  private int cursor;
  private double maxPriority = 1.0;
  private long step;

  public PrioritizedReplay(PerConfig config) {
    this.config = config;
    this.sum = new SumTree(config.capacity());
    this.min = new MinTree(config.capacity());
    this.raw = new double[config.capacity()];
  }

  public PerConfig config() {
    return config;
  }

  public int capacity() {
    return config.capacity();
  }

  /** Slots with a priority, {@code [0, size)}. */
  public int size() {
    return size;
  }

  /**
   * Records that the storage wrote {@code slot} (a new transition): its priority becomes the
   * largest seen so far. Slots must come in ring order 0, 1, …, capacity − 1, 0, …, as {@link
   * ReplayBuffer#add} and {@link JointReplay#add} return them.
   */
  public void added(int slot) {
    if (slot != cursor) {
      throw new IllegalStateException(
          "slot "
              + slot
              + " recorded, expected "
              + cursor
              + ": record every slot the buffer's add returns, in order, into a buffer of the"
              + " same capacity ("
              + capacity()
              + ")");
    }
    setPriority(slot, maxPriority);
    cursor = slot + 1 == capacity() ? 0 : slot + 1;
    if (size < capacity()) {
      size++;
    }
  }

  /** Adds one transition to {@code buffer} and records its slot. */
  public int add(ReplayBuffer buffer, double[][] rows) {
    checkCapacity(buffer.capacity());
    int slot = buffer.add(rows);
    added(slot);
    return slot;
  }

  /** Adds one joint transition to {@code joint} and records its slot. */
  public int add(JointReplay joint, double[][][] rows) {
    checkCapacity(joint.capacity());
    int slot = joint.add(rows);
    added(slot);
    return slot;
  }

  /**
   * Draws {@code n} slots by stratified proportional sampling into {@code idxOut[0..n)} and their
   * normalised importance weights into {@code weightsOut[0..n)} (may be null), at the current β;
   * then advances the annealing step by one.
   */
  public void sample(int n, SplittableRandom rng, int[] idxOut, double[] weightsOut) {
    if (size == 0) {
      throw new IllegalStateException("sample from an empty prioritised replay");
    }
    if (n < 1 || n > idxOut.length || (weightsOut != null && n > weightsOut.length)) {
      throw new IllegalArgumentException("sample: n = " + n + " does not fit the output arrays");
    }
    double total = sum.total();
    double segment = total / n;
    for (int i = 0; i < n; i++) {
      double u = segment * (i + rng.nextDouble()); // Schaul App. B.2.1: one draw per stratum
      idxOut[i] = sum.find(Math.min(u, total));
    }
    if (weightsOut != null) {
      double beta = beta();
      double pMin = min.min();
      for (int i = 0; i < n; i++) {
        // Schaul Sec. 3.4: w_i = (N·P(i))^−β / max_j (N·P(j))^−β = (p_i^α / min_j p_j^α)^−β
        weightsOut[i] = Math.pow(sum.get(idxOut[i]) / pMin, -beta);
      }
    }
    step++;
  }

  /**
   * Sets the priorities of slots {@code idx[0..n)} to {@code priorities[0..n)} (finite, > 0), e.g.
   * |δ| + ε. A slot repeated in {@code idx} takes its last value.
   */
  public void updatePriorities(int[] idx, double[] priorities, int n) {
    for (int i = 0; i < n; i++) {
      int slot = idx[i];
      if (slot < 0 || slot >= size) {
        throw new IndexOutOfBoundsException(
            "slot " + slot + " has no priority; written slots: [0, " + size + ")");
      }
      setPriority(slot, priorities[i]);
    }
  }

  /**
   * Sets the priorities of slots {@code idx[0..n)} to {@code f.priority(rewards[i], tdErrors[i])},
   * e.g. the UCMS trade-off η of eq. (29).
   */
  public void updatePriorities(
      int[] idx, double[] rewards, double[] tdErrors, int n, PriorityFunction f) {
    for (int i = 0; i < n; i++) {
      int slot = idx[i];
      if (slot < 0 || slot >= size) {
        throw new IndexOutOfBoundsException(
            "slot " + slot + " has no priority; written slots: [0, " + size + ")");
      }
      setPriority(slot, f.priority(rewards[i], tdErrors[i]));
    }
  }

  /** The raw priority p of {@code slot} (before the exponent α): the UCMS η of eq. (29). */
  public double priority(int slot) {
    if (slot < 0 || slot >= size) {
      throw new IndexOutOfBoundsException(
          "slot " + slot + " has no priority; written slots: [0, " + size + ")");
    }
    return raw[slot];
  }

  /** P(slot) = p^α / Σ p^α (Schaul eq. 1). */
  public double probability(int slot) {
    return sum.get(slot) / sum.total();
  }

  /** The largest priority seen, given to new transitions. */
  public double maxPriority() {
    return maxPriority;
  }

  /** The current β (PerConfig#beta at the current step). */
  public double beta() {
    return config.beta(step);
  }

  /** Calls of {@link #sample} so far (the annealing step). */
  public long step() {
    return step;
  }

  /** Sets the annealing step, e.g. when resuming a run. */
  public void setStep(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step = " + step + ": must be >= 0");
    }
    this.step = step;
  }

  /**
   * Forgets every priority, the largest priority seen and the annealing step; call it together with
   * the storage's {@code clear()}.
   */
  public void clear() {
    sum.clear();
    min.clear();
    size = 0;
    cursor = 0;
    maxPriority = 1.0;
    step = 0;
  }

  private void setPriority(int slot, double p) {
    if (!(p > 0 && p < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "priority of slot " + slot + " = " + p + ": must be finite and > 0");
    }
    raw[slot] = p;
    if (p > maxPriority) {
      maxPriority = p;
    }
    double pa = Math.pow(p, config.alpha()); // Schaul eq. (1): p_i^α
    sum.set(slot, pa);
    min.set(slot, pa);
  }

  private void checkCapacity(int storageCapacity) {
    if (storageCapacity != capacity()) {
      throw new IllegalArgumentException(
          "storage capacity "
              + storageCapacity
              + " differs from the prioritised replay's capacity "
              + capacity());
    }
  }

  /** Writes the priorities, positions, the largest priority and the annealing step. */
  public void writeState(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(capacity());
    out.writeInt(size);
    out.writeInt(cursor);
    out.writeDouble(maxPriority);
    out.writeLong(step);
    io.edgeoffload.nn.io.Bulk.writeDoubles(out, raw, 0, size);
  }

  /**
   * Restores what {@link #writeState} wrote. The trees are rebuilt from the leaves; a sum tree's
   * nodes depend only on its leaves, so sampling continues exactly as before the save.
   */
  public void readState(java.io.DataInput in) throws java.io.IOException {
    int cap = in.readInt();
    if (cap != capacity()) {
      throw new java.io.IOException(
          "prioritised replay state for capacity " + cap + ", this one has " + capacity());
    }
    int sz = in.readInt();
    int cur = in.readInt();
    double maxP = in.readDouble();
    long st = in.readLong();
    if (sz < 0 || sz > cap || cur < 0 || cur >= cap) {
      throw new java.io.IOException("prioritised replay state: size " + sz + ", cursor " + cur);
    }
    double[] p = new double[sz];
    io.edgeoffload.nn.io.Bulk.readDoubles(in, p, 0, sz);
    clear();
    for (int i = 0; i < sz; i++) {
      setPriority(i, p[i]);
    }
    size = sz;
    cursor = cur;
    maxPriority = maxP;
    step = st;
  }
}
