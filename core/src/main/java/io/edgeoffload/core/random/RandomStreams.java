package io.edgeoffload.core.random;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeded random streams split from one root seed. A stream is named ("tasks", "channel",
 * "episode/17"); the same root seed and name always give the same stream, and different names give
 * statistically independent streams. Nothing in the project uses {@code Math.random} or an unseeded
 * {@code Random}: randomness enters only through a seed.
 */
public final class RandomStreams {
  private final long root;

  public RandomStreams(long rootSeed) {
    this.root = rootSeed;
  }

  public long rootSeed() {
    return root;
  }

  /** A new generator for the named stream, positioned at its start. */
  public SplittableRandom stream(String name) {
    return new SplittableRandom(seedOf(name));
  }

  /** The seed of the named stream: a 64-bit mix of the root seed and the name. */
  public long seedOf(String name) {
    return derive(root, name);
  }

  /** The seed of the indexed stream {@code name/index}, e.g. one per episode. */
  public long seedOf(String name, long index) {
    return mix64(derive(root, name) + 0x9E3779B97F4A7C15L * (index + 1));
  }

  /** Child streams for a sub-component, keyed under {@code name}. */
  public RandomStreams child(String name) {
    return new RandomStreams(seedOf(name));
  }

  /** Derives a seed from a parent seed and a name (FNV-1a over UTF-8, then a 64-bit mix). */
  public static long derive(long parent, String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return mix64(parent ^ mix64(h));
  }

  /** Stafford's variant 13 of the MurmurHash3 finaliser: a bijective 64-bit mix. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [lo, hi). */
  public static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
  }
}
