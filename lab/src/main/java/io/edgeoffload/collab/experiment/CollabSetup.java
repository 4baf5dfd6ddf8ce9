package io.edgeoffload.collab.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.collab.CollabConfig;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabScheme;
import io.edgeoffload.collab.learn.CollabLearners;
import io.edgeoffload.collab.learn.EmhPpo;
import io.edgeoffload.collab.learn.EmhPpoConfig;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;

/** Environments and agents of the experiments, from a preset and {@code env.key=value} sets. */
final class CollabSetup {
  private CollabSetup() {}

  static CollabConfig config(String preset, List<String> sets) {
    new CollabScheme().presetResource(preset); // unknown preset → the list of presets
    ObjectNode tree = ConfigLoader.readResource("presets/collab/" + preset + ".yaml");
    for (String s : sets) {
      ConfigLoader.set(tree, s);
    }
    return ConfigLoader.bind(tree, CollabConfig.class);
  }

  static CollabEnvBase env(String preset, List<String> sets) {
    return env(config(preset, sets));
  }

  static CollabEnvBase env(CollabConfig config) {
    return new CollabScheme().createEnv(config);
  }

  /** The evaluation setting of Sec. V-A: X_n = 50 (or the fixed count given), d = 50 m. */
  static List<String> evalSets(List<String> sets) {
    List<String> out = new ArrayList<>(sets);
    out.add("env.taskModel=fixed");
    out.add("env.distanceModel=fixed");
    return out;
  }

  /** A learner's environment sets followed by the series' own. */
  static List<String> learnerSets(String learner, List<String> sets) {
    List<String> out = new ArrayList<>(CollabLearners.registry().get(learner).envSets());
    out.addAll(sets);
    return out;
  }

  static boolean isLearner(String id) {
    return CollabLearners.registry().contains(id);
  }

  /**
   * Learner {@code id} with the configuration's {@code learner} settings (Table III's schedule, lr
   * 1e-4, batch 256, rollouts of 1024, in the presets) for full runs; quick runs replace the
   * schedule by rollouts of 256, minibatches of 64 and lr 3e-4 so that a few thousand steps show
   * learning.
   */
  static EmhPpo learner(
      String id, CollabConfig config, CollabEnvBase env, boolean quick, long seed) {
    EmhPpoConfig c = CollabLearners.registry().get(id).config().withSettings(config.learner());
    if (quick) {
      c = c.withSchedule(256, 64, 4, 3e-4);
    }
    return new EmhPpo(id, c, env, seed);
  }

  static Policy policy(String id, CollabConfig config, CollabEnvBase env) {
    return new CollabScheme().policies().get(id).create(config, env);
  }
}
