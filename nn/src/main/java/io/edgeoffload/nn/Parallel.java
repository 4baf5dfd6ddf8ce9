package io.edgeoffload.nn;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Coarse-grained parallel loops over independent networks (one task per agent's critic, say): the
 * body for each index must touch only that index's networks and buffers, and write its results to
 * that index's slots, so that the caller can reduce them afterwards in index order. Results are
 * then the same to the bit whatever the number of threads.
 *
 * <p>{@link #common()} is one pool for the whole JVM, of {@code -Dedgeoffload.threads} threads
 * (default: the available processors). Several learners training at once (a sweep's runs) share it,
 * so a 2-core machine runs two heavy loops, not one per run; their callers wait while it works.
 * With one thread the loop runs on the calling thread.
 */
public final class Parallel {
  /** The system property that sizes {@link #common()}. */
  public static final String PROPERTY = "edgeoffload.threads";

  private static final Parallel COMMON = new Parallel(threadsFrom(System.getProperty(PROPERTY)));

  private final int threads;
  private final ForkJoinPool pool;

  private Parallel(int threads) {
    this.threads = threads;
    this.pool =
        threads == 1
            ? null
            : new ForkJoinPool(
                threads,
                p -> {
                  ForkJoinWorkerThread t =
                      ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                  t.setName("edgeoffload-compute-" + t.getPoolIndex());
                  t.setDaemon(true);
                  return t;
                },
                null,
                false);
  }

  /** The JVM-wide pool. */
  public static Parallel common() {
    return COMMON;
  }

  /**
   * A pool of its own with {@code threads} threads (tests comparing thread counts); it lives as
   * long as the JVM, so make few.
   */
  public static Parallel of(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    return new Parallel(threads);
  }

  /**
   * The thread count a value of {@link #PROPERTY} asks for (null or blank: the available
   * processors).
   *
   * @throws IllegalArgumentException naming the property and the value when it is not a whole
   *     number of at least 1
   */
  public static int threadsFrom(String value) {
    if (value == null || value.isBlank()) {
      return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
    int t;
    try {
      t = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-D" + PROPERTY + "=" + value + ": expected a whole number of threads, at least 1", e);
    }
    if (t < 1) {
      throw new IllegalArgumentException(
          "-D" + PROPERTY + "=" + value + ": expected a whole number of threads, at least 1");
    }
    return t;
  }

  /** The number of threads. */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code body} for every index in {@code [0, n)}, in any order and on any thread of the
   * pool, and returns when all have finished (their writes are then visible to the caller). An
   * exception thrown by a body is rethrown here.
   */
  public void forEach(int n, IntConsumer body) {
    if (pool == null || n < 2) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
  }

  /**
   * As {@link #forEach}, for short bodies called often (tens of microseconds, thousands of times a
   * second): the calling thread takes indices itself, and at most {@code threads − 1} helpers are
   * woken to take the others. Indices are claimed one at a time, so a helper that starts late (a
   * busy machine) finds nothing left and the caller has done the work alone, at one-thread speed,
   * instead of waiting for the pool to be scheduled. The caller waits only for indices a helper has
   * claimed, and waits through interrupts (restoring the flag), so no body runs after the return.
   * An exception thrown by a body is rethrown here after the claimed indices have finished.
   */
  public void forEachCallerRuns(int n, IntConsumer body) {
    if (pool == null || n < 2) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(n);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable work =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            try {
              if (failure.get() == null) {
                body.accept(i);
              }
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            } finally {
              finished.countDown();
            }
          }
        };
    int helpers = Math.min(threads - 1, n - 1);
    for (int h = 0; h < helpers; h++) {
      pool.execute(work);
    }
    work.run();
    boolean interrupted = false;
    while (true) {
      try {
        finished.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
  }
}
