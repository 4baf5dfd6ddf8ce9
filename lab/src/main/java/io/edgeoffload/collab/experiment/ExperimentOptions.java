package io.edgeoffload.collab.experiment;

import io.edgeoffload.core.config.ConfigException;
import java.nio.file.Path;
import java.util.List;

/**
 * What every COLLAB experiment takes.
 *
 * @param out output folder (created; files are written atomically)
 * @param quick shrink training budgets only (the non-learning columns are computed in full)
 * @param seeds root seeds of every series, one run each (the bands are 95% intervals over them)
 * @param preset the preset every series starts from ({@code collab-wide} unless stated)
 * @param steps training steps per run; 0: the experiment's default for {@code quick}
 */
public record ExperimentOptions(
    Path out, boolean quick, List<Long> seeds, String preset, long steps) {
  public ExperimentOptions {
    if (out == null) {
      throw new ConfigException("out", "null", "give an output folder");
    }
    if (seeds == null || seeds.isEmpty() || seeds.size() > 100) {
      throw new ConfigException("seeds", seeds, "give 1 to 100 seeds");
    }
    seeds = List.copyOf(seeds);
    if (steps < 0) {
      throw new ConfigException("steps", steps, "must be non-negative (0: default)");
    }
  }

  /** Quick defaults: collab-wide, seeds 1 to 3. */
  public static ExperimentOptions quick(Path out) {
    return new ExperimentOptions(out, true, List.of(1L, 2L, 3L), "collab-wide", 0);
  }

  /** The number of seeds. */
  public int seedCount() {
    return seeds.size();
  }

  /** The same options writing under {@code dir}. */
  public ExperimentOptions in(Path dir) {
    return new ExperimentOptions(dir, quick, seeds, preset, steps);
  }

  /** Training steps between two evaluations of a learning curve: a tenth of the budget. */
  public long evaluateEvery() {
    return Math.max(1, trainingSteps() / 10);
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
