package io.edgeoffload.core.random;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link SplittableRandom} stream whose position can be saved and restored, so that a learner
 * that draws from one stream for a whole run can be checkpointed and resumed to the bit.
 *
 * <p>It draws exactly what {@code new SplittableRandom(seed)} draws: {@link #nextLong} and {@link
 * #nextInt} are the wrapped generator's, and every other draw ({@code nextDouble}, {@code
 * nextGaussian}, {@code nextInt(bound)}, …) is the interface's default built on them, which is also
 * what {@code SplittableRandom} uses. Each of the two primitive draws advances the wrapped
 * generator by one step; the position is the seed and the count of those steps, and {@link #at}
 * replays the count (about 0.3 s per 10⁸ steps). {@code ResumableRandomTest} checks both claims
 * against {@code SplittableRandom} on every method, so a JDK that breaks either fails the build.
 */
public final class ResumableRandom implements RandomGenerator {
  private final long seed;
  private final SplittableRandom rng;
  private long draws;

  /** The stream of {@code new SplittableRandom(seed)}, at its start. */
  public ResumableRandom(long seed) {
    this.seed = seed;
    this.rng = new SplittableRandom(seed);
  }

  /**
   * The stream of {@code seed}, positioned after {@code draws} primitive draws.
   *
   * @throws IllegalArgumentException when {@code draws} is negative
   */
  public static ResumableRandom at(long seed, long draws) {
    if (draws < 0) {
      throw new IllegalArgumentException("draws " + draws + " must be ≥ 0");
    }
    ResumableRandom r = new ResumableRandom(seed);
    for (long i = 0; i < draws; i++) {
      r.rng.nextLong();
    }
    r.draws = draws;
    return r;
  }

  /** The seed this stream started from. */
  public long seed() {
    return seed;
  }

  /** Primitive draws made so far: with {@link #seed()}, the position for {@link #at}. */
  public long draws() {
    return draws;
  }

  @Override
  public long nextLong() {
    draws++;
    return rng.nextLong();
  }

  @Override
  public int nextInt() {
    draws++;
    return rng.nextInt();
  }
}
