package io.edgeoffload.lab.recipe;

import java.nio.file.Path;

/** UARA Fig. 4: mean latency against N_MD, N_ES = 4, α = 1, three loads. */
final class UaraFig4 implements Recipe {
  @Override
  public String id() {
    return "uara-fig4";
  }

  @Override
  public String description() {
    return "Fig. 4: latency vs N_MD (N_ES = 4) under balanced, comm and comp loads";
  }

  @Override
  public void run(Budget budget, Path out, RecipeRuns runs) {
    Curves curves = new Curves();
    String[][] loads = {{"a", "balanced"}, {"b", "comm"}, {"c", "comp"}};
    for (String[] l : loads) {
      Curves.Panel p =
          curves.panel(
              "fig4" + l[0],
              "Fig. 4(" + l[0] + "): mean latency, " + l[1] + " load, N_ES = 4, α = 1",
              "N_MD",
              "mean latency per task [s]");
      UaraPoints.sweep(runs, budget, p, 4, l[1], "mean_latency_s", 1.0);
    }
    curves.write(
        out,
        "UARA Fig. 4: system latency against the number of devices",
        UaraPoints.budgetNote(budget));
  }
}
