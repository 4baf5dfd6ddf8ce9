package io.edgeoffload.lab.recipe;

import java.nio.file.Path;

/**
 * UARA Figs. 5 and 6: one latency component against N_MD under the load that stresses it, with N_ES
 * = 4 (panel a) and 8 (panel b).
 *
 * @param id recipe id
 * @param description one line for {@code edgeoffload list}
 * @param fig the figure's number in the paper
 * @param panel what a panel shows, after "Fig. N(a): "
 * @param yLabel the y axis
 * @param load the UARA load preset ({@code comm} or {@code comp})
 * @param metric the episode metric plotted
 * @param title the figure's title
 */
record UaraLoadFig(
    String id,
    String description,
    int fig,
    String panel,
    String yLabel,
    String load,
    String metric,
    String title)
    implements Recipe {

  /** Fig. 5: mean transmission delay, communication load. */
  static UaraLoadFig fig5() {
    return new UaraLoadFig(
        "uara-fig5",
        "Fig. 5: communication latency vs N_MD (comm load, N_ES = 4 and 8)",
        5,
        "communication latency, comm load",
        "mean transmission delay per task [s]",
        "comm",
        "mean_comm_latency_s",
        "UARA Fig. 5: communication latency, high communication load");
  }

  /** Fig. 6: mean computation delay, computation load. */
  static UaraLoadFig fig6() {
    return new UaraLoadFig(
        "uara-fig6",
        "Fig. 6: computation latency vs N_MD (comp load, N_ES = 4 and 8)",
        6,
        "computation latency, comp load",
        "mean computation delay per task [s]",
        "comp",
        "mean_compute_latency_s",
        "UARA Fig. 6: computation latency, high computation load");
  }

  @Override
  public void run(Budget budget, Path out, RecipeRuns runs) {
    Curves curves = new Curves();
    for (int m : new int[] {4, 8}) {
      String letter = m == 4 ? "a" : "b";
      Curves.Panel p =
          curves.panel(
              "fig" + fig + letter,
              "Fig. " + fig + "(" + letter + "): " + panel + ", N_ES = " + m,
              "N_MD",
              yLabel);
      UaraPoints.sweep(runs, budget, p, m, load, metric, 1.0);
    }
    curves.write(out, title, UaraPoints.budgetNote(budget));
  }
}
