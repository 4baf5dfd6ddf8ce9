package io.edgeoffload.core.util;

import java.util.concurrent.CancellationException;

/**
 * How a long loop over episodes (training, evaluation) ends when its thread is interrupted: between
 * two episodes, by a {@link CancellationException}, leaving the interrupt flag set. A sweep
 * interrupts the runs it abandons, which must stop instead of writing on into folders that a later
 * sweep resumes; the sweep's executor recognises the flag and records no result.
 */
public final class Interruption {
  private Interruption() {}

  /**
   * Returns when the current thread is not interrupted.
   *
   * @throws CancellationException naming {@code episode} when it is (the flag stays set)
   */
  public static void stopBeforeEpisode(long episode) {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("interrupted before episode " + episode);
    }
  }
}
