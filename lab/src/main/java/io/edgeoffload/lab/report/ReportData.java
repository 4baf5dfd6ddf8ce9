package io.edgeoffload.lab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.report.Aggregation.Cell;
import io.edgeoffload.lab.report.Aggregation.RunValue;
import io.edgeoffload.lab.sweep.ResultsDb;
import io.edgeoffload.lab.sweep.SweepSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a report shows, read from a root's results database: the sweeps, run counts, failed
 * runs, each headline metric aggregated over seeds, training curves and provenance.
 *
 * @param sweeps the specs run in the root, oldest first
 * @param statusCounts runs per status ({@code done}, {@code failed}, ...)
 * @param failed the failed runs
 * @param metrics one per headline evaluation metric
 * @param training one per headline training metric (empty without training runs)
 * @param provenance label → values (commits, Java, hosts, engines, times)
 * @param probes one per headline training metric that training runs probed (the deterministic
 *     policy every K training episodes; empty without probes)
 */
public record ReportData(
    List<Sweep> sweeps,
    Map<String, Long> statusCounts,
    List<FailedRun> failed,
    List<MetricSummary> metrics,
    List<TrainingMetric> training,
    Map<String, String> provenance,
    List<TrainingMetric> probes) {

  public ReportData(
      List<Sweep> sweeps,
      Map<String, Long> statusCounts,
      List<FailedRun> failed,
      List<MetricSummary> metrics,
      List<TrainingMetric> training,
      Map<String, String> provenance) {
    this(sweeps, statusCounts, failed, metrics, training, provenance, List.of());
  }

  /** A spec run in the root. */
  public record Sweep(String name, String created, String spec) {}

  /** A failed run and the first line of its error. */
  public record FailedRun(
      String runId, String kind, String policy, String point, long seed, String error) {}

  /**
   * A headline metric over the sweep.
   *
   * @param xKey the one numeric grid key that varies (a line chart over it), or null (categories)
   * @param cells per (point, series): the summary over seeds
   */
  public record MetricSummary(String metric, String description, String xKey, List<Cell> cells) {
    /** Whether every run sits at the same (empty) point: no grid. */
    public boolean noGrid() {
      return cells.stream().allMatch(c -> c.point().isEmpty());
    }

    /** The distinct series, in order of first appearance. */
    public List<String> series() {
      return new ArrayList<>(new LinkedHashSet<>(cells.stream().map(Cell::series).toList()));
    }

    /** The distinct points, in order of first appearance. */
    public List<String> points() {
      return new ArrayList<>(new LinkedHashSet<>(cells.stream().map(Cell::point).toList()));
    }

    /** "n = 5", or "n = 3–5" when the cells differ in their number of seeds. */
    public String nLabel() {
      int lo = cells.stream().mapToInt(c -> c.summary().n()).min().orElse(0);
      int hi = cells.stream().mapToInt(c -> c.summary().n()).max().orElse(0);
      return lo == hi ? "n = " + lo : "n = " + lo + "–" + hi;
    }
  }

  /**
   * Training curves of one headline metric: one curve per (learner, point). {@code probe}: the
   * curves are probes of the deterministic policy (phase {@code probe}), not training episodes.
   */
  public record TrainingMetric(
      String metric, String description, int window, List<TrainingCurve> curves, boolean probe) {
    public TrainingMetric(
        String metric, String description, int window, List<TrainingCurve> curves) {
      this(metric, description, window, curves, false);
    }
  }

  /**
   * Per episode the summary over seeds of the smoothed per-seed curves; {@code x} is each point's
   * training episode (null: 1, 2, …).
   */
  public record TrainingCurve(String name, int seeds, Stats.Summary[] perEpisode, double[] x) {
    public TrainingCurve(String name, int seeds, Stats.Summary[] perEpisode) {
      this(name, seeds, perEpisode, null);
    }
  }

  /** Reads a root's results. */
  public static ReportData read(ResultsDb db) {
    List<Sweep> sweeps = new ArrayList<>();
    for (List<Object> r :
        db.query("SELECT name, CAST(created AS VARCHAR), spec FROM sweeps ORDER BY created, name")
            .rows()) {
      sweeps.add(new Sweep(str(r.get(0)), str(r.get(1)), str(r.get(2))));
    }
    Map<String, Long> status = new LinkedHashMap<>();
    for (List<Object> r :
        db.query("SELECT status, count(*) FROM runs GROUP BY status ORDER BY status").rows()) {
      status.put(str(r.get(0)), ((Number) r.get(1)).longValue());
    }
    List<FailedRun> failed = new ArrayList<>();
    for (List<Object> r :
        db.query(
                "SELECT run_id, kind, policy, point, seed, error FROM runs WHERE status <> 'done'"
                    + " ORDER BY point, policy, seed, run_id")
            .rows()) {
      failed.add(
          new FailedRun(
              str(r.get(0)),
              str(r.get(1)),
              str(r.get(2)),
              str(r.get(3)),
              ((Number) r.get(4)).longValue(),
              Text.firstLine(str(r.get(5)))));
    }
    List<String> order = seriesOrder(sweeps);
    String xKey = xKey(db);
    List<MetricSummary> metrics = new ArrayList<>();
    for (List<Object> m : headline(db, "eval")) {
      metrics.add(metric(db, str(m.get(0)), str(m.get(1)), xKey, order));
    }
    List<TrainingMetric> training = new ArrayList<>();
    List<TrainingMetric> probes = new ArrayList<>();
    for (List<Object> m : headline(db, "train")) {
      training.add(training(db, str(m.get(0)), str(m.get(1)), order));
      TrainingMetric p = probes(db, str(m.get(0)), str(m.get(1)), order);
      if (!p.curves().isEmpty()) {
        probes.add(p);
      }
    }
    return new ReportData(sweeps, status, failed, metrics, training, provenance(db), probes);
  }

  /** Policies, then learners (trained), in the order the specs name them. */
  static List<String> seriesOrder(List<Sweep> sweeps) {
    Set<String> order = new LinkedHashSet<>();
    for (Sweep s : sweeps) {
      try {
        SweepSpec spec = SweepSpec.parse(s.spec());
        order.addAll(spec.policies());
        for (String a : spec.trainAlgos()) {
          order.add(Aggregation.seriesLabel("train", a));
        }
      } catch (RuntimeException e) {
        // A spec this version cannot parse any more: its series sort alphabetically.
      }
    }
    return new ArrayList<>(order);
  }

  /** Headline metrics of {@code phase}, in the order their schemes list them. */
  private static List<List<Object>> headline(ResultsDb db, String phase) {
    List<String> order = new ArrayList<>();
    for (List<Object> r : db.query("SELECT DISTINCT scheme FROM runs ORDER BY 1").rows()) {
      try {
        for (var m : io.edgeoffload.lab.Schemes.get(str(r.get(0))).episodeMetrics()) {
          order.add(m.name());
        }
      } catch (RuntimeException e) {
        // a scheme this version does not know: its metrics sort alphabetically
      }
    }
    List<List<Object>> rows = new ArrayList<>(headlineRows(db, phase));
    rows.sort(
        java.util.Comparator.comparing(
            (List<Object> r) -> str(r.get(0)), Aggregation.seriesComparator(order)));
    return rows;
  }

  private static List<List<Object>> headlineRows(ResultsDb db, String phase) {
    return db.query(
            "SELECT s.metric, min(s.description) FROM summaries s JOIN runs r USING (run_id)"
                + " WHERE r.status = 'done' AND s.headline AND s.phase = '"
                + phase
                + "' GROUP BY s.metric ORDER BY s.metric")
        .rows();
  }

  /**
   * The grid key to draw a line over: the one key whose value varies among the done runs, when
   * every done run has it and it is numeric everywhere; null otherwise.
   */
  static String xKey(ResultsDb db) {
    long runs =
        ((Number) db.query("SELECT count(*) FROM runs WHERE status = 'done'").rows().get(0).get(0))
            .longValue();
    List<List<Object>> varying =
        db.query(
                "SELECT p.key, count(*), count(p.num) FROM params p JOIN runs r USING (run_id)"
                    + " WHERE r.status = 'done' GROUP BY p.key"
                    + " HAVING count(DISTINCT p.value) > 1")
            .rows();
    if (varying.size() != 1) {
      return null;
    }
    List<Object> k = varying.get(0);
    long has = ((Number) k.get(1)).longValue();
    long numeric = ((Number) k.get(2)).longValue();
    return has == runs && numeric == runs ? str(k.get(0)) : null;
  }

  private static MetricSummary metric(
      ResultsDb db, String metric, String description, String xKey, List<String> order) {
    String x =
        xKey == null
            ? "NULL"
            : "(SELECT num FROM params p WHERE p.run_id = r.run_id AND p.key = '"
                + sql(xKey)
                + "')";
    List<RunValue> values = new ArrayList<>();
    for (List<Object> r :
        db.query(
                "SELECT r.kind, r.policy, coalesce(r.point, ''), "
                    + x
                    + ", r.seed, s.mean FROM runs r JOIN summaries s USING (run_id)"
                    + " WHERE r.status = 'done' AND s.phase = 'eval' AND s.metric = '"
                    + sql(metric)
                    + "' ORDER BY r.run_id")
            .rows()) {
      values.add(
          new RunValue(
              Aggregation.seriesLabel(str(r.get(0)), str(r.get(1))),
              str(r.get(2)),
              r.get(3) == null ? null : ((Number) r.get(3)).doubleValue(),
              ((Number) r.get(4)).longValue(),
              r.get(5) == null ? Double.NaN : ((Number) r.get(5)).doubleValue()));
    }
    return new MetricSummary(metric, description, xKey, Aggregation.aggregate(values, order));
  }

  private static TrainingMetric training(
      ResultsDb db, String metric, String description, List<String> order) {
    // run → (curve name, values per episode)
    Map<String, String> curveOf = new LinkedHashMap<>();
    Map<String, List<Double>> valuesOf = new LinkedHashMap<>();
    Set<String> points = new TreeSet<>(Aggregation::comparePoints);
    List<List<Object>> rows =
        db.query(
                "SELECT r.run_id, r.kind, r.policy, coalesce(r.point, ''), e.value"
                    + " FROM runs r JOIN episodes e USING (run_id) WHERE r.status = 'done'"
                    + " AND e.phase = 'train' AND e.metric = '"
                    + sql(metric)
                    + "' ORDER BY r.run_id, e.episode")
            .rows();
    for (List<Object> r : rows) {
      points.add(str(r.get(3)));
    }
    for (List<Object> r : rows) {
      String id = str(r.get(0));
      // Every curve here is a learner's training: its name needs no "(trained)".
      String series = str(r.get(2));
      String point = str(r.get(3));
      curveOf.putIfAbsent(id, points.size() > 1 ? series + ", " + point : series);
      valuesOf
          .computeIfAbsent(id, k -> new ArrayList<>())
          .add(r.get(4) == null ? Double.NaN : ((Number) r.get(4)).doubleValue());
    }
    Map<String, List<double[]>> byCurve = new java.util.TreeMap<>(curveComparator(order));
    int longest = 0;
    for (Map.Entry<String, String> e : curveOf.entrySet()) {
      double[] v = valuesOf.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
      longest = Math.max(longest, v.length);
      byCurve.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(v);
    }
    int window = Aggregation.window(longest);
    List<TrainingCurve> curves = new ArrayList<>();
    byCurve.forEach(
        (name, seeds) ->
            curves.add(
                new TrainingCurve(name, seeds.size(), Aggregation.curveBand(seeds, window))));
    return new TrainingMetric(metric, description, window, curves);
  }

  /**
   * Probe curves of one metric: per run the deterministic policy's value at each probe (phase
   * {@code probe}, x from its {@code trained_episodes} column), aggregated over seeds per probe.
   */
  private static TrainingMetric probes(
      ResultsDb db, String metric, String description, List<String> order) {
    List<List<Object>> rows =
        db.query(
                "SELECT r.run_id, r.policy, coalesce(r.point, ''), x.value, v.value"
                    + " FROM runs r JOIN episodes x USING (run_id) JOIN episodes v"
                    + " ON v.run_id = x.run_id AND v.phase = x.phase AND v.episode = x.episode"
                    + " WHERE r.status = 'done' AND x.phase = 'probe'"
                    + " AND x.metric = 'trained_episodes' AND v.metric = '"
                    + sql(metric)
                    + "' ORDER BY r.run_id, x.episode")
            .rows();
    Set<String> points = new TreeSet<>(Aggregation::comparePoints);
    for (List<Object> r : rows) {
      points.add(str(r.get(2)));
    }
    Map<String, String> curveOf = new LinkedHashMap<>();
    Map<String, List<double[]>> xyOf = new LinkedHashMap<>();
    for (List<Object> r : rows) {
      String id = str(r.get(0));
      String series = str(r.get(1));
      String point = str(r.get(2));
      curveOf.putIfAbsent(id, points.size() > 1 ? series + ", " + point : series);
      xyOf.computeIfAbsent(id, k -> new ArrayList<>())
          .add(
              new double[] {
                ((Number) r.get(3)).doubleValue(),
                r.get(4) == null ? Double.NaN : ((Number) r.get(4)).doubleValue()
              });
    }
    Map<String, List<double[]>> byCurve = new java.util.TreeMap<>(curveComparator(order));
    Map<String, double[]> xOf = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : curveOf.entrySet()) {
      List<double[]> xy = xyOf.get(e.getKey());
      double[] x = xy.stream().mapToDouble(a -> a[0]).toArray();
      double[] v = xy.stream().mapToDouble(a -> a[1]).toArray();
      byCurve.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(v);
      xOf.merge(e.getValue(), x, (a, b) -> a.length >= b.length ? a : b);
    }
    List<TrainingCurve> curves = new ArrayList<>();
    byCurve.forEach(
        (name, seeds) ->
            curves.add(
                new TrainingCurve(
                    name, seeds.size(), Aggregation.curveBand(seeds, 1), xOf.get(name))));
    return new TrainingMetric(metric, description, 1, curves, true);
  }

  private static java.util.Comparator<String> curveComparator(List<String> order) {
    java.util.Comparator<String> series = Aggregation.seriesComparator(order);
    return (a, b) -> {
      int ia = a.indexOf(", ");
      int ib = b.indexOf(", ");
      String sa = ia < 0 ? a : a.substring(0, ia);
      String sb = ib < 0 ? b : b.substring(0, ib);
      int c =
          series.compare(
              Aggregation.seriesLabel("train", sa), Aggregation.seriesLabel("train", sb));
      return c != 0 ? c : Aggregation.comparePoints(a, b);
    };
  }

  private static Map<String, String> provenance(ResultsDb db) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("git commits", distinct(db, "git_commit"));
    Set<String> javas = new TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (List<Object> r : db.query("SELECT DISTINCT provenance FROM runs").rows()) {
      try {
        JsonNode n = json.readTree(str(r.get(0)));
        javas.add(
            (n.path("java_version").asText("?") + " " + n.path("java_vendor").asText("")).strip());
      } catch (Exception e) {
        javas.add("(unreadable provenance)");
      }
    }
    p.put("Java", String.join(", ", javas));
    p.put("hosts", distinct(db, "host"));
    p.put("engines", distinct(db, "engine"));
    List<Object> t =
        db.query(
                "SELECT CAST(min(started) AS VARCHAR), CAST(max(finished) AS VARCHAR),"
                    + " sum(wall_s), count(*) FROM runs")
            .rows()
            .get(0);
    p.put("run time range", str(t.get(0)) + " … " + str(t.get(1)));
    double wall = t.get(2) == null ? 0 : ((Number) t.get(2)).doubleValue();
    p.put(
        "total run wall time",
        String.format(
            java.util.Locale.ROOT, "%.1f s (%.2f h) over %s runs", wall, wall / 3600, t.get(3)));
    return p;
  }

  private static String distinct(ResultsDb db, String column) {
    List<String> v = new ArrayList<>();
    for (List<Object> r :
        db.query("SELECT DISTINCT " + column + " FROM runs ORDER BY 1 NULLS LAST").rows()) {
      v.add(r.get(0) == null ? "(none)" : str(r.get(0)));
    }
    return String.join(", ", v);
  }

  private static String sql(String s) {
    return s.replace("'", "''");
  }

  private static String str(Object o) {
    return o == null ? "" : String.valueOf(o);
  }
}
