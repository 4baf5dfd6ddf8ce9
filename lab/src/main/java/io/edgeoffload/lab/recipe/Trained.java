package io.edgeoffload.lab.recipe;

import io.edgeoffload.core.Learner;
import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Scheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A trained learner as a policy: built by its scheme's factory, then loaded from a checkpoint. */
public final class Trained {
  private Trained() {}

  /**
   * The factory {@code Runner} needs; {@code seed} is the training run's root seed (it fixes the
   * learner's initial draw, which loading overwrites).
   */
  public static <C, E extends ParallelEnv> Scheme.PolicyFactory<C, E> factory(
      Scheme<C, E> scheme, String algo, long seed, Path checkpoint) {
    return (config, env) -> {
      Learner l = io.edgeoffload.lab.Trainer.learner(scheme, config, env, algo, seed);
      try {
        l.load(checkpoint);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load " + checkpoint, e);
      }
      return l;
    };
  }
}
