package io.edgeoffload.lab;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar with ETA on standard error. Silent for work that ends within {@code quietMillis};
 * on a terminal it redraws one line, elsewhere (CI logs, {@code nohup} files) it prints a line
 * every 10% and, for slow work, at least every {@value #LOG_EVERY_MIN} minutes while it moves.
 *
 * <p>Work is counted in units (episodes, runs) and may be done in fractions of them ({@link
 * #update}: a sweep counts the runs in flight by their fraction done). The ETA is the rate since
 * the bar began applied to what is left, not counting units that were done before it began (a run
 * resumed at 90% has 0.9 done before; see {@link #update}). Safe to call from several threads.
 */
public final class Progress {
  /** Longest quiet spell of a moving bar off a terminal, minutes. */
  static final int LOG_EVERY_MIN = 10;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final boolean terminal;
  private final long quietMillis;
  private final long startNanos;
  private double done;
  private double before;
  private double donePrinted = -1;
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
    this.lastPrintNanos = startNanos;
  }

  /** A short status shown after the bar, e.g. the running reward. */
  public synchronized void note(String text) {
    this.note = text;
  }

  /** {@code units} more are done. */
  public synchronized void advance(long units) {
    done = Math.min(total, done + units);
    show(System.nanoTime());
  }

  /**
   * {@code done} units are done in all (a fraction allowed; the bar never moves back), {@code
   * before} of them before this bar began, so not counted in its rate.
   */
  public synchronized void update(double done, double before) {
    this.done = Math.max(this.done, Math.min(total, done));
    this.before = Math.max(0.0, Math.min(before, this.done));
    show(System.nanoTime());
  }

  private void show(long now) {
    long elapsedMs = (now - startNanos) / 1_000_000;
    if (elapsedMs < quietMillis) {
      return;
    }
    int decile = (int) (10 * done / total);
    boolean print;
    if (terminal) {
      print = now - lastPrintNanos > 200_000_000L || done == total;
    } else {
      boolean quietTooLong = now - lastPrintNanos >= LOG_EVERY_MIN * 60_000_000_000L;
      print = decile != lastDecile || (quietTooLong && done > donePrinted);
    }
    if (print) {
      out.print(terminal ? "\r" + line(elapsedMs) : line(elapsedMs) + System.lineSeparator());
      out.flush();
      lastPrintNanos = now;
      lastDecile = decile;
      donePrinted = done;
      printed = true;
    }
  }

  /** Ends the bar (a newline on a terminal). */
  public synchronized void finish() {
    if (printed && terminal) {
      out.print("\r" + line((System.nanoTime() - startNanos) / 1_000_000));
      out.println();
    }
  }

  /** The bar's line as it reads {@code elapsedMs} after it began. */
  public synchronized String line(long elapsedMs) {
    double f = done / total;
    int width = 30;
    int filled = (int) Math.round(f * width);
    String bar = "#".repeat(filled) + ".".repeat(width - filled);
    double gained = done - before;
    long etaMs = gained <= 0 ? -1 : (long) (elapsedMs * (total - done) / gained);
    String count =
        done == Math.rint(done)
            ? String.format(Locale.ROOT, "%d", (long) done)
            : String.format(Locale.ROOT, "%.1f", done);
    return String.format(
        Locale.ROOT,
        "%s [%s] %3d%% %s/%d  elapsed %s  ETA %s%s",
        label,
        bar,
        (int) (100 * f),
        count,
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
