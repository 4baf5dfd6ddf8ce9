package io.edgeoffload.rl.replay;

import java.util.Arrays;

/**
 * A complete binary tree over {@code n} non-negative leaves whose inner nodes hold the sum of their
 * children: {@link #set} and {@link #find} are O(log n), {@link #total} is O(1).
 *
 * <p><b>Floating drift.</b> A common implementation propagates the change {@code p - old} up the
 * tree; the rounding error of every update then stays in the inner nodes and accumulates over
 * millions of updates, until {@code total()} no longer equals the sum of the leaves (and a tiny
 * leaf's share can even turn negative). Here {@link #set} never adds deltas: it recomputes every
 * ancestor of the leaf as the exact floating sum of its two children. Each inner node therefore
 * depends only on the current leaves, never on the history of updates, so there is no drift to
 * guard against: after any sequence of updates, {@code total()} is bit-for-bit the value a fresh
 * tree built from the same leaves would hold, and it differs from the exact sum of the leaves by at
 * most the rounding of one pairwise summation (relative error ≤ ⌈log₂ n⌉·2⁻⁵³).
 *
 * <p>Leaves are stored in one flat array, the root at index 1 and leaf {@code i} at {@code base +
 * i}, where {@code base} is the smallest power of two ≥ n; unused leaves hold 0.
 */
public final class SumTree {
  private final int n;
  private final int base;
  private final double[] tree;

  /** A tree of {@code n} leaves, all 0. */
  public SumTree(int n) {
    if (n < 1 || n > (1 << 30)) {
      throw new IllegalArgumentException("leaves = " + n + ": allowed 1 <= leaves <= 2^30");
    }
    this.n = n;
    this.base = Integer.highestOneBit(n) == n ? n : Integer.highestOneBit(n) << 1;
    this.tree = new double[2 * base];
  }

  /** The number of leaves. */
  public int size() {
    return n;
  }

  /** Sets leaf {@code i} to {@code p} (finite, ≥ 0) and recomputes its ancestors from scratch. */
  public void set(int i, double p) {
    checkIndex(i);
    if (!(p >= 0 && p < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(
          "priority of leaf " + i + " = " + p + ": must be finite and >= 0");
    }
    int k = base + i;
    tree[k] = p;
    for (k >>>= 1; k >= 1; k >>>= 1) {
      tree[k] = tree[2 * k] + tree[2 * k + 1];
    }
  }

  /** Sets every leaf to 0. */
  public void clear() {
    Arrays.fill(tree, 0.0);
  }

  /** Leaf {@code i}. */
  public double get(int i) {
    checkIndex(i);
    return tree[base + i];
  }

  /** The sum of all leaves (the root). */
  public double total() {
    return tree[1];
  }

  /**
   * The leaf {@code i} whose prefix interval {@code [Σ_{j<i} p_j, Σ_{j≤i} p_j)} contains {@code
   * prefix}: drawing {@code prefix} uniformly from {@code [0, total())} picks leaf {@code i} with
   * probability {@code p_i / total()}. Never returns a leaf of priority 0 while the total is
   * positive: a prefix at or beyond the total (rounding) gives the last positive leaf.
   *
   * @throws IllegalStateException if every leaf is 0
   * @throws IllegalArgumentException if {@code prefix} is negative or NaN
   */
  public int find(double prefix) {
    if (!(prefix >= 0)) {
      throw new IllegalArgumentException("prefix = " + prefix + ": must be >= 0");
    }
    if (!(tree[1] > 0)) {
      throw new IllegalStateException("find on a sum tree whose leaves are all 0");
    }
    int k = 1;
    while (k < base) {
      double left = tree[2 * k];
      // Go right only into a positive subtree: a zero-priority leaf is never returned, even when
      // rounding leaves the prefix at or past the end of the interval.
      if (prefix < left || !(tree[2 * k + 1] > 0)) {
        k = 2 * k;
      } else {
        prefix -= left;
        k = 2 * k + 1;
      }
    }
    return k - base;
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= n) {
      throw new IndexOutOfBoundsException("leaf " + i + " of a sum tree with " + n + " leaves");
    }
  }
}
