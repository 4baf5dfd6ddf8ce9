package io.edgeoffload.lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeoffload.lab.Stats;
import io.edgeoffload.lab.report.Aggregation.Cell;
import io.edgeoffload.lab.report.ReportData.MetricSummary;
import io.edgeoffload.lab.report.ReportData.TrainingCurve;
import io.edgeoffload.lab.sweep.ResultsDb;
import io.edgeoffload.lab.sweep.SweepSpec;
import io.edgeoffload.lab.sweep.Sweeper;
import io.edgeoffload.lab.sweep.ThreadPoolEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real small sweep (UCMS, 3 user counts × random/greedy/trained MADDPG × 3 seeds):
 * its numbers against {@link Stats} computed by hand from the database rows, its tables' shape, a
 * page that needs nothing outside itself, and the page rendered in headless Chromium.
 */
class ReportTest {
  static final String SPEC =
      """
      name: report-small
      scheme: ucms
      preset: ucms-kb
      set: [env.slotsPerEpisode=3]
      grid:
        env.numUsers: [4, 6, 8]
      policies: [random, greedy]
      train:
        algos: [ucms-maddpg]
        episodes: 6
        set: ["maddpg.criticHidden=[16]", "maddpg.actorHidden=[8]", maddpg.warmupSteps=5]
        probe: {every: 2, episodes: 2}
      seeds: 1-3
      episodes: 2
      """;

  @TempDir static Path root;
  static Report.Written written;
  static ReportData data;

  @BeforeAll
  static void sweepAndReport() throws Exception {
    Sweeper.Outcome o =
        Sweeper.run(SweepSpec.parse(SPEC), root, new ThreadPoolEngine(2), false, Integer.MAX_VALUE);
    assertThat(o.failed()).isZero();
    written = Report.write(root, null);
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      data = ReportData.read(db);
    }
  }

  @Test
  void eachCellIsTheMeanAndTIntervalOverSeedsOfTheRunsMeans() {
    assertThat(data.metrics()).extracting(MetricSummary::metric).contains("cost", "reward");
    Map<String, List<Double>> byHand = new TreeMap<>();
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      for (List<Object> r :
          db.query(
                  "SELECT r.kind, r.policy, r.point, s.mean FROM runs r JOIN summaries s"
                      + " USING (run_id) WHERE s.phase = 'eval' AND s.metric = 'cost'")
              .rows()) {
        String series = r.get(0).equals("train") ? r.get(1) + " (trained)" : (String) r.get(1);
        byHand
            .computeIfAbsent(r.get(2) + " | " + series, k -> new ArrayList<>())
            .add(((Number) r.get(3)).doubleValue());
      }
    }
    MetricSummary cost =
        data.metrics().stream().filter(m -> m.metric().equals("cost")).findFirst().orElseThrow();
    assertThat(cost.xKey()).isEqualTo("env.numUsers");
    assertThat(cost.cells()).hasSize(3 * 3).hasSize(byHand.size());
    for (Cell c : cost.cells()) {
      double[] v =
          byHand.get(c.point() + " | " + c.series()).stream()
              .mapToDouble(Double::doubleValue)
              .toArray();
      assertThat(v).hasSize(3);
      Stats.Summary s = Stats.summarize(v);
      assertThat(c.summary().n()).isEqualTo(3);
      assertThat(c.summary().mean())
          .isCloseTo(s.mean(), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(c.summary().ciLow())
          .isCloseTo(s.ciLow(), org.assertj.core.data.Offset.offset(1e-12));
      assertThat(c.summary().ciHigh())
          .isCloseTo(s.ciHigh(), org.assertj.core.data.Offset.offset(1e-12));
      // The interval is Student's t with 2 degrees of freedom: mean ± 4.303 sd / sqrt(3).
      assertThat(c.summary().halfWidth())
          .isCloseTo(4.302653 * s.sd() / Math.sqrt(3), org.assertj.core.data.Offset.offset(1e-5));
    }
    // Points by x, then series in the spec's order (policies, then learners).
    assertThat(cost.cells().stream().map(Cell::x).distinct()).containsExactly(4.0, 6.0, 8.0);
    assertThat(cost.series()).containsExactly("random", "greedy", "ucms-maddpg (trained)");
  }

  @Test
  void trainingCurvesHaveOnePointPerEpisodeAveragedOverSeeds() {
    assertThat(data.training()).isNotEmpty();
    ReportData.TrainingMetric cost =
        data.training().stream().filter(t -> t.metric().equals("cost")).findFirst().orElseThrow();
    assertThat(cost.curves())
        .extracting(TrainingCurve::name)
        .containsExactly(
            "ucms-maddpg, env.numUsers=4",
            "ucms-maddpg, env.numUsers=6",
            "ucms-maddpg, env.numUsers=8");
    List<double[]> seeds = new ArrayList<>();
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      for (List<Object> r :
          db.query(
                  "SELECT list(e.value ORDER BY e.episode) FROM runs r JOIN episodes e USING"
                      + " (run_id) WHERE e.phase = 'train' AND e.metric = 'cost' AND r.point ="
                      + " 'env.numUsers=6' GROUP BY r.run_id ORDER BY r.run_id")
              .rows()) {
        seeds.add(toDoubles(r.get(0)));
      }
    }
    assertThat(seeds).hasSize(3);
    TrainingCurve six = cost.curves().get(1);
    assertThat(six.seeds()).isEqualTo(3);
    assertThat(six.perEpisode()).hasSize(6);
    int w = cost.window();
    for (int e = 0; e < 6; e++) {
      double[] at = new double[3];
      for (int s = 0; s < 3; s++) {
        at[s] = Stats.movingAverage(seeds.get(s), w)[e];
      }
      assertThat(six.perEpisode()[e].mean())
          .isCloseTo(Stats.summarize(at).mean(), org.assertj.core.data.Offset.offset(1e-12));
    }
  }

  /** Probe curves: one point per probe at its training episode, the mean over seeds. */
  @Test
  void probeCurvesAverageTheSeedsAtEachProbe() {
    ReportData.TrainingMetric cost =
        data.probes().stream().filter(t -> t.metric().equals("cost")).findFirst().orElseThrow();
    assertThat(cost.probe()).isTrue();
    TrainingCurve eight = cost.curves().get(2);
    assertThat(eight.name()).isEqualTo("ucms-maddpg, env.numUsers=8");
    assertThat(eight.x()).containsExactly(2.0, 4.0, 6.0);
    try (ResultsDb db = ResultsDb.openReadOnly(root)) {
      for (int k = 0; k < 3; k++) {
        List<List<Object>> rows =
            db.query(
                    "SELECT e.value FROM runs r JOIN episodes e USING (run_id) WHERE e.phase ="
                        + " 'probe' AND e.metric = 'cost' AND e.episode = "
                        + k
                        + " AND r.point = 'env.numUsers=8' ORDER BY r.run_id")
                .rows();
        double[] v = rows.stream().mapToDouble(r -> ((Number) r.get(0)).doubleValue()).toArray();
        assertThat(v).hasSize(3);
        assertThat(eight.perEpisode()[k].mean())
            .isCloseTo(Stats.summarize(v).mean(), org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  private static double[] toDoubles(Object list) {
    if (list instanceof java.sql.Array a) {
      try {
        Object[] v = (Object[]) a.getArray();
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          out[i] = ((Number) v[i]).doubleValue();
        }
        return out;
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("not a list: " + list);
  }

  @Test
  void tablesHaveOneRowPerPointAndSeriesInEveryFormat() throws Exception {
    int metrics = data.metrics().size();
    String md = Files.readString(root.resolve("report/tables.md"));
    String tex = Files.readString(root.resolve("report/tables.tex"));
    // Markdown: per metric a header, a separator and 9 rows, each with 3 cells.
    List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
    assertThat(rows).hasSize(metrics * (2 + 9));
    for (String r : rows) {
      assertThat(r.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(4);
    }
    assertThat(md.lines().filter(l -> l.startsWith("| --- | --- | ---: |"))).hasSize(metrics);
    assertThat(md).contains("| env.numUsers=8 | ucms-maddpg (trained) |");
    // LaTeX: booktabs rules once per table, 3 columns per row, names escaped.
    assertThat(count(tex, "\\begin{tabular}{llr}")).isEqualTo(metrics);
    assertThat(count(tex, "\\toprule")).isEqualTo(metrics);
    assertThat(count(tex, "\\midrule")).isEqualTo(metrics);
    assertThat(count(tex, "\\bottomrule")).isEqualTo(metrics);
    List<String> texRows = tex.lines().filter(l -> l.endsWith("\\\\")).toList();
    assertThat(texRows).hasSize(metrics * (1 + 9));
    for (String r : texRows) {
      assertThat(r.replace("\\&", "").chars().filter(c -> c == '&').count()).isEqualTo(2);
    }
    assertThat(tex).contains("below\\_bmin\\_share").doesNotContain("below_bmin");
    // Plain ASCII: compiles with pdflatex without inputenc tricks (UCMS's descriptions use Σ, τ).
    assertThat(tex.chars().filter(c -> c > 127).count()).isZero();
    // Every LaTeX value is "$mean \pm hw$ (n)".
    Matcher m = Pattern.compile("\\$(-?[0-9.]+) \\\\pm ([0-9.]+)\\$ \\((\\d+)\\)").matcher(tex);
    int values = 0;
    while (m.find()) {
      assertThat(m.group(3)).isEqualTo("3");
      values++;
    }
    assertThat(values).isEqualTo(metrics * 9);
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void thePageNeedsNothingOutsideItselfAndItsFiguresAreAlsoFiles() throws Exception {
    String html = Files.readString(written.html(), StandardCharsets.UTF_8);
    assertThat(written.html()).isEqualTo(root.resolve("report.html"));
    assertThat(written.figures())
        .isEqualTo(data.metrics().size() + data.training().size() + data.probes().size());
    assertThat(data.probes()).isNotEmpty();
    assertThat(html).contains("id=\"probes\"");
    // No reference to anything outside the page: every src/href is a data: URI or an anchor.
    Matcher ref = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
    int refs = 0;
    while (ref.find()) {
      assertThat(ref.group(1)).matches("(data:|#).*");
      refs++;
    }
    assertThat(refs).isGreaterThanOrEqualTo(written.figures());
    assertThat(html).doesNotContain("<link rel=\"stylesheet\"").doesNotContain("@import");
    assertThat(html).contains("27 done", "0 failed", "name: report-small");
    for (MetricSummary m : data.metrics()) {
      Path png = root.resolve("report/eval-" + m.metric() + ".png");
      assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
      assertThat(Files.readString(root.resolve("report/eval-" + m.metric() + ".svg")))
          .contains("<svg");
    }
  }

  @Test
  void failedRunsAndHostileTextAreEscapedInThePage() {
    ReportData hostile =
        new ReportData(
            List.of(new ReportData.Sweep("s<1>", "2026", "name: \"</pre><script>x()</script>\"")),
            Map.of("done", 0L, "failed", 1L),
            List.of(
                new ReportData.FailedRun(
                    "abc", "eval", "p&q", "k=<v>", 1, "boom <img src=x onerror=alert(1)>")),
            List.of(),
            List.of(),
            Map.of("hosts", "<h>"));
    String html = Report.html(hostile, List.of(), List.of());
    assertThat(html)
        .doesNotContain("<script>", "<img src=x", "<h>", "s<1>")
        .contains("boom &lt;img src=x onerror=alert(1)&gt;", "p&amp;q", "k=&lt;v&gt;")
        .contains("0 done", "1 failed");
  }

  /** Whether the browser test may skip: only outside CI. */
  private static void requireBrowser(Path chromium, Path driver) {
    if (chromium != null && driver != null) {
      return;
    }
    String missing = (chromium == null ? "chromium " : "") + (driver == null ? "chromedriver" : "");
    if ("true".equals(System.getenv("CI"))) {
      fail(
          "headless browser test: "
              + missing.strip()
              + " not installed; install the Debian packages: apt-get install -y chromium"
              + " chromium-driver");
    }
    assumeTrue(
        false,
        "skipped: "
            + missing.strip()
            + " not installed (apt-get install chromium chromium-driver)");
  }

  @Test
  void thePageRendersInHeadlessChromiumWithoutErrorsAndADeliberateErrorIsCaught() throws Exception {
    Path chromium = HeadlessChromium.chromium();
    Path driver = HeadlessChromium.chromedriver();
    requireBrowser(chromium, driver);
    Path out = Path.of("target", "report-test").toAbsolutePath();
    Files.createDirectories(out);
    try (HeadlessChromium b =
        HeadlessChromium.start(chromium, driver, out.resolve("chromedriver.log"))) {
      b.open(written.html().toUri().toString());
      List<HeadlessChromium.LogEntry> log = b.browserLog();
      assertThat(log).filteredOn(e -> e.level().equals("SEVERE")).isEmpty();
      JsonNode figs =
          b.execute(
              "return Array.from(document.querySelectorAll('figure img, figure svg')).map(e =>"
                  + " { const r = e.getBoundingClientRect(); return {w: r.width, h: r.height,"
                  + " nw: e.naturalWidth === undefined ? -1 : e.naturalWidth,"
                  + " complete: e.complete === undefined ? true : e.complete}; });");
      assertThat(figs.size()).isEqualTo(written.figures());
      for (JsonNode f : figs) {
        assertThat(f.path("w").asDouble()).as("figure width").isPositive();
        assertThat(f.path("h").asDouble()).as("figure height").isPositive();
        assertThat(f.path("complete").asBoolean()).isTrue();
        assertThat(f.path("nw").asInt()).as("decoded image width").isNotZero();
      }
      assertThat(
              b.execute("return document.querySelectorAll('table.results tbody tr').length;")
                  .asInt())
          .isEqualTo(data.metrics().size() * 9);
      Path shot = b.screenshot(out.resolve("screenshot.png"));
      assertThat(Files.readAllBytes(shot)).startsWith(0x89, 'P', 'N', 'G');
      System.out.println("report screenshot: " + shot);

      // The check can fail: a page with a script error is reported as SEVERE.
      Path bad = out.resolve("deliberate-error.html");
      Files.writeString(
          bad,
          "<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction();</script></body></html>");
      b.open(bad.toUri().toString());
      assertThat(b.browserLog())
          .filteredOn(e -> e.level().equals("SEVERE"))
          .anySatisfy(e -> assertThat(e.message()).contains("undefinedFunction"));
    }
  }
}
