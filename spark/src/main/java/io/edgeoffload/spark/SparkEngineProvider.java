package io.edgeoffload.spark;

import io.edgeoffload.lab.sweep.SweepEngine;

/**
 * Makes {@link SparkEngine}s under the name {@code spark}; registered for {@link
 * java.util.ServiceLoader} so that {@code SweepEngines.create("spark", ...)} finds it whenever this
 * module is on the class path.
 */
public final class SparkEngineProvider implements SweepEngine.Provider {
  @Override
  public String name() {
    return SparkEngine.NAME;
  }

  @Override
  public String description() {
    return "runs as Apache Spark tasks: local[*] in this JVM, --master URL, or spark-submit's";
  }

  @Override
  public SweepEngine create(SweepEngine.Options options) {
    SparkEngine e = SparkEngine.start(options.master());
    if (e.startSeconds() > 0) {
      // One line on stderr (beside the progress bar): a session start is seconds, worth knowing.
      System.err.printf(
          java.util.Locale.ROOT,
          "spark: %s, %d runs at once, context started in %.1f s%n",
          e.master(),
          e.parallelism(),
          e.startSeconds());
    }
    return e;
  }
}
