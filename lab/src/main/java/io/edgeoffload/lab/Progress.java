package io.edgeoffload.lab;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar with ETA on standard error. Silent for work that ends within {@code quietMillis};
 * on a terminal it redraws one line, elsewhere (CI logs) it prints a line every 10%.
 */
public final class Progress {
  private final PrintStream out;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final long quietMillis;
  private final long startNanos;
  private long done;
  private long lastPrintNanos;
  private int lastDecile = -1;
  private boolean printed;
  private String note = "";

  public Progress(String label, long total) {
    this(System.err, label, total, System.console() != null, 1500);
  }

  public Progress(PrintStream out, String label, long total, boolean terminal, long quietMillis) {
    this.out = out;
    this.label = label;
    this.total = Math.max(1, total);
    this.terminal = terminal;
    this.quietMillis = quietMillis;
    this.startNanos = System.nanoTime();
  }

  /** A short status shown after the bar, e.g. the running reward. */
  public void note(String text) {
    this.note = text;
  }

  public void advance(long units) {
    done = Math.min(total, done + units);
    long now = System.nanoTime();
    long elapsedMs = (now - startNanos) / 1_000_000;
    if (elapsedMs < quietMillis) {
      return;
    }
    int decile = (int) (10 * done / total);
    if (terminal) {
      if (now - lastPrintNanos > 200_000_000L || done == total) {
        out.print("\r" + line(elapsedMs));
        out.flush();
        lastPrintNanos = now;
        printed = true;
      }
    } else if (decile != lastDecile) {
      out.println(line(elapsedMs));
      lastDecile = decile;
      printed = true;
    }
  }

  /** Ends the bar (a newline on a terminal). */
  public void finish() {
    if (printed && terminal) {
      out.print("\r" + line((System.nanoTime() - startNanos) / 1_000_000));
      out.println();
    }
  }

  String line(long elapsedMs) {
    double f = (double) done / total;
    int width = 30;
    int filled = (int) Math.round(f * width);
    String bar = "#".repeat(filled) + ".".repeat(width - filled);
    long etaMs = done == 0 ? -1 : (long) (elapsedMs * (total - done) / (double) done);
    return String.format(
        Locale.ROOT,
        "%s [%s] %3d%% %d/%d  elapsed %s  ETA %s%s",
        label,
        bar,
        (int) (100 * f),
        done,
        total,
        clock(elapsedMs),
        etaMs < 0 ? "--:--" : clock(etaMs),
        note.isEmpty() ? "" : "  " + note);
  }

  static String clock(long ms) {
    long s = ms / 1000;
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }
}
