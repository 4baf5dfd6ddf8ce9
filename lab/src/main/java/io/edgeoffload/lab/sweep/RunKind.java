package io.edgeoffload.lab.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * How a {@link RunSpec} of one kind is executed. Implementations are stateless and registered in
 * {@link RunKinds}, so that any JVM (a thread here, a Spark executor elsewhere) finds them by id.
 */
public interface RunKind {
  /** Registered id, the {@link RunSpec#kind()}. */
  String id();

  /** One line for {@code list}. */
  String description();

  /**
   * Checks a planned run before anything executes (e.g. that its policy exists), so a bad sweep
   * fails at planning with a message naming the field.
   *
   * @throws io.edgeoffload.core.config.ConfigException when the run cannot execute
   */
  void validate(RunSpec spec);

  /**
   * Executes the run. {@code dir} is the run's own folder, already created; the kind may keep files
   * there (checkpoints), and must resume from them when they exist.
   */
  Outcome execute(RunSpec spec, Path dir);

  /**
   * An outcome of the shape {@link #execute} will produce (the same phases, metrics and number of
   * rows) filled with placeholder values: recipes are planned by running them once on placeholders,
   * collecting the runs they ask for (see {@code RecipeRuns}).
   */
  Outcome placeholder(RunSpec spec);

  /**
   * The id of the finished run under {@code runsRoot} whose training this run would adopt instead
   * of training its own (the kinds that do say when), or null: for planning what a sweep will cost.
   */
  default String adoptableFrom(RunSpec spec, Path runsRoot) {
    return null;
  }

  /** What executing produced. */
  record Outcome(String environment, List<RunResult.Series> series) {}
}
