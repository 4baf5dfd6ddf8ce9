package io.edgeoffload.rl.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.rl.replay.ReplayBuffer.Field;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

  private static ReplayBuffer buffer(int capacity) {
    return new ReplayBuffer(
        capacity, new Field("obs", 3), new Field("reward", 1), new Field("done", 1));
  }

  /** Transition t: obs = (t, t + 0.5, −t), reward = 10 t, done = t mod 2. */
  private static int addStep(ReplayBuffer b, double[][] rows, int t) {
    rows[0][0] = t;
    rows[0][1] = t + 0.5;
    rows[0][2] = -t;
    rows[1][0] = 10.0 * t;
    rows[2][0] = t % 2;
    return b.add(rows);
  }

  @Test
  void wrapsAroundOverwritingTheOldest() {
    ReplayBuffer b = buffer(5);
    double[][] rows = {new double[3], new double[1], new double[1]};
    for (int t = 0; t < 12; t++) {
      assertThat(addStep(b, rows, t)).isEqualTo(t % 5);
      assertThat(b.size()).isEqualTo(Math.min(t + 1, 5));
    }
    assertThat(b.added()).isEqualTo(12);
    assertThat(b.cursor()).isEqualTo(2);
    // Slot s holds the latest t with t mod 5 = s: t = 7 … 11.
    int obs = b.field("obs");
    int reward = b.field("reward");
    double[] row = new double[3];
    for (int s = 0; s < 5; s++) {
      int t = s >= 2 ? 5 + s : 10 + s;
      b.get(obs, s, row, 0);
      assertThat(row).containsExactly(t, t + 0.5, -t);
      assertThat(b.get(reward, s)).isEqualTo(10.0 * t);
    }
  }

  @Test
  void samplingNeverReturnsAnUnwrittenSlot() {
    ReplayBuffer b = buffer(100);
    double[][] rows = {new double[3], new double[1], new double[1]};
    for (int t = 0; t < 7; t++) {
      addStep(b, rows, t);
    }
    int[] idx = new int[10_000];
    b.sample(idx.length, new SplittableRandom(3), idx);
    boolean[] seen = new boolean[7];
    for (int i : idx) {
      assertThat(i).isBetween(0, 6);
      seen[i] = true;
    }
    assertThat(seen).containsOnly(true);
    assertThatThrownBy(() -> buffer(4).sample(1, new SplittableRandom(1), new int[1]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void uniformSamplingByAChiSquareBound() {
    ReplayBuffer b = buffer(10);
    double[][] rows = {new double[3], new double[1], new double[1]};
    for (int t = 0; t < 23; t++) {
      addStep(b, rows, t);
    }
    int draws = 100_000;
    int[] idx = new int[draws];
    b.sample(draws, new SplittableRandom(77), idx);
    long[] count = new long[10];
    for (int i : idx) {
      count[i]++;
    }
    double expected = draws / 10.0;
    double chi2 = 0;
    for (long c : count) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    // 9 degrees of freedom: the 0.999 quantile of chi-square(9) is 27.88.
    assertThat(chi2).isLessThan(27.88);
  }

  @Test
  void gatherCopiesTheIndexedRowsInOrder() {
    ReplayBuffer b = buffer(8);
    double[][] rows = {new double[3], new double[1], new double[1]};
    for (int t = 0; t < 8; t++) {
      addStep(b, rows, t);
    }
    int[] idx = {5, 0, 5, 7};
    double[] obs = new double[4 * 3 + 2];
    b.gather(b.field("obs"), idx, 4, obs, 2);
    double[] reward = new double[4];
    b.gather("reward", idx, 4, reward);
    for (int i = 0; i < 4; i++) {
      int t = idx[i];
      assertThat(obs[2 + 3 * i]).isEqualTo(t);
      assertThat(obs[2 + 3 * i + 1]).isEqualTo(t + 0.5);
      assertThat(obs[2 + 3 * i + 2]).isEqualTo(-t);
      assertThat(reward[i]).isEqualTo(10.0 * t);
    }
  }

  @Test
  void sameSeedGivesIdenticalSamples() {
    ReplayBuffer b = buffer(50);
    double[][] rows = {new double[3], new double[1], new double[1]};
    for (int t = 0; t < 37; t++) {
      addStep(b, rows, t);
    }
    int[] x = new int[500];
    int[] y = new int[500];
    int[] z = new int[500];
    b.sample(500, new SplittableRandom(8), x);
    b.sample(500, new SplittableRandom(8), y);
    b.sample(500, new SplittableRandom(9), z);
    assertThat(x).isEqualTo(y);
    assertThat(x).isNotEqualTo(z);
  }

  @Test
  void badConstructionNamesTheProblem() {
    assertThatThrownBy(() -> new ReplayBuffer(0, new Field("obs", 1)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("capacity");
    assertThatThrownBy(() -> new ReplayBuffer(4, new Field("obs", 1), new Field("obs", 2)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> new Field("obs", 0)).hasMessageContaining("width");
    assertThatThrownBy(() -> buffer(4).field("action"))
        .hasMessageContaining("action")
        .hasMessageContaining("obs, reward, done");
    ReplayBuffer b = buffer(4);
    assertThatThrownBy(() -> b.add(new double[][] {new double[2], new double[1], new double[1]}))
        .hasMessageContaining("obs");
    assertThatThrownBy(() -> b.gather(0, new int[] {0}, 1, new double[3]))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("not written");
  }
}
