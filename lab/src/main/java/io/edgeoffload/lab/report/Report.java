package io.edgeoffload.lab.report;

import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.report.Figures.Figure;
import io.edgeoffload.lab.report.ReportData.FailedRun;
import io.edgeoffload.lab.report.ReportData.MetricSummary;
import io.edgeoffload.lab.report.ReportData.Sweep;
import io.edgeoffload.lab.report.ReportData.TrainingMetric;
import io.edgeoffload.lab.sweep.ResultsDb;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes the report of a sweep root: {@code ROOT/report.html} (self-contained: CSS inline, figures
 * as PNG data URIs, no script, nothing fetched), {@code ROOT/report/tables.md}, {@code
 * ROOT/report/tables.tex} and each figure as {@code ROOT/report/<name>.png} and {@code .svg}.
 */
public final class Report {
  private Report() {}

  /** What was written. */
  public record Written(Path html, List<Path> files, int figures) {}

  /**
   * Reads {@code root}'s results database and writes the report.
   *
   * @param html where to write the page; null for {@code ROOT/report.html}
   */
  public static Written write(Path root, Path html) {
    ReportData data;
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      data = ReportData.read(db);
    }
    Path out = html != null ? html : root.resolve("report.html");
    Path dir = root.resolve("report");
    List<Path> files = new ArrayList<>();
    List<Figure> evalFigures = new ArrayList<>();
    for (MetricSummary m : data.metrics()) {
      evalFigures.add(Figures.metric(m));
    }
    List<Figure> trainFigures = new ArrayList<>();
    for (TrainingMetric t : data.training()) {
      trainFigures.add(Figures.training(t));
    }
    List<Figure> probeFigures = new ArrayList<>();
    for (TrainingMetric t : data.probes()) {
      probeFigures.add(Figures.training(t));
    }
    List<Figure> all = new ArrayList<>(evalFigures);
    all.addAll(trainFigures);
    all.addAll(probeFigures);
    for (Figure f : all) {
      files.add(write(dir.resolve(f.name() + ".png"), f.png()));
      files.add(write(dir.resolve(f.name() + ".svg"), f.svg()));
    }
    StringBuilder md = new StringBuilder("# Results: " + title(data) + "\n\n");
    StringBuilder tex =
        new StringBuilder("% Tables of " + title(data) + "; needs \\usepackage{booktabs}\n\n");
    for (MetricSummary m : data.metrics()) {
      md.append(Tables.markdown(m));
      tex.append(Tables.latex(m));
    }
    files.add(write(dir.resolve("tables.md"), md.toString()));
    files.add(write(dir.resolve("tables.tex"), tex.toString()));
    files.add(0, write(out, html(data, evalFigures, trainFigures, probeFigures)));
    return new Written(out, files, all.size());
  }

  private static Path write(Path p, byte[] bytes) {
    AtomicFiles.write(p, bytes);
    return p;
  }

  private static Path write(Path p, String text) {
    AtomicFiles.write(p, text);
    return p;
  }

  static String title(ReportData d) {
    List<String> names = d.sweeps().stream().map(Sweep::name).distinct().toList();
    return names.isEmpty() ? "(no sweep recorded)" : String.join(", ", names);
  }

  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
      max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
      h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;
      margin-top:2em}.meta{color:#555}figure{margin:1em 0}figure img{max-width:100%;height:auto;
      border:1px solid #eee}figcaption{color:#555;font-size:.9em}
      table{border-collapse:collapse;margin:.8em 0;font-size:.93em}table.results{min-width:70%}
      caption{caption-side:top;text-align:left;color:#555;font-size:.9em;padding-bottom:.3em}
      th,td{padding:.25em .8em;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:top}
      thead th{border-bottom:2px solid #888}td.num,th.num{text-align:right;
      font-variant-numeric:tabular-nums;white-space:nowrap}
      .failed td{color:#a00}pre{background:#f6f6f6;padding:.8em;overflow:auto;font-size:.88em}
      details{margin:.4em 0}summary{cursor:pointer;color:#036}.ok{color:#070}.bad{color:#a00}
      """;

  static String html(ReportData d, List<Figure> evalFigures, List<Figure> trainFigures) {
    return html(d, evalFigures, trainFigures, List.of());
  }

  static String html(
      ReportData d,
      List<Figure> evalFigures,
      List<Figure> trainFigures,
      List<Figure> probeFigures) {
    String title = title(d);
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Sweep report: ")
        .append(Text.html(title))
        .append("</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
    h.append("<h1>Sweep report: ").append(Text.html(title)).append("</h1>\n");
    long done = d.statusCounts().getOrDefault("done", 0L);
    long total = d.statusCounts().values().stream().mapToLong(Long::longValue).sum();
    h.append("<p class=\"meta\">Generated ")
        .append(Text.html(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)))
        .append(". Runs: <span class=\"ok\">")
        .append(done)
        .append(" done</span>, <span class=\"")
        .append(total - done > 0 ? "bad" : "ok")
        .append("\">")
        .append(total - done)
        .append(" failed</span> (")
        .append(total)
        .append(" recorded).</p>\n");
    if (!d.failed().isEmpty()) {
      h.append("<h2 id=\"failed\">Failed runs</h2>\n<table class=\"failed\">\n<thead><tr>")
          .append("<th>run</th><th>kind</th><th>policy</th><th>point</th>")
          .append("<th class=\"num\">seed</th><th>error</th></tr></thead>\n<tbody>\n");
      for (FailedRun f : d.failed()) {
        h.append("<tr><td><code>")
            .append(Text.html(f.runId()))
            .append("</code></td><td>")
            .append(Text.html(f.kind()))
            .append("</td><td>")
            .append(Text.html(f.policy()))
            .append("</td><td>")
            .append(Text.html(f.point()))
            .append("</td><td class=\"num\">")
            .append(f.seed())
            .append("</td><td>")
            .append(Text.html(f.error()))
            .append("</td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }
    contents(h, d);
    h.append("<h2 id=\"results\">Headline metrics (evaluation)</h2>\n");
    if (d.metrics().isEmpty()) {
      h.append("<p>No finished run has evaluation metrics yet.</p>\n");
    } else {
      h.append(
          "<p>Per run, the value is its mean over its evaluation episodes; per point and policy,"
              + " the mean over seeds with the two-sided 95% Student-t interval over seeds."
              + " Figures and tables are also in <code>report/</code> (PNG, SVG,"
              + " <code>tables.md</code>, <code>tables.tex</code>).</p>\n");
    }
    for (int i = 0; i < d.metrics().size(); i++) {
      MetricSummary m = d.metrics().get(i);
      h.append("<h3 id=\"metric-")
          .append(Text.html(Text.fileName(m.metric())))
          .append("\">")
          .append(Text.html(m.metric()))
          .append("</h3>\n");
      if (m.description() != null && !m.description().isBlank()) {
        h.append("<p class=\"meta\">").append(Text.html(m.description())).append("</p>\n");
      }
      figure(h, evalFigures.get(i));
      h.append(Tables.html(m));
      h.append("<details><summary>Markdown</summary><pre>")
          .append(Text.html(Tables.markdown(m)))
          .append("</pre></details>\n<details><summary>LaTeX (booktabs)</summary><pre>")
          .append(Text.html(Tables.latex(m)))
          .append("</pre></details>\n");
    }
    if (!d.training().isEmpty()) {
      h.append("<h2 id=\"training\">Training curves</h2>\n");
      for (Figure f : trainFigures) {
        figure(h, f);
      }
    }
    if (!probeFigures.isEmpty()) {
      h.append("<h2 id=\"probes\">The deterministic policy during training (probes)</h2>\n");
      for (Figure f : probeFigures) {
        figure(h, f);
      }
    }
    h.append("<h2 id=\"spec\">Sweep specification</h2>\n");
    for (Sweep s : d.sweeps()) {
      h.append("<p><b>")
          .append(Text.html(s.name()))
          .append("</b>, first recorded ")
          .append(Text.html(s.created()))
          .append("</p>\n<pre>")
          .append(Text.html(s.spec()))
          .append("</pre>\n");
    }
    h.append("<h2 id=\"provenance\">Provenance</h2>\n<table>\n<tbody>\n");
    for (Map.Entry<String, String> e : d.provenance().entrySet()) {
      h.append("<tr><th>")
          .append(Text.html(e.getKey()))
          .append("</th><td>")
          .append(Text.html(e.getValue()))
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void contents(StringBuilder h, ReportData d) {
    h.append("<nav><p>Contents: ");
    List<String> links = new ArrayList<>();
    if (!d.failed().isEmpty()) {
      links.add("<a href=\"#failed\">failed runs</a>");
    }
    for (MetricSummary m : d.metrics()) {
      links.add(
          "<a href=\"#metric-"
              + Text.html(Text.fileName(m.metric()))
              + "\">"
              + Text.html(m.metric())
              + "</a>");
    }
    if (!d.training().isEmpty()) {
      links.add("<a href=\"#training\">training curves</a>");
    }
    if (!d.probes().isEmpty()) {
      links.add("<a href=\"#probes\">probes</a>");
    }
    links.add("<a href=\"#spec\">sweep specification</a>");
    links.add("<a href=\"#provenance\">provenance</a>");
    h.append(String.join(" · ", links)).append("</p></nav>\n");
  }

  private static void figure(StringBuilder h, Figure f) {
    h.append("<figure id=\"fig-")
        .append(Text.html(f.name()))
        .append("\"><img width=\"")
        .append(Figures.WIDTH)
        .append("\" height=\"")
        .append(Figures.HEIGHT)
        .append("\" alt=\"")
        .append(Text.html(f.caption()))
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(f.png()))
        .append("\"><figcaption>")
        .append(Text.html(f.caption()))
        .append(" Files: <code>report/")
        .append(Text.html(f.name()))
        .append(".png</code>, <code>report/")
        .append(Text.html(f.name()))
        .append(".svg</code>.</figcaption></figure>\n");
  }
}
