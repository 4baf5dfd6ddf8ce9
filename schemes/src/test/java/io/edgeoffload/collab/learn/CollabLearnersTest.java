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
   * The pool changes no bit: a few rollouts (several minibatch updates each, the critic beside the
   * embedding and one task per actor network) on one thread and on two save the same bytes, for the
   * embedded (EMH-PPO), per-MD (MAHPPO, no embedding: the critic beside the actors) and single
   * (H-PPO) actor structures.
   */
  @ParameterizedTest
  @ValueSource(strings = {"emh-ppo", "mahppo", "h-ppo"})
  void trainingOnOneOrTwoThreadsSavesTheSameBytes(String id, @TempDir Path dir) throws Exception {
    byte[][] saved = new byte[2][];
    long[] updates = new long[2];
    List<List<String>> losses = List.of(new ArrayList<>(), new ArrayList<>());
    for (int k = 0; k < 2; k++) {
      CollabEnvBase env = env(List.of(), "env.tasksMean=6", "env.maxTasks=30");
      EmhPpo learner = tiny(id, env, 11);
      learner.setParallel(k == 0 ? ONE_THREAD : TWO_THREADS);
      List<String> log = losses.get(k);
      updates[k] =
          CollabTraining.train(
              learner,
              env,
              200,
              4,
              null,
              (key, s, v) -> log.add(key + "@" + s + "=" + Double.doubleToRawLongBits(v)));
      Path file = dir.resolve(id + "-" + k + ".bin");
      learner.save(file);
      saved[k] = java.nio.file.Files.readAllBytes(file);
    }
    assertThat(updates[0]).isGreaterThanOrEqualTo(12); // 6 rollouts of 32, 2 epochs of 2 batches
    assertThat(updates[1]).isEqualTo(updates[0]);
    assertThat(saved[1]).isEqualTo(saved[0]);
    assertThat(losses.get(0)).hasSize(4 * 6); // four loss statistics per rollout
    assertThat(losses.get(1)).isEqualTo(losses.get(0));
  }

  private static final io.edgeoffload.nn.Parallel ONE_THREAD = io.edgeoffload.nn.Parallel.of(1);
  private static final io.edgeoffload.nn.Parallel TWO_THREADS = io.edgeoffload.nn.Parallel.of(2);

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
