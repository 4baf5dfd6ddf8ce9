package io.edgeoffload.collab.learn;

import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.core.Learner;
import io.edgeoffload.core.registry.Registry;
import java.util.List;

/**
 * The COLLAB learners by id, with the environment settings each needs on top of the preset (the
 * {@code --set} assignments a run applies before creating the environment).
 */
public final class CollabLearners {

  /** Creates a learner for an environment. */
  @FunctionalInterface
  public interface Factory {
    Learner create(CollabEnvBase env, long seed);
  }

  /**
   * One learner.
   *
   * @param envSets environment assignments the learner's setting needs ({@code env.key=value})
   * @param config its actor structure, with the paper's shared settings
   */
  public record Entry(List<String> envSets, EmhPpoConfig config) {
    /** A learner with this entry's actor structure and the given shared settings. */
    public Learner create(String id, CollabLearnerConfig settings, CollabEnvBase env, long seed) {
      return new EmhPpo(id, config.withSettings(settings), env, seed);
    }
  }

  private static final Registry<Entry> REGISTRY =
      new Registry<Entry>("learner")
          .register(
              "emh-ppo",
              "EMH-PPO: shared embedding, per-MD agents, per-task outputs and values (Sec. IV-C)",
              new Entry(List.of(), EmhPpoConfig.emhPpo()))
          .register(
              "mahppo",
              "MAHPPO [7]: one hybrid actor per MD, one decision per MD and window",
              new Entry(List.of(), EmhPpoConfig.mahppo()))
          .register(
              "h-ppo",
              "H-PPO [41]: one hybrid actor for all MDs",
              new Entry(List.of(), EmhPpoConfig.hppo()))
          .register(
              "agilenn",
              "AgileNN [49]: MAHPPO deciding for MDs that keep half of the features local",
              new Entry(List.of("env.featureSplit=0.5"), EmhPpoConfig.mahppo()))
          .register(
              "emh-ppo-slotted",
              "EMH-PPO under the time-based MDP (collab-slotted-v1), one decision per MD",
              new Entry(
                  List.of("env.mdp=time-based"),
                  EmhPpoConfig.emhPpo().withActors(EmhPpoConfig.EMBEDDED, false, false)));

  private CollabLearners() {}

  public static Registry<Entry> registry() {
    return REGISTRY;
  }
}
