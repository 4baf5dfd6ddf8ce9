package io.edgeoffload.lab.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * What a run produced: its status, and per phase ({@code train}, {@code eval}, ...) one row of
 * metric values per episode. A failed run has no series and carries its error.
 *
 * @param runId the {@link RunSpec#id()}
 * @param status {@link #DONE} or {@link #FAILED}
 * @param error the error of a failed run (type, message and the first stack frames), else null
 * @param environment the versioned environment id (null when the run failed before creating it)
 * @param series the phases' per-episode values
 * @param startedMillis wall-clock start (epoch ms)
 * @param finishedMillis wall-clock end (epoch ms)
 * @param host where it ran (host name), for provenance
 * @param engine the engine that ran it ({@code threads}, {@code spark}, ...)
 */
public record RunResult(
    String runId,
    String status,
    String error,
    String environment,
    List<Series> series,
    long startedMillis,
    long finishedMillis,
    String host,
    String engine)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String DONE = "done";
  public static final String FAILED = "failed";

  public RunResult {
    series = series == null ? List.of() : List.copyOf(series);
  }

  public boolean done() {
    return DONE.equals(status);
  }

  /** Wall time in seconds. */
  public double wallSeconds() {
    return (finishedMillis - startedMillis) / 1000.0;
  }

  /** The series of {@code phase}, or null. */
  public Series series(String phase) {
    for (Series s : series) {
      if (s.phase().equals(phase)) {
        return s;
      }
    }
    return null;
  }

  /** The same result, as reported by {@code engine}. */
  public RunResult withEngine(String engine) {
    return new RunResult(
        runId, status, error, environment, series, startedMillis, finishedMillis, host, engine);
  }

  /**
   * One phase of a run: {@code values[e][k]} is metric {@code k} in episode {@code e}.
   *
   * @param phase {@code train} (training episodes), {@code eval} (evaluation episodes), or a kind's
   *     own phase name
   * @param metrics metric names, in column order
   * @param descriptions one line per metric (units)
   * @param headline whether each metric is one of the scheme's headline metrics
   * @param seeds each episode's environment seed
   * @param values per episode, per metric
   */
  public record Series(
      String phase,
      List<String> metrics,
      List<String> descriptions,
      List<Boolean> headline,
      long[] seeds,
      double[][] values)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    public Series {
      metrics = List.copyOf(metrics);
      descriptions = List.copyOf(descriptions);
      headline = List.copyOf(headline);
      if (descriptions.size() != metrics.size() || headline.size() != metrics.size()) {
        throw new IllegalArgumentException("one description and headline flag per metric");
      }
      if (seeds.length != values.length) {
        throw new IllegalArgumentException("one seed per episode");
      }
    }

    public int episodes() {
      return values.length;
    }

    /** Column of metric {@code name}. */
    public double[] column(String name) {
      int k = metrics.indexOf(name);
      if (k < 0) {
        throw new IllegalArgumentException("no metric " + name + " in phase " + phase);
      }
      double[] out = new double[values.length];
      for (int e = 0; e < values.length; e++) {
        out[e] = values[e][k];
      }
      return out;
    }
  }
}
