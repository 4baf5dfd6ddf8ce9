package io.edgeoffload.lab.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * What the sweep tests compare between roots (the thread pool's and Spark's, an interrupted sweep's
 * and an uninterrupted one's): read from a root's results database. Shared with the {@code spark}
 * module through lab's test jar.
 */
public final class RecordedValues {
  private RecordedValues() {}

  /** Every recorded value of a root, in a fixed order: what "identical results" compares. */
  public static List<List<Object>> values(Path root) {
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      return db.query(
              "SELECT r.run_id, r.policy, r.seed, r.status, e.phase, e.episode, e.seed, e.metric,"
                  + " e.value FROM runs r JOIN episodes e USING (run_id)"
                  + " ORDER BY r.run_id, e.phase, e.episode, e.metric")
          .rows();
    }
  }

  /** The single number that {@code sql} selects from a root's results database. */
  public static long count(Path root, String sql) {
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      return ((Number) db.query(sql).rows().get(0).get(0)).longValue();
    }
  }
}
