package io.edgeoffload.lab.recipe;

import java.nio.file.Path;
import java.util.List;

/** UARA Fig. 8: pricing's latency and device energy against N_MD for several α, N_ES = 4. */
final class UaraFig8 implements Recipe {
  private static final double[] ALPHAS = {0, 1, 10, 100};

  @Override
  public String id() {
    return "uara-fig8";
  }

  @Override
  public String description() {
    return "Fig. 8: pricing's latency and device energy vs N_MD for α ∈ {0, 1, 10, 100}, N_ES = 4";
  }

  @Override
  public void run(Budget budget, Path out, RecipeRuns runs) {
    Curves curves = new Curves();
    Curves.Panel latency =
        curves.panel(
            "fig8a",
            "Fig. 8(a): pricing, mean latency, balanced load, N_ES = 4",
            "N_MD",
            "mean latency per task [s]");
    Curves.Panel energy =
        curves.panel(
            "fig8b",
            "Fig. 8(b): pricing, device energy, balanced load, N_ES = 4",
            "N_MD",
            "device energy per task [mWh]");
    Curves.Panel share =
        curves.panel(
            "fig8c",
            "Pricing: offloaded share of low-battery devices, balanced load, N_ES = 4",
            "N_MD",
            "share of low-battery devices that offload");
    for (int n : UaraPoints.devices(budget)) {
      for (double alpha : ALPHAS) {
        List<String> c = UaraPoints.config(budget, UaraPoints.point(n, 4, "balanced", alpha));
        double[][] v =
            UaraPoints.evaluate(
                runs,
                budget,
                c,
                "pricing",
                "mean_latency_s",
                "device_energy_j",
                "low_battery_offload_share");
        String s = "α = " + Curves.num(alpha);
        latency.add(s, n, v[0]);
        energy.add(s, n, UaraPoints.scale(v[1], 1 / 3.6));
        share.add(s, n, v[2]);
      }
    }
    curves.write(out, "UARA Fig. 8: effect of α", UaraPoints.budgetNote(budget) + " Pricing only.");
  }
}
