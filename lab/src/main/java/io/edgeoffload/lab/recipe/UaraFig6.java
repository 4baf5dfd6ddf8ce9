package io.edgeoffload.lab.recipe;

import java.nio.file.Path;

/** UARA Fig. 6: mean computation delay against N_MD, comp load, N_ES = 4 and 8. */
final class UaraFig6 implements Recipe {
  @Override
  public String id() {
    return "uara-fig6";
  }

  @Override
  public String description() {
    return "Fig. 6: computation latency vs N_MD (comp load, N_ES = 4 and 8)";
  }

  @Override
  public void run(Budget budget, Path out, RecipeRuns runs) {
    Curves curves = new Curves();
    for (int m : new int[] {4, 8}) {
      Curves.Panel p =
          curves.panel(
              "fig6" + (m == 4 ? "a" : "b"),
              "Fig. 6(" + (m == 4 ? "a" : "b") + "): computation latency, comp load, N_ES = " + m,
              "N_MD",
              "mean computation delay per task [s]");
      UaraPoints.sweep(runs, budget, p, m, "comp", "mean_compute_latency_s", 1.0);
    }
    curves.write(
        out,
        "UARA Fig. 6: computation latency, high computation load",
        UaraPoints.budgetNote(budget));
  }
}
