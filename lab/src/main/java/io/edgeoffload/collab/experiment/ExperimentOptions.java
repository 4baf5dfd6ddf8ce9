package io.edgeoffload.collab.experiment;

import io.edgeoffload.core.config.ConfigException;
import java.nio.file.Path;

/**
 * What every COLLAB experiment takes.
 *
 * @param out output folder (created; files are written atomically)
 * @param quick shrink training budgets only (the non-learning columns are computed in full)
 * @param seeds training seeds per series (the bands are 95% intervals over them)
 * @param preset the preset every series starts from ({@code collab-wide} unless stated)
 * @param steps training steps per run; 0: the experiment's default for {@code quick}
 */
public record ExperimentOptions(Path out, boolean quick, int seeds, String preset, long steps) {
  public ExperimentOptions {
    if (out == null) {
      throw new ConfigException("out", "null", "give an output folder");
    }
    if (seeds < 1 || seeds > 100) {
      throw new ConfigException("seeds", seeds, "must be in 1..100");
    }
    if (steps < 0) {
      throw new ConfigException("steps", steps, "must be non-negative (0: default)");
    }
  }

  /** Quick defaults: collab-wide, 3 seeds. */
  public static ExperimentOptions quick(Path out) {
    return new ExperimentOptions(out, true, 3, "collab-wide", 0);
  }

  /** Training steps: the explicit value, else 12 000 when quick, else Table III's 1.5 M. */
  public long trainingSteps() {
    return steps > 0 ? steps : quick ? 12_000 : 1_500_000;
  }

  /** Evaluation episodes per evaluation point. */
  public int evalEpisodes() {
    return quick ? 3 : 10;
  }
}
