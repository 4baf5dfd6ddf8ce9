package io.edgeoffload.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.edgeoffload.lab.sweep.ResultsDb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgeoffload query ROOT "SQL"}: SQL over a sweep's results database. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Run SQL on ROOT/results.duckdb (read-only) and print the rows: a table, or --csv/--json.",
      "Tables: runs, params, episodes, summaries, sweeps (docs/sweeps.md). --export writes every"
          + " table as Parquet or CSV for pandas/R.",
      "Example: edgeoffload query runs/sweep \"SELECT policy, avg(mean) FROM runs JOIN summaries"
          + " USING (run_id) WHERE metric = 'cost' GROUP BY policy\""
    })
final class QueryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ROOT", description = "Sweep root.")
  Path root;

  @Parameters(index = "1", arity = "0..1", paramLabel = "SQL", description = "One statement.")
  String sql;

  @Option(names = "--csv", description = "Print CSV.")
  boolean csv;

  @Option(names = "--json", description = "Print a JSON array of objects.")
  boolean json;

  @Option(
      names = "--export",
      paramLabel = "DIR",
      description = "Write every table to DIR as --format files instead of querying.")
  Path export;

  @Option(
      names = "--format",
      defaultValue = "parquet",
      description = "parquet or csv (with --export). Default: ${DEFAULT-VALUE}.")
  String format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (csv && json) {
      throw new io.edgeoffload.core.config.ConfigException(
          "--csv/--json", "both", "choose one output format");
    }
    if (sql == null && export == null) {
      throw new io.edgeoffload.core.config.ConfigException(
          "SQL", "(missing)", "give a statement, or --export DIR");
    }
    PrintWriter w = spec.commandLine().getOut();
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      if (export != null) {
        for (Path p : db.export(export, format)) {
          w.println("wrote " + p);
        }
        w.flush();
        return 0;
      }
      ResultsDb.Table t = db.query(sql);
      if (csv) {
        w.print(csv(t));
      } else if (json) {
        w.println(json(t));
      } else {
        w.print(text(t));
      }
    }
    w.flush();
    return 0;
  }

  static String csv(ResultsDb.Table t) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", t.columns().stream().map(QueryCommand::csvCell).toList()));
    sb.append('\n');
    for (List<Object> row : t.rows()) {
      List<String> cells = new ArrayList<>();
      for (Object o : row) {
        cells.add(o == null ? "" : csvCell(String.valueOf(o)));
      }
      sb.append(String.join(",", cells)).append('\n');
    }
    return sb.toString();
  }

  private static String csvCell(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  static String json(ResultsDb.Table t) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int c = 0; c < row.size(); c++) {
        Object o = row.get(c);
        m.put(t.columns().get(c), o instanceof java.sql.Timestamp ts ? ts.toString() : o);
      }
      rows.add(m);
    }
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows);
  }

  /** An aligned text table; long cells are cut at 60 characters. */
  static String text(ResultsDb.Table t) {
    int n = t.columns().size();
    List<String[]> cells = new ArrayList<>();
    cells.add(t.columns().toArray(new String[0]));
    for (List<Object> row : t.rows()) {
      String[] c = new String[n];
      for (int i = 0; i < n; i++) {
        Object o = row.get(i);
        String s = o == null ? "" : o instanceof Double d ? fmt(d) : String.valueOf(o);
        s = s.replace('\n', ' ');
        c[i] = s.length() > 60 ? s.substring(0, 57) + "..." : s;
      }
      cells.add(c);
    }
    int[] width = new int[n];
    for (String[] c : cells) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.max(width[i], c[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < cells.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        line.append(i == 0 ? "" : "  ")
            .append(String.format("%-" + width[i] + "s", cells.get(r)[i]));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        for (int i = 0; i < n; i++) {
          sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n');
      }
    }
    sb.append("(").append(t.rows().size()).append(" rows)\n");
    return sb.toString();
  }

  private static String fmt(double d) {
    return String.format(java.util.Locale.ROOT, "%.6g", d);
  }
}
