package io.edgeoffload.runtime.device;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Summary of the records of one or several devices.
 *
 * @param expected requests that should have completed (devices × requests)
 * @param completed records received
 * @param lost expected minus distinct (device, request) pairs
 * @param duplicates records beyond the first for a (device, request) pair
 * @param wallSeconds wall time of the run
 * @param throughputPerSecond completed / wall time
 * @param meanSeconds mean latency
 * @param p50Seconds median latency
 * @param p99Seconds 99th percentile latency (nearest rank)
 * @param maxRelativeError largest error against the full model (NaN when not checked)
 * @param outcomes records per outcome
 */
public record LoadSummary(
    long expected,
    long completed,
    long lost,
    long duplicates,
    double wallSeconds,
    double throughputPerSecond,
    double meanSeconds,
    double p50Seconds,
    double p99Seconds,
    double maxRelativeError,
    Map<Outcome, Long> outcomes) {

  /** Summarises. */
  public static LoadSummary of(List<RequestRecord> records, long expected, double wallSeconds) {
    Set<String> seen = new HashSet<>();
    long dup = 0;
    double[] lat = new double[records.size()];
    double err = Double.NaN;
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    for (int i = 0; i < records.size(); i++) {
      RequestRecord r = records.get(i);
      if (!seen.add(r.deviceId() + "#" + r.requestId())) {
        dup++;
      }
      lat[i] = r.totalSeconds();
      outcomes.merge(r.outcome(), 1L, Long::sum);
      if (!Double.isNaN(r.maxRelativeError())) {
        err = Double.isNaN(err) ? r.maxRelativeError() : Math.max(err, r.maxRelativeError());
      }
    }
    Arrays.sort(lat);
    double mean = Arrays.stream(lat).average().orElse(Double.NaN);
    return new LoadSummary(
        expected,
        records.size(),
        expected - seen.size(),
        dup,
        wallSeconds,
        records.size() / wallSeconds,
        mean,
        percentile(lat, 0.50),
        percentile(lat, 0.99),
        err,
        outcomes);
  }

  /** Nearest-rank percentile of sorted values; NaN when empty. */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** A few lines for the terminal. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "requests %d/%d completed, lost %d, answered twice %d%n"
            + "wall %.2f s, throughput %.2f requests/s%n"
            + "latency mean %.1f ms, p50 %.1f ms, p99 %.1f ms%n"
            + "outcomes %s%n"
            + "max relative error vs full model: %s",
        completed,
        expected,
        lost,
        duplicates,
        wallSeconds,
        throughputPerSecond,
        meanSeconds * 1e3,
        p50Seconds * 1e3,
        p99Seconds * 1e3,
        outcomes,
        Double.isNaN(maxRelativeError)
            ? "not checked (--verify)"
            : String.format(Locale.ROOT, "%.2e", maxRelativeError));
  }
}
