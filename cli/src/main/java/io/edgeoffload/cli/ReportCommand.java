package io.edgeoffload.cli;

import io.edgeoffload.lab.report.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgeoffload report ROOT}: a self-contained HTML report of a sweep root. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a self-contained HTML report of a sweep root (ROOT/report.html).",
      "From ROOT/results.duckdb: per headline metric a figure (mean over seeds,"
          + " 95%% Student-t bands or error bars) and a table; training curves; failed"
          + " runs; the spec; provenance. Figures inline, nothing fetched. Also writes"
          + " ROOT/report/tables.md, tables.tex (booktabs) and each figure as PNG, SVG.",
      "See docs/sweeps.md (Reports). Example: edgeoffload report runs/sweep"
    })
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ROOT", description = "Sweep root.")
  Path root;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the HTML page. Default: ROOT/report.html.")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Report.Written w = Report.write(root, out);
    PrintWriter pw = spec.commandLine().getOut();
    pw.println("wrote " + w.html());
    pw.println(
        "wrote "
            + (w.files().size() - 1)
            + " files under "
            + root.resolve("report")
            + " ("
            + w.figures()
            + " figures as PNG and SVG, tables.md, tables.tex)");
    pw.flush();
    return 0;
  }
}
