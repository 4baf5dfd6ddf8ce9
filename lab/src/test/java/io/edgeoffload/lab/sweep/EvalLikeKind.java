package io.edgeoffload.lab.sweep;

import java.nio.file.Path;

/** A test run kind that does something of its own, then evaluates as {@code eval} does. */
abstract class EvalLikeKind implements RunKind {
  private final String id;
  private final String description;

  EvalLikeKind(String id, String description) {
    this.id = id;
    this.description = description;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void validate(RunSpec spec) {}

  /** What the kind does before it evaluates. */
  abstract void before(RunSpec spec);

  @Override
  public Outcome execute(RunSpec spec, Path dir) {
    before(spec);
    return RunKinds.get("eval").execute(spec, dir);
  }

  @Override
  public Outcome placeholder(RunSpec spec) {
    return RunKinds.get("eval").placeholder(spec);
  }
}
