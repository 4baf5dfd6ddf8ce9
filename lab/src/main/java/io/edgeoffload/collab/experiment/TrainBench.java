package io.edgeoffload.collab.experiment;

import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.learn.CollabLearners;
import io.edgeoffload.collab.learn.CollabTraining;
import io.edgeoffload.collab.learn.EmhPpo;
import java.util.List;
import java.util.Locale;

/**
 * Training speed of a COLLAB learner at the paper's size (Table III: 3 MDs, 2 servers, ResNet-50,
 * W_max = 5) with the paper's schedule (batch 256, rollouts of 1024, 4 epochs): {@code java -cp
 * cli/target/edgeoffload.jar io.edgeoffload.collab.experiment.TrainBench [LEARNER] [STEPS] [PRESET]
 * [KEY=VALUE…]}, e.g. {@code emh-ppo 20480 collab-wide env.numDevices=4}. Prints environment steps
 * per second (collection and updates together) after a warm-up of one rollout.
 */
public final class TrainBench {
  private TrainBench() {}

  public static void main(String[] args) {
    String id = args.length > 0 ? args[0] : "emh-ppo";
    long steps = args.length > 1 ? Long.parseLong(args[1]) : 20_480;
    String preset = args.length > 2 ? args[2] : "collab-wide";
    // Any further arguments are KEY=VALUE settings, as `--set` takes them (env.numDevices=4).
    List<String> extra = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
    List<String> sets = CollabSetup.learnerSets(id, extra);
    CollabEnvBase env = CollabSetup.env(preset, sets);
    EmhPpo learner = new EmhPpo(id, CollabLearners.registry().get(id).config(), env, 1);
    int rollout = learner.config().settings().rolloutSteps();
    CollabTraining.train(learner, env, rollout, 1, null, (k, s, v) -> {}); // warm-up
    long t0 = System.nanoTime();
    long updates = CollabTraining.train(learner, env, steps, 2, null, (k, s, v) -> {});
    double secs = (System.nanoTime() - t0) / 1e9;
    double rate = steps / secs;
    System.out.printf(
        Locale.ROOT,
        "%s on %s (%d MDs, %d servers): %d steps, %d minibatch updates in %.1f s = %.0f steps/s;"
            + " 1.5 M steps would take %.1f min%n",
        id,
        preset,
        env.numAgents(),
        env.config().numServers(),
        steps,
        updates,
        secs,
        rate,
        1.5e6 / rate / 60);
  }
}
