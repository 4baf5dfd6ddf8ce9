package io.edgeoffload.cli;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.registry.Registry;
import io.edgeoffload.lab.Schemes;
import io.edgeoffload.lab.recipe.Recipes;
import io.edgeoffload.ucms.approval.ApprovalStrategies;
import io.edgeoffload.ucms.selection.SelectionPolicies;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edgeoffload list}: schemes with their presets and policies. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List schemes, their presets, policies and other registered ids.")
final class ListCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter w = spec.commandLine().getOut();
    for (Registry.Entry<Scheme<?, ?>> s : Schemes.registry().entries()) {
      Scheme<?, ?> scheme = s.value();
      w.println("scheme " + scheme.id() + ": " + scheme.description());
      w.println("  presets:");
      entries(w, scheme.presets());
      w.println("  policies:");
      entries(w, scheme.policies());
      if (!scheme.learners().entries().isEmpty()) {
        w.println("  algorithms (train --algo):");
        entries(w, scheme.learners());
      }
      if (scheme.id().equals("ucms")) {
        w.println("  approval strategies (env.approval):");
        entries(w, ApprovalStrategies.registry());
        w.println("  selection (env.selection):");
        entries(w, SelectionPolicies.registry());
      }
    }
    w.println("recipes (edgeoffload reproduce ID):");
    entries(w, Recipes.registry());
    w.println("run kinds (what a sweep's run does):");
    entries(w, io.edgeoffload.lab.sweep.RunKinds.registry());
    w.println(
        "sweep engines (sweep/reproduce --engine): "
            + String.join(", ", io.edgeoffload.lab.sweep.SweepEngines.names()));
    w.println("split policies (device --policy; also point:S):");
    entries(w, io.edgeoffload.runtime.policy.SplitPolicies.registry());
    w.flush();
    return 0;
  }

  /** One line per registered id: the id and its description. */
  private static void entries(PrintWriter w, Registry<?> registry) {
    for (Registry.Entry<?> e : registry.entries()) {
      w.printf("    %-22s %s%n", e.id(), e.description());
    }
  }
}
