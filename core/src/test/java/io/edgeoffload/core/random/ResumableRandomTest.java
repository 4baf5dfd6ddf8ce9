package io.edgeoffload.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ResumableRandomTest {
  /** Draw kind {@code k} from {@code g}, as bits, so doubles compare exactly. */
  private static long draw(RandomGenerator g, int kind, int bound) {
    return switch (kind) {
      case 0 -> g.nextLong();
      case 1 -> g.nextInt();
      case 2 -> g.nextInt(bound);
      case 3 -> Double.doubleToRawLongBits(g.nextDouble());
      case 4 -> Double.doubleToRawLongBits(g.nextGaussian());
      case 5 -> g.nextBoolean() ? 1 : 0;
      case 6 -> Float.floatToRawIntBits(g.nextFloat());
      case 7 -> g.nextInt(Integer.highestOneBit(bound)); // power-of-two bounds take another path
      default -> g.nextLong(bound + 1L << 33);
    };
  }

  @Test
  void drawsWhatSplittableRandomDrawsOnEveryMethod() {
    SplittableRandom plain = new SplittableRandom(42);
    ResumableRandom wrapped = new ResumableRandom(42);
    SplittableRandom pick = new SplittableRandom(7);
    for (int i = 0; i < 300_000; i++) {
      int kind = pick.nextInt(9);
      int bound = 1 + pick.nextInt(1_000_000);
      assertThat(draw(wrapped, kind, bound))
          .as("draw %d, kind %d", i, kind)
          .isEqualTo(draw(plain, kind, bound));
    }
  }

  @Test
  void aRestoredStreamContinuesExactly() {
    ResumableRandom a = new ResumableRandom(-3);
    SplittableRandom pick = new SplittableRandom(11);
    for (int i = 0; i < 50_000; i++) {
      draw(a, pick.nextInt(9), 1 + pick.nextInt(1000));
    }
    ResumableRandom b = ResumableRandom.at(a.seed(), a.draws());
    assertThat(b.draws()).isEqualTo(a.draws());
    for (int i = 0; i < 50_000; i++) {
      int kind = pick.nextInt(9);
      int bound = 1 + pick.nextInt(1000);
      assertThat(draw(b, kind, bound))
          .as("draw %d after the restore", i)
          .isEqualTo(draw(a, kind, bound));
    }
  }

  @Test
  void aNegativePositionIsRefused() {
    assertThatThrownBy(() -> ResumableRandom.at(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("draws -1");
  }
}
