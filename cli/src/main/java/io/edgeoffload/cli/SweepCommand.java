package io.edgeoffload.cli;

import io.edgeoffload.lab.sweep.ResultsDb;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.SweepEngine;
import io.edgeoffload.lab.sweep.SweepSpec;
import io.edgeoffload.lab.sweep.Sweeper;
import io.edgeoffload.lab.sweep.Sweeps;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code edgeoffload sweep SPEC --out ROOT}: run a sweep, resumably, into a results database. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a sweep (YAML: grid over config keys × policies/learners × seeds, a budget per run)"
          + " into ROOT: ROOT/runs/<id>/ per run, ROOT/results.duckdb (tables runs, params, episodes,"
          + " summaries, sweeps), ROOT/export/*.parquet|csv. Re-running skips completed runs; a killed"
          + " sweep loses at most the runs in flight. Specs: examples/sweeps/, docs/sweeps.md.",
      "Example: edgeoffload sweep examples/sweeps/ucms-policies.yaml --out runs/sweep"
    })
final class SweepCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "Sweep spec (YAML).")
  Path specFile;

  @Option(names = "--out", required = true, paramLabel = "ROOT", description = "Sweep root.")
  Path out;

  @CommandLine.Mixin EngineOptions engine = new EngineOptions();

  @Option(names = "--dry-run", description = "Plan and list the runs; run nothing.")
  boolean dryRun;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    SweepSpec sweep = SweepSpec.read(specFile);
    var runs = Sweeps.plan(sweep); // every problem in the spec surfaces here, before any write
    PrintWriter w = spec.commandLine().getOut();
    if (dryRun) {
      int[] states = new int[Sweeper.State.values().length];
      for (Sweeper.Planned p : Sweeper.status(runs, out)) {
        RunSpec r = p.spec();
        states[p.state().ordinal()]++;
        w.printf(
            "%s  %-5s %-20s seed %-6d %-8s %s%n",
            r.id(),
            r.kind(),
            r.policy(),
            r.seed(),
            p.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
            r.pointLabel());
      }
      w.printf(
          "%d runs: %d done, %d resume, %d adopt a finished training, %d to run%n",
          runs.size(),
          states[Sweeper.State.DONE.ordinal()],
          states[Sweeper.State.RESUMES.ordinal()],
          states[Sweeper.State.ADOPTS.ordinal()],
          states[Sweeper.State.TO_RUN.ordinal()]);
      w.flush();
      return 0;
    }
    try (SweepEngine e = engine.create()) {
      Sweeper.Outcome o = Sweeper.run(sweep, runs, out, e, true, engine.stopAfter);
      w.println(
          sweep.name() + " on " + e.name() + " (" + e.parallelism() + " at once): " + o.line());
      w.println(
          "results: "
              + out.resolve(ResultsDb.FILE).toAbsolutePath().normalize()
              + "  (edgeoffload query "
              + out
              + " \"SELECT ...\"; edgeoffload report "
              + out
              + ")");
      w.flush();
      return o.failed() > 0 ? Main.EXIT_FAILURE : 0;
    }
  }
}
