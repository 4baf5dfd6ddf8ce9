package io.edgeoffload.collab.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.collab.CollabEnvBase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's deterministic policy depends on what it observes, not on the environment object it
 * was built with: evaluated on a separate environment (as every experiment evaluates), it acts as a
 * learner built on that environment. Before the fix its window sizes were masked by the queues of
 * the environment it was built with, which had nothing to do with the one evaluated.
 */
class EmhPpoActsOnAnyEnvTest {
  @Test
  void theBuildEnvironmentsQueuesDoNotChangeTheEvaluation(@TempDir Path dir) throws Exception {
    CollabEnvBase train = CollabLearnersTest.env(List.of(), "env.tasksMean=6", "env.maxTasks=30");
    EmhPpo learner =
        new EmhPpo("emh-ppo", EmhPpoConfig.emhPpo().withSchedule(32, 16, 2, 1e-3), train, 3);
    CollabTraining.train(learner, train, 200, 5, null, (k, s, v) -> {});
    Path file = dir.resolve("l.bin");
    learner.save(file);

    List<String> evalSets = List.of("env.taskModel=fixed", "env.fixedTasks=12");
    double[] onFresh;
    {
      CollabEnvBase eval = CollabLearnersTest.env(evalSets, "env.tasksMean=6", "env.maxTasks=30");
      EmhPpo built =
          new EmhPpo("emh-ppo", EmhPpoConfig.emhPpo().withSchedule(32, 16, 2, 1e-3), eval, 99);
      built.load(file);
      onFresh = CollabTraining.evaluate(built, eval, 3, 11);
    }
    // The trained learner, whose build environment stands near the end of an episode (few tasks
    // left), evaluated on a separate environment of 12 tasks per MD.
    CollabEnvBase eval = CollabLearnersTest.env(evalSets, "env.tasksMean=6", "env.maxTasks=30");
    double[] onOther = CollabTraining.evaluate(learner, eval, 3, 11);
    assertThat(onOther).containsExactly(onFresh);
  }
}
