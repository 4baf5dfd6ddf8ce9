package io.edgeoffload.runtime.server;

import java.util.Map;
import java.util.TreeMap;

/** The last {@code window} compute times of each point; thread-safe. */
final class ServiceTimes {
  private final int window;
  private final Map<Integer, double[]> ring = new TreeMap<>();
  private final Map<Integer, int[]> count = new TreeMap<>();

  ServiceTimes(int window) {
    this.window = window;
  }

  synchronized void add(int s, double seconds) {
    double[] r = ring.computeIfAbsent(s, k -> new double[window]);
    int[] c = count.computeIfAbsent(s, k -> new int[1]);
    r[c[0] % window] = seconds;
    c[0]++;
  }

  /** Mean of the recent times of each point seen. */
  synchronized Map<Integer, Double> means() {
    Map<Integer, Double> m = new TreeMap<>();
    for (Map.Entry<Integer, double[]> e : ring.entrySet()) {
      int n = Math.min(window, count.get(e.getKey())[0]);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += e.getValue()[i];
      }
      m.put(e.getKey(), sum / n);
    }
    return m;
  }
}
