package io.edgeoffload.lab.recipe;

import io.edgeoffload.lab.AtomicFiles;
import io.edgeoffload.lab.Stats;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * UARA Table 5: device ("local") energy per task in mWh and server ("edge") energy per task in Wh,
 * N_ES = 12, N_MD ∈ {40, 100, 160}, comm and comp loads, every scheme.
 */
final class UaraTable5 implements Recipe {
  private static final int[] DEVICES = {40, 100, 160};

  @Override
  public String id() {
    return "uara-table5";
  }

  @Override
  public String description() {
    return "Table 5: device and server energy per task, N_ES = 12, N_MD ∈ {40, 100, 160}";
  }

  @Override
  public void run(Budget budget, Path out, RecipeRuns runs) {
    StringBuilder csv =
        new StringBuilder(
            "load,scheme,devices,n,local_mwh,local_ci95_low,local_ci95_high,edge_wh,edge_ci95_low,"
                + "edge_ci95_high\n");
    StringBuilder md = new StringBuilder("# UARA Table 5: energy per task, N_ES = 12\n\n");
    md.append(UaraPoints.budgetNote(budget))
        .append(" Local: device energy per task (local computing or transmission), mWh. Edge:")
        .append(" server energy per task, Wh. Mean ± 95% CI half-width over seeds.\n\n");
    md.append("| load | scheme |");
    for (int n : DEVICES) {
      md.append(" local, N=").append(n).append(" | edge, N=").append(n).append(" |");
    }
    md.append("\n|---|---|").append("---:|---:|".repeat(DEVICES.length)).append('\n');
    Curves curves = new Curves();
    for (String load : new String[] {"comm", "comp"}) {
      Curves.Panel localPanel =
          curves.panel(
              "table5-" + load + "-local",
              "Table 5: device energy per task, " + load + " load, N_ES = 12",
              "N_MD",
              "device energy per task [mWh]");
      Curves.Panel edgePanel =
          curves.panel(
              "table5-" + load + "-edge",
              "Table 5: server energy per task, " + load + " load, N_ES = 12",
              "N_MD",
              "server energy per task [Wh]");
      for (String scheme : UaraPoints.SCHEMES) {
        md.append("| ").append(load).append(" | ").append(scheme).append(" |");
        for (int n : DEVICES) {
          List<String> c = UaraPoints.config(budget, UaraPoints.point(n, 12, load, 1.0));
          double[][] v =
              UaraPoints.evaluate(runs, budget, c, scheme, "device_energy_j", "server_energy_j");
          double[] localMwh = UaraPoints.scale(v[0], 1 / 3.6);
          double[] edgeWh = UaraPoints.scale(v[1], 1 / 3600.0);
          localPanel.add(scheme, n, localMwh);
          edgePanel.add(scheme, n, edgeWh);
          Stats.Summary local = Stats.summarize(localMwh);
          Stats.Summary edge = Stats.summarize(edgeWh);
          md.append(
              String.format(
                  Locale.ROOT,
                  " %.4g ± %.2g | %.4g ± %.2g |",
                  local.mean(),
                  local.halfWidth(),
                  edge.mean(),
                  edge.halfWidth()));
          csv.append(
              String.join(
                      ",",
                      load,
                      scheme,
                      Integer.toString(n),
                      Integer.toString(local.n()),
                      Curves.num(local.mean()),
                      Curves.num(local.ciLow()),
                      Curves.num(local.ciHigh()),
                      Curves.num(edge.mean()),
                      Curves.num(edge.ciLow()),
                      Curves.num(edge.ciHigh()))
                  + "\n");
        }
        md.append('\n');
      }
    }
    AtomicFiles.write(out.resolve("data.csv"), csv.toString());
    AtomicFiles.write(out.resolve("summary.md"), md.toString());
    Curves.plot(curves.panels(), out.resolve("plots"));
  }
}
