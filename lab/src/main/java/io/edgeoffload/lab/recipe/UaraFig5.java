package io.edgeoffload.lab.recipe;

import java.nio.file.Path;

/** UARA Fig. 5: mean transmission delay against N_MD, comm load, N_ES = 4 and 8. */
final class UaraFig5 implements Recipe {
  @Override
  public String id() {
    return "uara-fig5";
  }

  @Override
  public String description() {
    return "Fig. 5: communication latency vs N_MD (comm load, N_ES = 4 and 8)";
  }

  @Override
  public void run(Budget budget, Path out, RecipeRuns runs) {
    Curves curves = new Curves();
    for (int m : new int[] {4, 8}) {
      Curves.Panel p =
          curves.panel(
              "fig5" + (m == 4 ? "a" : "b"),
              "Fig. 5(" + (m == 4 ? "a" : "b") + "): communication latency, comm load, N_ES = " + m,
              "N_MD",
              "mean transmission delay per task [s]");
      UaraPoints.sweep(runs, budget, p, m, "comm", "mean_comm_latency_s", 1.0);
    }
    curves.write(
        out,
        "UARA Fig. 5: communication latency, high communication load",
        UaraPoints.budgetNote(budget));
  }
}
