package io.edgeoffload.cli;

import io.edgeoffload.lab.Prune;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgeoffload prune PATH...}: finished trainings keep their policies, not checkpoints. */
@Command(
    name = "prune",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the checkpoints of finished training runs by their policies: what evaluating a"
          + " run needs (for MADDPG learners the actors, and UCMS_MADDPG's server critics), without"
          + " critics, target networks, optimiser state or replay. A 48-agent UCMS checkpoint of about"
          + " 400 MB becomes a policy of a few MB. Evaluation (eval --policy, reproduce, sweeps) reads"
          + " a pruned run as before; training it further is refused. Runs still training are left.",
      "PATH: a `train` run folder, a sweep or reproduction folder (its runs/), or a folder of"
          + " run folders. Example: edgeoffload prune runs/ucms-fig5 --dry-run"
    })
final class PruneCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders to prune.")
  List<Path> paths;

  @Option(
      names = "--dry-run",
      description = "List what would be pruned and the checkpoint bytes at stake; change nothing.")
  boolean dryRun;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    Prune.run(paths, dryRun, w);
    return 0;
  }
}
