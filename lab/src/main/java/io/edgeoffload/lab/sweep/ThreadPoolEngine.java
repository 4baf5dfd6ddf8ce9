package io.edgeoffload.lab.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs on a fixed pool of threads of this JVM: by default one per core. Results reach the sink on
 * the calling thread, one at a time, in the order runs finish.
 */
public final class ThreadPoolEngine implements SweepEngine {
  private final int threads;

  public ThreadPoolEngine(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.threads = threads;
  }

  @Override
  public String name() {
    return "threads";
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public void execute(List<RunSpec> runs, Path runsRoot, Sink sink) throws InterruptedException {
    if (runs.isEmpty()) {
      return;
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, runs.size()),
            r -> {
              Thread t = new Thread(r, "sweep-" + n.incrementAndGet());
              t.setDaemon(true); // an interrupted sweep must not keep the JVM alive
              return t;
            });
    ExecutorCompletionService<Object[]> done = new ExecutorCompletionService<>(pool);
    try {
      for (RunSpec spec : runs) {
        done.submit(() -> new Object[] {spec, RunExecutor.execute(spec, runsRoot, name())});
      }
      for (int i = 0; i < runs.size(); i++) {
        Future<Object[]> f = done.take();
        Object[] r;
        try {
          r = f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException(
              "a run failed outside its executor: " + e.getCause(), e.getCause());
        }
        sink.finished((RunSpec) r[0], (RunResult) r[1]);
      }
    } finally {
      stop(pool);
    }
  }

  /**
   * Interrupts the runs still in flight and waits until they have stopped: training and evaluation
   * end between two episodes when interrupted, writing nothing after their last checkpoint, so a
   * sweep resumed at once into the same folders never races a run this one abandoned. Waits at most
   * {@link #STOP_WAIT_S} seconds (a run that ignores interrupts is left to finish); a second
   * interrupt of the waiting thread ends the wait.
   */
  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      pool.awaitTermination(STOP_WAIT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The longest wait for abandoned runs to stop, seconds. */
  static final long STOP_WAIT_S = 120;

  @Override
  public void close() {}
}
