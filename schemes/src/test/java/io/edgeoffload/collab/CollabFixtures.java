package io.edgeoffload.collab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.core.config.ConfigLoader;

/** Configurations for COLLAB tests. */
final class CollabFixtures {
  private CollabFixtures() {}

  /** A preset with overrides, bound and validated. */
  static CollabEnvConfig config(String preset, String... sets) {
    ObjectNode tree = ConfigLoader.readResource("presets/collab/" + preset + ".yaml");
    for (String s : sets) {
      ConfigLoader.set(tree, s);
    }
    return ConfigLoader.bind(tree, CollabConfig.class).env();
  }

  static CollabEnvBase env(String preset, String... sets) {
    return new CollabScheme().createEnv(new CollabConfig(config(preset, sets)));
  }
}
