package io.edgeoffload.collab.learn;

import io.edgeoffload.core.config.Check;

/**
 * Every hyper-parameter of {@link EmhPpo} and of the learned baselines built from it: the actor
 * structure, which tells the learners apart, and the {@link CollabLearnerConfig settings} they
 * share (a configuration file's {@code learner} block).
 *
 * @param actors {@code embedded}: a shared embedding network and one agent network per MD (EMH-PPO,
 *     Sec. IV-C); {@code per-agent}: one actor per MD on the raw state (MAHPPO [7]); {@code
 *     single}: one actor deciding for every MD (H-PPO [41])
 * @param perTask per-task outputs for each of the W_max tasks of a window, masked beyond the chosen
 *     window (EMH-PPO); otherwise one decision per MD applied to all its tasks
 * @param perTaskValues the critic outputs one value per task slot (EMH-PPO), else one
 * @param settings widths, schedule, PPO's constants and the reward transform
 */
public record EmhPpoConfig(
    String actors, boolean perTask, boolean perTaskValues, CollabLearnerConfig settings) {

  public static final String EMBEDDED = "embedded";
  public static final String PER_AGENT = "per-agent";
  public static final String SINGLE = "single";

  public EmhPpoConfig {
    Check.oneOf("actors", actors, EMBEDDED, PER_AGENT, SINGLE);
    Check.present("settings", settings);
  }

  /** EMH-PPO as Sec. IV-C/D and Table III give it; rollout, epochs, λ and the rest are ours. */
  public static EmhPpoConfig emhPpo() {
    return new EmhPpoConfig(EMBEDDED, true, true, CollabLearnerConfig.paper());
  }

  /** MAHPPO [7]: one hybrid actor per MD, one decision per MD and window, a scalar critic. */
  public static EmhPpoConfig mahppo() {
    return emhPpo().withActors(PER_AGENT, false, false);
  }

  /** H-PPO [41]: one hybrid actor for all MDs, one decision per MD and window. */
  public static EmhPpoConfig hppo() {
    return emhPpo().withActors(SINGLE, false, false);
  }

  /** The same hyper-parameters with another actor structure. */
  public EmhPpoConfig withActors(String a, boolean tasks, boolean taskValues) {
    return new EmhPpoConfig(a, tasks, taskValues, settings);
  }

  /** The same actor structure with other shared settings. */
  public EmhPpoConfig withSettings(CollabLearnerConfig s) {
    return new EmhPpoConfig(actors, perTask, perTaskValues, s);
  }

  /** The same with another rollout length, minibatch, epochs and learning rate. */
  public EmhPpoConfig withSchedule(int rollout, int batch, int passes, double lr) {
    return withSettings(settings.withSchedule(rollout, batch, passes, lr));
  }

  /**
   * The text a checkpoint records and checks on resume; unchanged since the settings had a record
   * of their own, so that runs checkpointed before still resume.
   */
  @Override
  public String toString() {
    return String.join(
        " ",
        actors,
        "perTask=" + perTask,
        settings.widthsText(),
        "perTaskValues=" + perTaskValues,
        settings.restText());
  }
}
