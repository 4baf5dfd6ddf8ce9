package io.edgeoffload.collab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.collab.CollabConfig;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabScheme;
import io.edgeoffload.collab.baseline.LocalOnlyPolicy;
import io.edgeoffload.core.Learner;
import io.edgeoffload.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollabLearnersTest {

  static CollabEnvBase env(List<String> extra, String... sets) {
    ObjectNode tree = ConfigLoader.readResource("presets/collab/collab-wide.yaml");
    for (String s : sets) {
      ConfigLoader.set(tree, s);
    }
    for (String s : extra) {
      ConfigLoader.set(tree, s);
    }
    return new CollabScheme().createEnv(ConfigLoader.bind(tree, CollabConfig.class));
  }

  private static EmhPpo tiny(String id, CollabEnvBase env, long seed) {
    CollabLearners.Entry e = CollabLearners.registry().get(id);
    return new EmhPpo(id, e.config().withSchedule(32, 16, 2, 1e-3), env, seed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"emh-ppo", "mahppo", "h-ppo", "agilenn", "emh-ppo-slotted"})
  void everyLearnerTrainsOnATinyBudgetAndRoundTripsThroughAFile(String id, @TempDir Path dir)
      throws Exception {
    CollabLearners.Entry e = CollabLearners.registry().get(id);
    CollabEnvBase env = env(e.envSets(), "env.tasksMean=6", "env.maxTasks=30");
    EmhPpo learner = tiny(id, env, 3);
    List<double[]> episodes = new ArrayList<>();
    long updates =
        CollabTraining.train(learner, env, 96, 5, (s, m) -> episodes.add(m), (k, s, v) -> {});
    assertThat(updates).isPositive();
    assertThat(learner.steps()).isEqualTo(96);
    if (!id.equals("emh-ppo-slotted")) { // a slotted episode may outlast 96 slots
      assertThat(episodes).isNotEmpty();
    }
    for (double[] m : episodes) {
      for (double v : m) {
        assertThat(v).isFinite();
      }
    }
    // save → load into a fresh learner: the same deterministic actions
    Path file = dir.resolve(id + ".bin");
    learner.save(file);
    EmhPpo other = tiny(id, env, 99);
    other.load(file);
    float[][] obs = env.reset(17);
    float[][] a = new float[env.numAgents()][env.actionSpace(0).dim()];
    float[][] b = new float[env.numAgents()][env.actionSpace(0).dim()];
    learner.act(obs, a);
    other.act(obs, b);
    assertThat(b).isDeepEqualTo(a);
    assertThat(other.steps()).isEqualTo(96);
  }

  @Test
  void sameSeedGivesIdenticalWeights() {
    List<float[]> first = run(7);
    List<float[]> second = run(7);
    List<float[]> other = run(8);
    assertThat(second).hasSameSizeAs(first);
    for (int k = 0; k < first.size(); k++) {
      assertThat(second.get(k)).isEqualTo(first.get(k));
    }
    boolean differs = false;
    for (int k = 0; k < first.size(); k++) {
      differs |= !java.util.Arrays.equals(first.get(k), other.get(k));
    }
    assertThat(differs).isTrue();
  }

  private static List<float[]> run(long seed) {
    CollabEnvBase env = env(List.of(), "env.tasksMean=6", "env.maxTasks=30");
    EmhPpo learner = tiny("emh-ppo", env, seed);
    CollabTraining.train(learner, env, 96, seed, null, (k, s, v) -> {});
    List<float[]> out = new ArrayList<>();
    for (float[] p : learner.parameters()) {
      out.add(p.clone());
    }
    return out;
  }

  /**
   * It learns: on a 2-MD instance of collab-wide, a short seeded EMH-PPO run beats local-only on
   * the evaluation reward (X_n = 50, d = 50 m).
   */
  @Test
  void emhPpoBeatsLocalOnlyOnTwoDevices() {
    CollabEnvBase env = env(List.of(), "env.numDevices=2");
    Learner learner =
        new EmhPpo("emh-ppo", EmhPpoConfig.emhPpo().withSchedule(256, 64, 4, 3e-4), env, 1);
    CollabTraining.train(learner, env, 20_000, 1, null, (k, s, v) -> {});
    CollabEnvBase eval =
        env(List.of(), "env.numDevices=2", "env.taskModel=fixed", "env.distanceModel=fixed");
    double learned = CollabTraining.evaluate(learner, eval, 10, 9)[0];
    double local = CollabTraining.evaluate(new LocalOnlyPolicy(eval), eval, 10, 9)[0];
    assertThat(learned).isGreaterThan(local);
  }
}
