package io.edgeoffload.lab.report;

import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.report.Aggregation.Cell;
import io.edgeoffload.lab.report.ReportData.MetricSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables of a report, one per headline metric (rows point × series, one column "mean ± 95% CI
 * half-width (n)"), as HTML, GitHub Markdown and booktabs LaTeX, every cell escaped for its target.
 */
public final class Tables {
  /** The header of the value column. */
  public static final String VALUE = "mean ± 95% CI (n)";

  private Tables() {}

  /** The column headers: point (when there is a grid), series, value. */
  public static List<String> headers(MetricSummary m) {
    return m.noGrid() ? List.of("policy", VALUE) : List.of("point", "policy", VALUE);
  }

  /** The rows as plain text, one array per cell (point, series, value) in table order. */
  public static List<String[]> rows(MetricSummary m) {
    List<String[]> rows = new ArrayList<>();
    for (Cell c : m.cells()) {
      String v = value(c.summary());
      rows.add(m.noGrid() ? new String[] {c.series(), v} : new String[] {c.point(), c.series(), v});
    }
    return rows;
  }

  /** "mean ± half-width (n)" in plain text. */
  public static String value(Stats.Summary s) {
    String[] t = Text.meanAndHalfWidth(s.mean(), s.halfWidth());
    return t[0] + " ± " + t[1] + " (" + s.n() + ")";
  }

  /** The caption of a metric's table. */
  public static String caption(MetricSummary m) {
    String d = m.description() == null || m.description().isBlank() ? "" : ": " + m.description();
    return m.metric()
        + d
        + ". Mean over seeds of each run's mean over its evaluation episodes, ± half-width of the"
        + " two-sided 95% Student-t interval over seeds; n = number of seeds.";
  }

  /** One HTML table. */
  public static String html(MetricSummary m) {
    StringBuilder sb = new StringBuilder();
    sb.append("<table class=\"results\">\n<caption>")
        .append(Text.html(caption(m)))
        .append("</caption>\n<thead><tr>");
    List<String> h = headers(m);
    for (int i = 0; i < h.size(); i++) {
      sb.append(i == h.size() - 1 ? "<th class=\"num\">" : "<th>")
          .append(Text.html(h.get(i)))
          .append("</th>");
    }
    sb.append("</tr></thead>\n<tbody>\n");
    for (String[] r : rows(m)) {
      sb.append("<tr>");
      for (int i = 0; i < r.length; i++) {
        sb.append(i == r.length - 1 ? "<td class=\"num\">" : "<td>")
            .append(Text.html(r[i]))
            .append("</td>");
      }
      sb.append("</tr>\n");
    }
    return sb.append("</tbody>\n</table>\n").toString();
  }

  /** One Markdown table with its caption as a heading line. */
  public static String markdown(MetricSummary m) {
    StringBuilder sb = new StringBuilder();
    sb.append("### ").append(Text.markdown(m.metric())).append("\n\n");
    sb.append(Text.markdown(caption(m))).append("\n\n");
    List<String> h = headers(m);
    sb.append('|');
    for (String c : h) {
      sb.append(' ').append(Text.markdown(c)).append(" |");
    }
    sb.append("\n|");
    for (int i = 0; i < h.size(); i++) {
      sb.append(i == h.size() - 1 ? " ---: |" : " --- |");
    }
    sb.append('\n');
    for (String[] r : rows(m)) {
      sb.append('|');
      for (String c : r) {
        sb.append(' ').append(Text.markdown(c)).append(" |");
      }
      sb.append('\n');
    }
    return sb.append('\n').toString();
  }

  /** One booktabs LaTeX table (needs the booktabs package). */
  public static String latex(MetricSummary m) {
    List<String> h = headers(m);
    StringBuilder sb = new StringBuilder();
    sb.append("\\begin{table}[htbp]\n\\centering\n\\caption{")
        .append(Text.latex(caption(m)))
        .append("}\n\\label{tab:")
        .append(Text.fileName(m.metric()).replace("_", "-"))
        .append("}\n\\begin{tabular}{")
        .append("l".repeat(h.size() - 1))
        .append("r}\n\\toprule\n");
    List<String> head = new ArrayList<>();
    for (int i = 0; i < h.size() - 1; i++) {
      head.add(Text.latex(h.get(i)));
    }
    head.add(Text.latex(m.metric()) + " (mean $\\pm$ 95\\% CI, $n$)");
    sb.append(String.join(" & ", head)).append(" \\\\\n\\midrule\n");
    for (int r = 0; r < m.cells().size(); r++) {
      Cell c = m.cells().get(r);
      List<String> cells = new ArrayList<>();
      if (!m.noGrid()) {
        cells.add(Text.latex(c.point()));
      }
      cells.add(Text.latex(c.series()));
      String[] t = Text.meanAndHalfWidth(c.summary().mean(), c.summary().halfWidth());
      cells.add("$" + t[0] + " \\pm " + t[1] + "$ (" + c.summary().n() + ")");
      sb.append(String.join(" & ", cells)).append(" \\\\\n");
    }
    return sb.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n\n").toString();
  }
}
