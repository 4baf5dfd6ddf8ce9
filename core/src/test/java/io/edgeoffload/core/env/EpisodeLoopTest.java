package io.edgeoffload.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.space.Box;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeLoopTest {
  /**
   * Two agents; observation = step index; info = (action of agent 0, 1) per step; ends by itself
   * after {@code length} steps.
   */
  private static final class Counter implements ParallelEnv {
    private final int length;
    private final StepResult result = new StepResult(2, 1, 2);
    private final List<float[]> seen = new ArrayList<>();
    private int t;

    Counter(int length) {
      this.length = length;
    }

    @Override
    public String id() {
      return "counter-v0";
    }

    @Override
    public int numAgents() {
      return 2;
    }

    @Override
    public Box observationSpace(int agent) {
      return new Box(new float[] {0}, new float[] {1e9f});
    }

    @Override
    public Box actionSpace(int agent) {
      return new Box(new float[] {0}, new float[] {1e9f});
    }

    @Override
    public List<String> infoKeys() {
      return List.of("action0", "one");
    }

    @Override
    public float[][] reset(long seed) {
      t = 0;
      return new float[][] {{0}, {0}};
    }

    @Override
    public StepResult step(float[][] actions) {
      seen.add(actions[0].clone());
      t++;
      result.info()[0] = actions[0][0];
      result.info()[1] = 1;
      for (int i = 0; i < 2; i++) {
        result.observations()[i][0] = t;
        result.terminated()[i] = t >= length;
      }
      return result;
    }

    @Override
    public float[] globalState() {
      return new float[] {t};
    }
  }

  /** Acts with the observation plus one, so the loop must pass each step's observations on. */
  private static final Policy NEXT =
      new Policy() {
        @Override
        public String id() {
          return "next";
        }

        @Override
        public void act(float[][] observations, float[][] actions) {
          for (int i = 0; i < actions.length; i++) {
            actions[i][0] = observations[i][0] + 1;
          }
        }
      };

  @Test
  void sumsEveryStepsInfoUntilTheEnvironmentIsDone() {
    Counter env = new Counter(7);
    double[] sums = {99, 99};
    int steps = EpisodeLoop.run(env, NEXT, env.reset(1), new float[2][1], sums, 1000);
    assertThat(steps).isEqualTo(7);
    // actions 1, 2, …, 7: each step acted on the previous step's observation
    assertThat(sums).containsExactly(28.0, 7.0);
    assertThat(env.seen).extracting(a -> a[0]).containsExactly(1f, 2f, 3f, 4f, 5f, 6f, 7f);
  }

  @Test
  void stopsAtMaxStepsAndUnderATimeLimit() {
    Counter env = new Counter(1_000);
    double[] sums = new double[2];
    assertThat(EpisodeLoop.run(env, NEXT, env.reset(1), new float[2][1], sums, 4)).isEqualTo(4);
    assertThat(sums).containsExactly(10.0, 4.0);
    TimeLimit limited = new TimeLimit(new Counter(1_000), 3);
    assertThat(
            EpisodeLoop.run(
                limited, NEXT, limited.reset(1), new float[2][1], sums, Integer.MAX_VALUE))
        .isEqualTo(3);
    assertThat(sums).containsExactly(6.0, 3.0);
  }

  @Test
  void refusesANonPositiveStepLimit() {
    Counter env = new Counter(3);
    assertThatThrownBy(
            () -> EpisodeLoop.run(env, NEXT, env.reset(1), new float[2][1], new double[2], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxSteps = 0");
  }
}
