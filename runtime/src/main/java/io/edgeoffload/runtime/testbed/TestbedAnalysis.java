package io.edgeoffload.runtime.testbed;

import io.edgeoffload.dnn.partition.PartitionPoints;
import io.edgeoffload.dnn.profile.LatencyProfile;
import io.edgeoffload.runtime.device.Outcome;
import io.edgeoffload.runtime.device.RequestRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Measured and predicted latency of one testbed configuration.
 *
 * <p>The prediction is COLLAB eq. (2) evaluated for the decisions the devices actually took: for a
 * request at point s, L = F·T·d(s) + 8·I(s)/(R/n) + T·(1 − d(s))·n, where T is the full model's
 * time on this machine, d(s) the device's share of it from the per-operator profile (so F·T·d(s) is
 * the emulated device's head), I(s) the bytes sent, R the link rate shared by the n devices (the
 * testbed's shared access point), and the server part is the server's share × the number of MDs on
 * the server (MODEL-NOTES COLLAB 3). At s = S only F·T remains. No base round trip, no queueing
 * model beyond the ×n: the simulator's model, not a fit to the measurement.
 */
public final class TestbedAnalysis {

  private TestbedAnalysis() {}

  /** The settings of the prediction. */
  public record Setting(
      PartitionPoints points,
      LatencyProfile profile,
      double fullModelSeconds,
      double deviceSlowdown,
      double linkBitsPerSecond) {}

  /**
   * One configuration's figures.
   *
   * @param devices number of devices
   * @param policy policy id
   * @param requests records
   * @param measuredMeanSeconds mean measured latency
   * @param predictedMeanSeconds mean predicted latency (COLLAB eq. (2))
   * @param offloadedShare share of requests the server answered
   * @param outcomes records per outcome
   */
  public record Row(
      int devices,
      String policy,
      int requests,
      double measuredMeanSeconds,
      double predictedMeanSeconds,
      double offloadedShare,
      Map<Outcome, Long> outcomes) {

    /** (predicted − measured) / measured. */
    public double predictionError() {
      return (predictedMeanSeconds - measuredMeanSeconds) / measuredMeanSeconds;
    }
  }

  /** Predicted latency of one request at point s with n devices, seconds: COLLAB eq. (2). */
  public static double predictSeconds(Setting st, int s, int devices) {
    double t = st.fullModelSeconds();
    double total = st.profile().totalSeconds();
    if (s == st.points().size()) {
      return st.deviceSlowdown() * t; // COLLAB eq. (2), I = 0: all local
    }
    var p = st.points().get(s);
    double deviceShare = st.profile().deviceSeconds(p) / total;
    double serverShare = st.profile().serverSeconds(p) / total;
    double local = st.deviceSlowdown() * t * deviceShare; // L_local
    double trans = 8.0 * p.bytesSent() / (st.linkBitsPerSecond() / devices); // I_n / R_n
    double server = t * serverShare * devices; // L_0 · Σ 1(m_i = m_n)
    return local + trans + server;
  }

  /** The row of one configuration from its records. */
  public static Row analyse(Setting st, int devices, String policy, List<RequestRecord> records) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("no records for " + devices + " device(s), " + policy);
    }
    double measured = 0;
    double predicted = 0;
    long offloaded = 0;
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    for (RequestRecord r : records) {
      measured += r.totalSeconds();
      predicted += predictSeconds(st, r.point(), devices);
      outcomes.merge(r.outcome(), 1L, Long::sum);
      if (r.outcome() == Outcome.OFFLOADED) {
        offloaded++;
      }
    }
    int n = records.size();
    return new Row(
        devices, policy, n, measured / n, predicted / n, offloaded / (double) n, outcomes);
  }

  /** Parses the CSV written by {@code device --out} (header first). */
  public static List<RequestRecord> parseCsv(String text) {
    List<RequestRecord> out = new ArrayList<>();
    String[] lines = text.split("\n");
    if (lines.length == 0 || !lines[0].strip().equals(RequestRecord.CSV_HEADER)) {
      throw new IllegalArgumentException(
          "not a device CSV: header must be " + RequestRecord.CSV_HEADER);
    }
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] c = lines[i].split(",", 13);
      if (c.length != 13) {
        throw new IllegalArgumentException("line " + (i + 1) + ": expected 13 cells");
      }
      out.add(
          new RequestRecord(
              c[0],
              Long.parseLong(c[1]),
              Integer.parseInt(c[2]),
              Outcome.valueOf(c[3]),
              num(c[4]),
              num(c[5]),
              num(c[6]),
              num(c[7]),
              num(c[8]),
              num(c[9]),
              Long.parseLong(c[10]),
              num(c[11]),
              unquote(c[12])));
    }
    return out;
  }

  private static double num(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static String unquote(String s) {
    String t = s.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }
}
