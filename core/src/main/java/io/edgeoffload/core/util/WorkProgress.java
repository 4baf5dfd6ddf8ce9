package io.edgeoffload.core.util;

import java.util.function.DoubleConsumer;

/**
 * How far the long work on this thread has come, for whoever runs it: a sweep shows the fraction
 * done of each run in flight in its own progress bar, so that a reproduction of hour-long trainings
 * moves (and estimates its end) between runs. Training loops {@link #report} their position; the
 * one who runs them {@link #listen}s. Without a listener on the thread a report does nothing.
 */
public final class WorkProgress {
  private WorkProgress() {}

  private static final ThreadLocal<DoubleConsumer> LISTENER = new ThreadLocal<>();

  /**
   * Tells this thread's listener, if any, that {@code done} of {@code total} units of its work are
   * done (the fraction done, clamped to [0, 1]).
   */
  public static void report(long done, long total) {
    DoubleConsumer l = LISTENER.get();
    if (l != null && total > 0) {
      l.accept(Math.max(0.0, Math.min(1.0, (double) done / total)));
    }
  }

  /** Whether this thread has a listener (none once every scope on it is closed). */
  public static boolean listened() {
    return LISTENER.get() != null;
  }

  /**
   * Sends this thread's reports to {@code listener} until the returned scope is closed, when the
   * listener that was there before is back.
   */
  public static Scope listen(DoubleConsumer listener) {
    DoubleConsumer before = LISTENER.get();
    LISTENER.set(listener);
    return () -> {
      if (before == null) {
        LISTENER.remove();
      } else {
        LISTENER.set(before);
      }
    };
  }

  /** A listener's time on its thread; closing it ends it. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
