package io.edgeoffload.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  @Test
  void sameRootAndNameGiveTheSameStream() {
    SplittableRandom a = new RandomStreams(42).stream("tasks");
    SplittableRandom b = new RandomStreams(42).stream("tasks");
    for (int i = 0; i < 100; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
  }

  @Test
  void differentNamesAndRootsGiveDifferentSeeds() {
    RandomStreams r = new RandomStreams(42);
    Set<Long> seeds = new HashSet<>();
    for (String name : new String[] {"tasks", "channel", "harvest", "policy", "task"}) {
      seeds.add(r.seedOf(name));
    }
    for (long i = 0; i < 1000; i++) {
      seeds.add(r.seedOf("episode", i));
    }
    seeds.add(new RandomStreams(43).seedOf("tasks"));
    assertThat(seeds).hasSize(5 + 1000 + 1);
  }

  @Test
  void streamsAreUncorrelated() {
    SplittableRandom a = new RandomStreams(7).stream("a");
    SplittableRandom b = new RandomStreams(7).stream("b");
    int n = 20000;
    double sab = 0;
    double sa = 0;
    double sb = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double x = a.nextDouble();
      double y = b.nextDouble();
      sab += x * y;
      sa += x;
      sb += y;
      saa += x * x;
      sbb += y * y;
    }
    double cov = sab / n - (sa / n) * (sb / n);
    double corr = cov / Math.sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
    // 5 standard errors of a correlation estimate from 20000 pairs.
    assertThat(corr).isCloseTo(0.0, within(5.0 / Math.sqrt(n)));
  }

  @Test
  void uniformStaysInRange() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      double u = RandomStreams.uniform(rng, 0.1, 1.0);
      assertThat(u).isBetween(0.1, 1.0);
    }
    assertThat(RandomStreams.uniform(rng, 3.0, 3.0)).isEqualTo(3.0);
  }
}
