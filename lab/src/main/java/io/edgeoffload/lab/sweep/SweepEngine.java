package io.edgeoffload.lab.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * Executes the runs of a sweep somewhere: threads of this JVM ({@link ThreadPoolEngine}), or Spark
 * tasks (module {@code spark}). An engine only executes: each run goes through {@link
 * RunExecutor#execute}, and each finished result is handed to {@code sink} on the calling (driver)
 * side, where the sweep records it. Engines are found by name through {@link SweepEngines}.
 */
public interface SweepEngine extends AutoCloseable {
  /** The engine's name, recorded with every run ({@code threads}, {@code spark}). */
  String name();

  /** How many runs execute at once. */
  int parallelism();

  /**
   * Executes {@code runs}, their folders under {@code runsRoot}, handing each result to {@code
   * sink} as it finishes. Returns when every run has finished, or throws {@link
   * InterruptedException} when the calling thread is interrupted (runs in flight are interrupted
   * and abandoned: they stop between two episodes, their folders hold no result, and they run again
   * next time, resuming from their checkpoints).
   */
  void execute(List<RunSpec> runs, Path runsRoot, Sink sink) throws InterruptedException;

  /** Releases the engine's resources (threads, a Spark session). */
  @Override
  void close();

  /** Receives finished runs; called from one thread at a time. */
  @FunctionalInterface
  interface Sink {
    void finished(RunSpec spec, RunResult result);
  }

  /** What an engine is made with. */
  record Options(int parallelism, String master) {}

  /** Makes engines of one name; found with {@link java.util.ServiceLoader}. */
  interface Provider {
    String name();

    /** One line for help texts. */
    String description();

    SweepEngine create(Options options);
  }
}
