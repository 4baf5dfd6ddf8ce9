package io.edgeoffload.cli;

import io.edgeoffload.collab.experiment.PolicyProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code edgeoffload policy-profile RUN_DIR...}: what COLLAB policies decide, task by task. */
@Command(
    name = "policy-profile",
    mixinStandardHelpOptions = true,
    description = {
      "What a COLLAB policy decides, task by task, in finished reproduction runs: a trained"
          + " learner (a collab-curve run's learner.bin, on its run's evaluation setting, episodes and"
          + " seed; a collab-variants run's, once per evaluation variant) or a non-learning policy (a"
          + " collab-eval run), in the task-aware or the time-based MDP. Each evaluates as its run"
          + " did, so latency and energy equal the run's recorded ones. One Markdown row per RUN_DIR"
          + " (per variant): latency, energy, offloaded share (in all and per MD),"
          + " raw-input cuts, shared channels, power, transmission, offloaded and local task latency,"
          + " server load, the slowest task, and the offloaded tasks slower than a local one.",
      "Example: edgeoffload policy-profile runs/c6/runs/<id> runs/c6/runs/<id2>"
    })
final class PolicyProfileCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Finished run folders.")
  List<Path> runs;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    w.print(PolicyProfile.table(runs));
    w.flush();
    return 0;
  }
}
