package io.edgeoffload.cli;

import io.edgeoffload.lab.sweep.SweepEngine;
import io.edgeoffload.lab.sweep.SweepEngines;
import picocli.CommandLine.Option;

/** The engine options of {@code sweep} and {@code reproduce}. */
final class EngineOptions {
  @Option(
      names = "--engine",
      defaultValue = "threads",
      description =
          "threads (this machine) or spark (local[*], --master, or spark-submit's master)."
              + " Default: ${DEFAULT-VALUE}.")
  String engine;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Runs at once on the threads engine. Default: one per core.")
  Integer parallel;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master URL (spark engine), e.g. local[4] or spark://host:7077.")
  String master;

  @Option(names = "--stop-after", hidden = true, defaultValue = "2147483647")
  int stopAfter;

  /** The engine the options name. */
  SweepEngine create() {
    if (parallel != null) {
      Configs.positive("--parallel", parallel);
    }
    int p = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    return SweepEngines.create(engine, new SweepEngine.Options(p, master));
  }
}
