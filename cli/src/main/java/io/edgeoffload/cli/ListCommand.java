package io.edgeoffload.cli;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.registry.Registry;
import io.edgeoffload.lab.Schemes;
import io.edgeoffload.ucms.approval.ApprovalStrategies;
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
      for (Registry.Entry<String> p : scheme.presets().entries()) {
        w.printf("    %-22s %s%n", p.id(), p.description());
      }
      w.println("  policies:");
      for (Registry.Entry<?> p : scheme.policies().entries()) {
        w.printf("    %-22s %s%n", p.id(), p.description());
      }
      if (scheme.id().equals("ucms")) {
        w.println("  approval strategies (env.approval):");
        for (Registry.Entry<?> a : ApprovalStrategies.registry().entries()) {
          w.printf("    %-22s %s%n", a.id(), a.description());
        }
        w.println("  selection (env.selection):");
        w.printf("    %-22s %s%n", "co-selection", "user-server co-selection, Algorithm 1");
        w.printf("    %-22s %s%n", "random", "random UD-ES pairing (RD_UCMS_MADDPG)");
      }
    }
    w.flush();
    return 0;
  }
}
