package io.edgeoffload.core.util;

import java.util.function.IntToDoubleFunction;

/** A stable, allocation-free merge sort of indices by a key, for the simulators' hot paths. */
public final class IndexSort {
  private IndexSort() {}

  /**
   * Sorts {@code idx[0..k)} ascending by {@code key.applyAsDouble(idx[i])}, stably: ties keep their
   * order. {@code scratch} must hold at least {@code k} entries. NaN keys sort last.
   */
  public static void sort(int[] idx, int k, int[] scratch, IntToDoubleFunction key) {
    if (k < 24) {
      for (int i = 1; i < k; i++) {
        int v = idx[i];
        double kv = key.applyAsDouble(v);
        int j = i - 1;
        while (j >= 0 && before(kv, key.applyAsDouble(idx[j]))) {
          idx[j + 1] = idx[j];
          j--;
        }
        idx[j + 1] = v;
      }
      return;
    }
    for (int width = 1; width < k; width *= 2) {
      for (int lo = 0; lo < k; lo += 2 * width) {
        int mid = Math.min(lo + width, k);
        int hi = Math.min(lo + 2 * width, k);
        int a = lo;
        int b = mid;
        int o = lo;
        while (a < mid && b < hi) {
          boolean takeB = before(key.applyAsDouble(idx[b]), key.applyAsDouble(idx[a]));
          scratch[o++] = takeB ? idx[b++] : idx[a++];
        }
        while (a < mid) {
          scratch[o++] = idx[a++];
        }
        while (b < hi) {
          scratch[o++] = idx[b++];
        }
      }
      System.arraycopy(scratch, 0, idx, 0, k);
    }
  }

  /** Strictly before, with NaN after every number. */
  private static boolean before(double x, double y) {
    return Double.compare(x, y) < 0;
  }
}
