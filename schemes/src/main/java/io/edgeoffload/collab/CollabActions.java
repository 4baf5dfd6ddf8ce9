package io.edgeoffload.collab;

/**
 * The layout of one MD's action row (eq. 7): {@code [w, s_1..s_W, c_1..c_W, m_1..m_W, P_1..P_W]}
 * with W = W_max. Discrete entries are indices (w → window size w + 1, s → the workload's point
 * index); P is in watts. Task x uses entries x of each block.
 */
public final class CollabActions {
  private CollabActions() {}

  /** Width of one MD's action row. */
  public static int width(int windowMax) {
    return 1 + 4 * windowMax;
  }

  public static int window() {
    return 0;
  }

  public static int point(int windowMax, int x) {
    return 1 + x;
  }

  public static int channel(int windowMax, int x) {
    return 1 + windowMax + x;
  }

  public static int server(int windowMax, int x) {
    return 1 + 2 * windowMax + x;
  }

  public static int power(int windowMax, int x) {
    return 1 + 3 * windowMax + x;
  }

  /** An index entry read as an integer in [0, size − 1]. */
  public static int index(float v, int size) {
    if (!(v >= 0)) {
      return 0;
    }
    return Math.min(size - 1, (int) v);
  }

  /**
   * Writes the same decision for every task of a row: window size {@code w} (1..W_max), point
   * index, channel, server and power (W).
   */
  public static void fill(float[] row, int windowMax, int w, int point, int c, int m, double p) {
    row[window()] = w - 1;
    for (int x = 0; x < windowMax; x++) {
      row[point(windowMax, x)] = point;
      row[channel(windowMax, x)] = c;
      row[server(windowMax, x)] = m;
      row[power(windowMax, x)] = (float) p;
    }
  }
}
