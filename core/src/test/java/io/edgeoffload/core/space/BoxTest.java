package io.edgeoffload.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoxTest {
  @Test
  void samplesAndClipsStayInside() {
    Box b = new Box(new float[] {0, -1, 5}, new float[] {1, 1, 5});
    SplittableRandom rng = new SplittableRandom(3);
    float[] x = new float[3];
    for (int i = 0; i < 1000; i++) {
      b.sample(rng, x);
      assertThat(b.contains(x)).isTrue();
    }
    float[] y = {2, -3, 4};
    assertThat(b.contains(y)).isFalse();
    b.clip(y);
    assertThat(y).containsExactly(1, -1, 5);
    assertThat(b.contains(new float[] {Float.NaN, 0, 5})).isFalse();
    assertThat(b.contains(new float[] {0, 0})).isFalse();
  }

  @Test
  void invalidBoundsAreRejected() {
    assertThatThrownBy(() -> new Box(new float[] {1}, new float[] {0}))
        .hasMessageContaining("dimension 0");
  }
}
