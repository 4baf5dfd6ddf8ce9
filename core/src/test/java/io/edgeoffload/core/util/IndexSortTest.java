package io.edgeoffload.core.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexSortTest {
  @Test
  void agreesWithAStableLibrarySortOnRandomKeysWithTies() {
    SplittableRandom rng = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      int k = 1 + rng.nextInt(100);
      double[] key = new double[k];
      for (int i = 0; i < k; i++) {
        key[i] = rng.nextInt(10); // many ties
      }
      if (trial % 7 == 0) {
        key[rng.nextInt(k)] = Double.NaN;
      }
      int[] idx = IntStream.range(0, k).toArray();
      IndexSort.sort(idx, k, new int[k], i -> key[i]);
      Integer[] expected = IntStream.range(0, k).boxed().toArray(Integer[]::new);
      Arrays.sort(expected, Comparator.comparingDouble(i -> key[i])); // stable
      assertThat(idx)
          .containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }
  }
}
