package io.edgeoffload.rl.replay;

import java.util.Arrays;

/**
 * A complete binary tree over {@code n} leaves whose inner nodes hold the minimum of their
 * children; unset leaves are {@code +∞}. Used by {@link PrioritizedReplay} for the smallest
 * priority, which gives the largest importance weight (Schaul et al., Sec. 3.4). {@link #set}
 * recomputes the ancestors from their children, so the root is always exactly the minimum of the
 * current leaves (a minimum has no rounding at all).
 */
public final class MinTree {
  private final int n;
  private final int base;
  private final double[] tree;

  /** A tree of {@code n} leaves, all {@code +∞}. */
  public MinTree(int n) {
    if (n < 1 || n > (1 << 30)) {
      throw new IllegalArgumentException("leaves = " + n + ": allowed 1 <= leaves <= 2^30");
    }
    this.n = n;
    this.base = Integer.highestOneBit(n) == n ? n : Integer.highestOneBit(n) << 1;
    this.tree = new double[2 * base];
    Arrays.fill(tree, Double.POSITIVE_INFINITY);
  }

  /** The number of leaves. */
  public int size() {
    return n;
  }

  /** Sets leaf {@code i} to {@code p} (not NaN; {@code +∞} clears it). */
  public void set(int i, double p) {
    if (i < 0 || i >= n) {
      throw new IndexOutOfBoundsException("leaf " + i + " of a min tree with " + n + " leaves");
    }
    if (Double.isNaN(p)) {
      throw new IllegalArgumentException("value of leaf " + i + " is NaN");
    }
    int k = base + i;
    tree[k] = p;
    for (k >>>= 1; k >= 1; k >>>= 1) {
      tree[k] = Math.min(tree[2 * k], tree[2 * k + 1]);
    }
  }

  /** Sets every leaf to {@code +∞}. */
  public void clear() {
    Arrays.fill(tree, Double.POSITIVE_INFINITY);
  }

  /** Leaf {@code i}. */
  public double get(int i) {
    if (i < 0 || i >= n) {
      throw new IndexOutOfBoundsException("leaf " + i + " of a min tree with " + n + " leaves");
    }
    return tree[base + i];
  }

  /** The smallest leaf, {@code +∞} if none is set. */
  public double min() {
    return tree[1];
  }
}
