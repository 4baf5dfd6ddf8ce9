package io.edgeoffload.lab.report;

import io.edgeoffload.lab.Stats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates runs over seeds: per (point, series) the mean of the runs' values and the two-sided
 * 95% Student-t interval over seeds ({@link Stats#summarize}).
 */
public final class Aggregation {
  private Aggregation() {}

  /**
   * One run's value of one metric (its mean over evaluation episodes).
   *
   * @param series the curve it belongs to ({@link #seriesLabel})
   * @param point the sweep point's label ({@code key=value, ...}; empty without a grid)
   * @param x the point's value of the one numeric key that varies, or null
   */
  public record RunValue(String series, String point, Double x, long seed, double value) {}

  /** A (point, series) cell: the summary over its runs (one per seed). */
  public record Cell(String point, Double x, String series, Stats.Summary summary) {}

  /** The label of a policy's series: {@code ucms-maddpg (trained)} for training runs. */
  public static String seriesLabel(String kind, String policy) {
    if (kind == null || kind.equals("eval")) {
      return policy;
    }
    return policy + (kind.equals("train") ? " (trained)" : " (" + kind + ")");
  }

  /**
   * Cells of {@code values}, ordered by point (by x when there is one, otherwise in natural order
   * of the labels, numbers compared as numbers) and then by series in {@code seriesOrder} (series
   * not in it after, alphabetically).
   */
  public static List<Cell> aggregate(List<RunValue> values, List<String> seriesOrder) {
    Map<List<Object>, List<RunValue>> groups = new LinkedHashMap<>();
    for (RunValue v : values) {
      groups.computeIfAbsent(List.of(v.point(), v.series()), k -> new ArrayList<>()).add(v);
    }
    List<Cell> cells = new ArrayList<>();
    for (List<RunValue> g : groups.values()) {
      double[] x = new double[g.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = g.get(i).value();
      }
      RunValue first = g.get(0);
      cells.add(new Cell(first.point(), first.x(), first.series(), Stats.summarize(x)));
    }
    cells.sort(
        Comparator.comparing(Cell::point, Aggregation::comparePoints)
            .thenComparing(c -> c.x() == null ? 0.0 : c.x())
            .thenComparing(Cell::series, seriesComparator(seriesOrder)));
    // Points with an x sort by it; the label order above is only a tie-breaker between equal x.
    if (cells.stream().allMatch(c -> c.x() != null)) {
      cells.sort(
          Comparator.comparing((Cell c) -> c.x())
              .thenComparing(Cell::point, Aggregation::comparePoints)
              .thenComparing(Cell::series, seriesComparator(seriesOrder)));
    }
    return cells;
  }

  /** Series in {@code order} first, in that order; others after, alphabetically. */
  public static Comparator<String> seriesComparator(List<String> order) {
    return Comparator.comparing(
            (String s) -> order.indexOf(s) < 0 ? Integer.MAX_VALUE : order.indexOf(s))
        .thenComparing(Comparator.naturalOrder());
  }

  /** Natural order of labels: runs of digits compare as numbers ("n=4" before "n=12"). */
  public static int comparePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = i;
        while (ei < a.length() && (Character.isDigit(a.charAt(ei)) || a.charAt(ei) == '.')) {
          ei++;
        }
        int ej = j;
        while (ej < b.length() && (Character.isDigit(b.charAt(ej)) || b.charAt(ej) == '.')) {
          ej++;
        }
        int c = compareNumbers(a.substring(i, ei), b.substring(j, ej));
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static int compareNumbers(String a, String b) {
    try {
      int c = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
      return c != 0 ? c : a.compareTo(b);
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  /**
   * Per episode, the summary over seeds of each seed's curve smoothed by a trailing moving average
   * of {@code window} episodes; curves shorter than the longest count only where they have values.
   *
   * @param curves one per seed, value per episode
   */
  public static Stats.Summary[] curveBand(List<double[]> curves, int window) {
    int len = 0;
    List<double[]> smooth = new ArrayList<>();
    for (double[] c : curves) {
      smooth.add(Stats.movingAverage(c, Math.max(1, window)));
      len = Math.max(len, c.length);
    }
    Stats.Summary[] out = new Stats.Summary[len];
    for (int e = 0; e < len; e++) {
      List<Double> at = new ArrayList<>();
      for (double[] c : smooth) {
        if (e < c.length && Double.isFinite(c[e])) {
          at.add(c[e]);
        }
      }
      out[e] = Stats.summarize(at.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return out;
  }

  /** The moving-average window for {@code episodes}: about 5% of them, at least 1. */
  public static int window(int episodes) {
    return Math.max(1, (int) Math.round(episodes * 0.05));
  }
}
