package io.edgeoffload.collab.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.collab.CollabConfig;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.CollabScheme;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code learner} block of the COLLAB configuration: defaults, overrides, checks, identity. */
class CollabLearnerConfigTest {

  private static CollabConfig load(String preset, String... sets) {
    ObjectNode tree = ConfigLoader.readResource("presets/collab/" + preset + ".yaml");
    for (String s : sets) {
      ConfigLoader.set(tree, s);
    }
    return ConfigLoader.bind(tree, CollabConfig.class);
  }

  /**
   * The presets' block is the paper's settings, and a configuration holding them hashes as one
   * without the block: the tree of the run id is the environment alone, as before.
   */
  @ParameterizedTest
  @ValueSource(strings = {"collab-wide", "collab-paper"})
  void presetsHoldThePaperSettingsAndLeaveThemOutOfTheIdentity(String preset) {
    CollabConfig c = load(preset);
    assertThat(c.learner()).isEqualTo(CollabLearnerConfig.paper());
    assertThat(c.identityTree().has("learner")).isFalse();
    // Nor is env.rewardPerTask at its default (eq. 8 as printed): the tree is the environment as
    // it was before either key existed.
    ObjectNode envOnly = ConfigLoader.yaml().createObjectNode();
    // Nor env.slotReward at its default (elapsed), added later still.
    envOnly.set(
        "env", ConfigLoader.toTree(c.env()).without(List.of("rewardPerTask", "slotReward")));
    assertThat(c.identityTree()).isEqualTo(envOnly);
    assertThat(
            load(preset, "env.slotReward=started")
                .identityTree()
                .path("env")
                .path("slotReward")
                .asText())
        .isEqualTo("started");
    assertThat(
            load(preset, "env.rewardPerTask=false")
                .identityTree()
                .path("env")
                .path("rewardPerTask")
                .asBoolean(true))
        .isFalse();
    CollabConfig changed = load(preset, "learner.rolloutSteps=512");
    assertThat(changed.identityTree().path("learner").path("rolloutSteps").asInt()).isEqualTo(512);
  }

  /**
   * A checkpoint records the learner's configuration as text and refuses to resume under another;
   * this is the text of every checkpoint written before the settings had a record of their own
   * (read from a full-budget EMH-PPO run's learner.bin), so those still resume.
   */
  @Test
  void theCheckpointTextIsUnchanged() {
    EmhPpoConfig emh = EmhPpoConfig.emhPpo().withSettings(load("collab-wide").learner());
    assertThat(emh.toString())
        .isEqualTo(
            "embedded perTask=true [512, 256] [256, 128, 64] [256, 128, 64] perTaskValues=true"
                + " lr=1.0E-4 rollout=1024 mb=256 epochs=4 gamma=0.95 lambda=0.95 clip=0.2"
                + " ent=0.01 vf=0.5 gn=0.5 logstd=-0.5 symlog=true");
  }

  /**
   * A value set in the block reaches the learner {@code train --algo} builds; the structure stays.
   */
  @ParameterizedTest
  @ValueSource(strings = {"emh-ppo", "mahppo", "h-ppo", "agilenn", "emh-ppo-slotted"})
  void aSetValueReachesEveryLearner(String algo) {
    CollabScheme scheme = new CollabScheme();
    CollabConfig c =
        scheme.configFor(
            algo, load("collab-wide", "learner.entropyCoef=0.05", "learner.agentHidden=[32, 16]"));
    CollabEnvBase env = scheme.createEnv(c);
    EmhPpo learner = (EmhPpo) scheme.learners().get(algo).create(c, env, 1);
    EmhPpoConfig used = learner.config();
    assertThat(used.settings().entropyCoef()).isEqualTo(0.05);
    assertThat(used.settings().agentHidden()).containsExactly(32, 16);
    EmhPpoConfig registered = CollabLearners.registry().get(algo).config();
    assertThat(used.actors()).isEqualTo(registered.actors());
    assertThat(used.perTask()).isEqualTo(registered.perTask());
    assertThat(used.perTaskValues()).isEqualTo(registered.perTaskValues());
  }

  /** Bad values are refused with the full dotted key. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "learner.clip=1.5",
        "learner.entropyCoef=-0.1",
        "learner.embedHidden=[]",
        "learner.rolloutSteps=0"
      })
  void badValuesNameTheirKey(String set) {
    String key = set.substring(0, set.indexOf('='));
    assertThatThrownBy(() -> load("collab-wide", set))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key);
  }
}
