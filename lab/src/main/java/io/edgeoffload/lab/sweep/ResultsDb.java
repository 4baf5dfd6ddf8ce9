package io.edgeoffload.lab.sweep;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.lab.Provenance;
import io.edgeoffload.lab.Stats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The results database of a sweep root, {@code ROOT/results.duckdb} (embedded DuckDB). Tables:
 *
 * <ul>
 *   <li>{@code sweeps}: every spec run in this root (name, hash, text, provenance);
 *   <li>{@code runs}: one row per run (identity, what ran, status, error, timing, provenance);
 *   <li>{@code params}: the run's point, one row per grid key (value as text, and as a number when
 *       it is one);
 *   <li>{@code episodes}: per-episode metric values in long form (run, phase, episode, metric);
 *   <li>{@code summaries}: per run, phase and metric: mean, sd, 95% interval over episodes.
 * </ul>
 *
 * One process writes at a time (DuckDB's rule); within it, {@link #record} is synchronized and
 * replaces a run's rows in one transaction, so a run appears exactly once, whole or not at all.
 */
public final class ResultsDb implements AutoCloseable {
  /** The database file name under a sweep root. */
  public static final String FILE = "results.duckdb";

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS sweeps (name VARCHAR, spec_hash VARCHAR, spec VARCHAR,"
        + " created TIMESTAMP, provenance VARCHAR)",
    "CREATE TABLE IF NOT EXISTS runs (run_id VARCHAR, sweep VARCHAR, kind VARCHAR, scheme VARCHAR,"
        + " preset VARCHAR, environment VARCHAR, policy VARCHAR, seed BIGINT, episodes INTEGER,"
        + " train_episodes INTEGER, point VARCHAR, overrides VARCHAR, params_json VARCHAR,"
        + " config VARCHAR, status VARCHAR, error VARCHAR, started TIMESTAMP, finished TIMESTAMP,"
        + " wall_s DOUBLE, host VARCHAR, engine VARCHAR, dir VARCHAR, git_commit VARCHAR,"
        + " provenance VARCHAR)",
    "CREATE TABLE IF NOT EXISTS params (run_id VARCHAR, key VARCHAR, value VARCHAR, num DOUBLE)",
    "CREATE TABLE IF NOT EXISTS episodes (run_id VARCHAR, phase VARCHAR, episode INTEGER,"
        + " seed BIGINT, metric VARCHAR, value DOUBLE)",
    "CREATE TABLE IF NOT EXISTS summaries (run_id VARCHAR, phase VARCHAR, metric VARCHAR,"
        + " mean DOUBLE, sd DOUBLE, ci95_low DOUBLE, ci95_high DOUBLE, n INTEGER,"
        + " headline BOOLEAN, description VARCHAR)"
  };

  /** Tables exported for pandas/R, in order. */
  public static final List<String> TABLES =
      List.of("runs", "params", "summaries", "episodes", "sweeps");

  private final Path file;
  private final Connection conn;

  private ResultsDb(Path file, Connection conn) {
    this.file = file;
    this.conn = conn;
  }

  /** Opens (creating if needed) {@code root/results.duckdb} for writing. */
  public static ResultsDb open(Path root) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + root, e);
    }
    Path f = root.resolve(FILE);
    Connection c = connect(f, false);
    try (Statement st = c.createStatement()) {
      for (String ddl : SCHEMA) {
        st.execute(ddl);
      }
    } catch (SQLException e) {
      closeQuietly(c);
      throw new IllegalStateException(
          "cannot create the tables of " + f + ": " + e.getMessage(), e);
    }
    return new ResultsDb(f, c);
  }

  /**
   * Opens {@code root/results.duckdb} read-only, for queries and reports.
   *
   * @throws ConfigException when there is no database there
   */
  public static ResultsDb openReadOnly(Path root) {
    Path f = root.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      throw new ConfigException(
          "ROOT", root, "holds no " + FILE + "; run `edgeoffload sweep SPEC --out ROOT` first");
    }
    return new ResultsDb(f, connect(f, true));
  }

  private static Connection connect(Path f, boolean readOnly) {
    Properties p = new Properties();
    if (readOnly) {
      p.setProperty("duckdb.read_only", "true");
    }
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      return DriverManager.getConnection("jdbc:duckdb:" + f.toAbsolutePath(), p);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the DuckDB driver is not on the class path", e);
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("lock")) {
        throw new IllegalStateException(
            f
                + " is open in another process (a sweep still running?). DuckDB lets one process"
                + " write at a time: query when it has finished, or read the CSV/Parquet exports."
                + " DuckDB said: "
                + m,
            e);
      }
      throw new IllegalStateException("cannot open " + f + ": " + m, e);
    }
  }

  public Path file() {
    return file;
  }

  /** Records a spec run in this root (once per distinct text). */
  public synchronized void registerSweep(String name, String text) {
    String hash = RunIds.sha256(text);
    try {
      try (PreparedStatement q =
          conn.prepareStatement("SELECT 1 FROM sweeps WHERE spec_hash = ?")) {
        q.setString(1, hash);
        try (ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (PreparedStatement ins =
          conn.prepareStatement("INSERT INTO sweeps VALUES (?, ?, ?, ?, ?)")) {
        ins.setString(1, name);
        ins.setString(2, hash);
        ins.setString(3, text);
        ins.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
        ins.setString(5, json(Provenance.cached()));
        ins.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the sweep in " + file + ": " + e, e);
    }
  }

  /** Ids of the runs recorded as done. */
  public synchronized Set<String> doneIds() {
    Set<String> out = new HashSet<>();
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery("SELECT run_id FROM runs WHERE status = 'done'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e, e);
    }
    return out;
  }

  /**
   * Records a finished run, replacing whatever was recorded for its id, in one transaction.
   *
   * @param dir the run's folder, recorded for reference
   */
  public synchronized void record(RunSpec spec, RunResult r, Path dir) {
    try {
      conn.setAutoCommit(false);
      try {
        for (String t : new String[] {"runs", "params", "episodes", "summaries"}) {
          try (PreparedStatement del =
              conn.prepareStatement("DELETE FROM " + t + " WHERE run_id = ?")) {
            del.setString(1, spec.id());
            del.executeUpdate();
          }
        }
        insertRun(spec, r, dir);
        insertParams(spec);
        insertSeries(spec, r);
        conn.commit();
      } catch (SQLException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot record run " + spec.id() + " in " + file + ": " + e, e);
    }
  }

  private void insertRun(RunSpec spec, RunResult r, Path dir) throws SQLException {
    try (PreparedStatement ins =
        conn.prepareStatement(
            "INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)")) {
      int i = 1;
      ins.setString(i++, spec.id());
      ins.setString(i++, spec.sweep());
      ins.setString(i++, spec.kind());
      ins.setString(i++, spec.scheme());
      ins.setString(i++, spec.preset());
      ins.setString(i++, r.environment());
      ins.setString(i++, spec.policy());
      ins.setLong(i++, spec.seed());
      ins.setInt(i++, spec.episodes());
      ins.setInt(i++, spec.trainEpisodes());
      ins.setString(i++, spec.pointLabel());
      ins.setString(i++, json(spec.overrides()));
      ins.setString(i++, json(spec.params()));
      ins.setString(i++, configJson(spec));
      ins.setString(i++, r.status());
      ins.setString(i++, r.error());
      ins.setTimestamp(i++, new Timestamp(r.startedMillis()));
      ins.setTimestamp(i++, new Timestamp(r.finishedMillis()));
      ins.setDouble(i++, r.wallSeconds());
      ins.setString(i++, r.host());
      ins.setString(i++, r.engine());
      ins.setString(i++, dir == null ? null : dir.toString());
      Map<String, Object> prov = Provenance.cached();
      ins.setString(i++, String.valueOf(prov.get("git_commit")));
      ins.setString(i++, json(prov));
      ins.executeUpdate();
    }
  }

  private void insertParams(RunSpec spec) throws SQLException {
    try (PreparedStatement ins = conn.prepareStatement("INSERT INTO params VALUES (?, ?, ?, ?)")) {
      for (Map.Entry<String, String> e : spec.point().entrySet()) {
        ins.setString(1, spec.id());
        ins.setString(2, e.getKey());
        ins.setString(3, e.getValue());
        Double num = number(e.getValue());
        if (num == null) {
          ins.setNull(4, java.sql.Types.DOUBLE);
        } else {
          ins.setDouble(4, num);
        }
        ins.executeUpdate();
      }
    }
  }

  private void insertSeries(RunSpec spec, RunResult r) throws SQLException {
    DuckDBConnection duck = conn.unwrap(DuckDBConnection.class);
    try (DuckDBAppender app = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "episodes")) {
      for (RunResult.Series s : r.series()) {
        for (int e = 0; e < s.episodes(); e++) {
          for (int k = 0; k < s.metrics().size(); k++) {
            app.beginRow();
            app.append(spec.id());
            app.append(s.phase());
            app.append(e);
            app.append(s.seeds()[e]);
            app.append(s.metrics().get(k));
            app.append(s.values()[e][k]);
            app.endRow();
          }
        }
      }
    }
    try (PreparedStatement ins =
        conn.prepareStatement("INSERT INTO summaries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (RunResult.Series s : r.series()) {
        for (int k = 0; k < s.metrics().size(); k++) {
          Stats.Summary sum = Stats.summarize(s.column(s.metrics().get(k)));
          ins.setString(1, spec.id());
          ins.setString(2, s.phase());
          ins.setString(3, s.metrics().get(k));
          ins.setDouble(4, sum.mean());
          ins.setDouble(5, sum.sd());
          ins.setDouble(6, sum.ciLow());
          ins.setDouble(7, sum.ciHigh());
          ins.setInt(8, sum.n());
          ins.setBoolean(9, s.headline().get(k));
          ins.setString(10, s.descriptions().get(k));
          ins.executeUpdate();
        }
      }
    }
  }

  /** A query's columns and rows. */
  public record Table(List<String> columns, List<List<Object>> rows) {}

  /** Runs one SQL statement and returns its rows. */
  public synchronized Table query(String sql) {
    try (Statement st = conn.createStatement()) {
      boolean hasRows = st.execute(sql);
      if (!hasRows) {
        return new Table(List.of("changed"), List.of(List.of(st.getUpdateCount())));
      }
      try (ResultSet rs = st.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> cols = new ArrayList<>();
        for (int c = 1; c <= md.getColumnCount(); c++) {
          cols.add(md.getColumnLabel(c));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>(cols.size());
          for (int c = 1; c <= cols.size(); c++) {
            row.add(rs.getObject(c));
          }
          rows.add(row);
        }
        return new Table(cols, rows);
      }
    } catch (SQLException e) {
      throw new ConfigException("SQL", sql, e.getMessage());
    }
  }

  /**
   * Writes every table to {@code dir} as {@code <table>.<format>} ({@code parquet} or {@code csv}),
   * each through a temporary file and a rename.
   */
  public synchronized List<Path> export(Path dir, String format) {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!fmt.equals("parquet") && !fmt.equals("csv")) {
      throw new ConfigException("--format", format, "must be parquet or csv");
    }
    List<Path> out = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (String t : TABLES) {
        Path target = dir.resolve(t + "." + fmt);
        Path tmp = dir.resolve("." + t + "." + fmt + ".tmp");
        String opts = fmt.equals("parquet") ? "(FORMAT PARQUET)" : "(FORMAT CSV, HEADER)";
        try (Statement st = conn.createStatement()) {
          st.execute(
              "COPY (SELECT * FROM " + t + " ORDER BY ALL) TO '" + sqlString(tmp) + "' " + opts);
        }
        Files.move(
            tmp,
            target,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        out.add(target);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot export " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export to " + dir, e);
    }
    return out;
  }

  private static String sqlString(Path p) {
    return p.toAbsolutePath().toString().replace("'", "''");
  }

  @Override
  public synchronized void close() {
    closeQuietly(conn);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // closing: nothing left to save
    }
  }

  private static Double number(String s) {
    try {
      double d = Double.parseDouble(s.trim());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String configJson(RunSpec spec) {
    try {
      return ConfigLoader.toTree(RunKinds.resolve(spec).config()).toString();
    } catch (RuntimeException e) {
      return null; // a run whose configuration no longer resolves still records its failure
    }
  }

  static String json(Object o) {
    try {
      return RunExecutor.JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
