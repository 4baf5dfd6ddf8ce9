package io.edgeoffload.lab.sweep;

import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a planned sweep into a root folder: {@code ROOT/sweeps/<name>.yaml} (the spec), {@code
 * ROOT/runs/<id>/} (one folder per run), {@code ROOT/results.duckdb} (every finished run) and
 * {@code ROOT/export/} (the tables as Parquet and CSV).
 *
 * <p>Re-running skips the runs recorded as done. A run whose folder holds a finished result that
 * the database lacks (the process died between the two writes) is recorded from its folder, not run
 * again. Failed runs are run again. A killed sweep therefore loses at most the runs in flight.
 */
public final class Sweeper {
  private Sweeper() {}

  /** What a sweep did. */
  public record Outcome(
      int planned, int skipped, int recovered, int done, int failed, double wallSeconds) {
    public String line() {
      return String.format(
          Locale.ROOT,
          "%d runs planned: %d already done, %d recovered from their folders, %d run now (%d"
              + " failed), %.1f s",
          planned,
          skipped,
          recovered,
          done + failed,
          failed,
          wallSeconds);
    }
  }

  /** Thrown through the engine to stop a sweep as an interruption would. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** Where runs of a root live. */
  public static Path runsRoot(Path root) {
    return root.resolve("runs");
  }

  /** Where a planned run stands under a root. */
  public enum State {
    /** Finished with a result: read, not run. */
    DONE,
    /**
     * Started (its folder exists, no result, or a failed one): runs, from its checkpoints if any.
     */
    RESUMES,
    /** Not started; adopts the finished training of another run and only evaluates. */
    ADOPTS,
    /** Not started: runs from scratch. */
    TO_RUN
  }

  /** A planned run, its {@link State} and, for {@link State#ADOPTS}, the run it adopts. */
  public record Planned(RunSpec spec, State state, String adoptsFrom) {}

  /**
   * What running {@code runs} under {@code root} would do with each, from the run folders alone:
   * nothing is written and the results database is not opened, so this works while a sweep writes
   * there.
   */
  public static List<Planned> status(List<RunSpec> runs, Path root) {
    Path runsRoot = runsRoot(root);
    List<Planned> planned = new ArrayList<>();
    for (RunSpec r : runs) {
      RunResult result = RunExecutor.read(runsRoot, r.id());
      if (result != null && result.done()) {
        planned.add(new Planned(r, State.DONE, null));
      } else if (Files.isDirectory(runsRoot.resolve(r.id()))) {
        planned.add(new Planned(r, State.RESUMES, null));
      } else {
        String donor = RunKinds.get(r.kind()).adoptableFrom(r, runsRoot);
        planned.add(new Planned(r, donor == null ? State.TO_RUN : State.ADOPTS, donor));
      }
    }
    return planned;
  }

  /**
   * Executes the runs of {@code spec} not yet done under {@code root}.
   *
   * @param stopAfter stop (as if interrupted) after this many runs have finished in this call;
   *     {@code Integer.MAX_VALUE} normally (tests of resumption use it)
   * @param progress whether to show a progress bar (with ETA) over the runs still to do
   */
  public static Outcome run(
      SweepSpec spec, Path root, SweepEngine engine, boolean progress, int stopAfter)
      throws InterruptedException {
    return run(spec, Sweeps.plan(spec), root, engine, progress, stopAfter);
  }

  /** Executes the already planned {@code runs} of {@code spec} under {@code root}. */
  public static Outcome run(
      SweepSpec spec,
      List<RunSpec> runs,
      Path root,
      SweepEngine engine,
      boolean showProgress,
      int stopAfter)
      throws InterruptedException {
    return run(spec.name(), spec.text(), runs, root, engine, showProgress, stopAfter);
  }

  /**
   * Executes planned {@code runs} under {@code root}, recording the sweep as {@code name} with the
   * text {@code text} (a spec, or a recipe's description of its budget).
   */
  public static Outcome run(
      String name,
      String text,
      List<RunSpec> runs,
      Path root,
      SweepEngine engine,
      boolean showProgress,
      int stopAfter)
      throws InterruptedException {
    long t0 = System.nanoTime();
    AtomicFiles.write(root.resolve("sweeps").resolve(name + ".yaml"), text);
    Path runsRoot = runsRoot(root);
    int[] counts = new int[2]; // done, failed
    int skipped;
    int recovered = 0;
    try (ResultsDb db = ResultsDb.open(root)) {
      db.registerSweep(name, text);
      Set<String> done = db.doneIds();
      List<RunSpec> pending = new ArrayList<>();
      for (RunSpec r : runs) {
        if (done.contains(r.id())) {
          continue;
        }
        RunResult inFolder = RunExecutor.read(runsRoot, r.id());
        if (inFolder != null && inFolder.done()) {
          db.record(r, inFolder, RunExecutor.dir(runsRoot, r.id()));
          recovered++;
        } else {
          pending.add(r);
        }
      }
      skipped = runs.size() - pending.size() - recovered;
      Progress progress = showProgress ? new Progress("sweep " + name, pending.size()) : null;
      int already = runs.size() - pending.size();
      RunsBar bar = progress == null ? null : new RunsBar(progress, pending);
      try {
        engine.execute(
            pending,
            runsRoot,
            (s, r) -> {
              db.record(s, r, RunExecutor.dir(runsRoot, s.id()));
              counts[r.done() ? 0 : 1]++;
              if (bar != null) {
                progress.note(
                    String.format(
                        Locale.ROOT,
                        "%d done, %d failed, %d done before",
                        counts[0],
                        counts[1],
                        already));
                bar.finished();
              }
              if (counts[0] + counts[1] >= stopAfter) {
                throw new Stopped(); // a test's interruption: runs in flight are abandoned
              }
            });
      } catch (Stopped e) {
        throw new InterruptedException("stopped after " + stopAfter + " runs");
      } finally {
        if (bar != null) {
          bar.close();
        }
      }
      if (progress != null) {
        progress.finish();
      }
      db.export(root.resolve("export"), "parquet");
      db.export(root.resolve("export"), "csv");
    }
    return new Outcome(
        runs.size(), skipped, recovered, counts[0], counts[1], (System.nanoTime() - t0) / 1e9);
  }

  /**
   * A sweep's bar: runs finished, plus the fraction done of each run in flight in this JVM ({@link
   * InFlight}), read every {@value #TICK_MS} ms by a daemon thread. A run that resumed counts its
   * first reported fraction as done before the bar began, so the ETA is not fooled by it.
   */
  static final class RunsBar implements AutoCloseable {
    static final long TICK_MS = 2000;
    private final Progress progress;
    private final List<String> ids;
    private final Map<String, Double> before = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger finished =
        new java.util.concurrent.atomic.AtomicInteger();
    private final ScheduledExecutorService ticker;

    RunsBar(Progress progress, List<RunSpec> runs) {
      this.progress = progress;
      this.ids = runs.stream().map(RunSpec::id).toList();
      this.ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "sweep-progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** One more run has finished (its result is recorded). */
    void finished() {
      finished.incrementAndGet();
      tick();
    }

    void tick() {
      double inFlight = 0;
      for (String id : ids) {
        double[] v = InFlight.of(id);
        if (v != null) {
          before.putIfAbsent(id, v[0]);
          inFlight += v[1];
        }
      }
      double credit = before.values().stream().mapToDouble(Double::doubleValue).sum();
      progress.update(finished.get() + inFlight, credit);
    }

    @Override
    public void close() {
      ticker.shutdownNow();
    }
  }
}
