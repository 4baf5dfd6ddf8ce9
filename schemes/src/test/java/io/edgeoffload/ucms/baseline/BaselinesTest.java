package io.edgeoffload.ucms.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.core.Policy;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.ucms.UcmsConfig;
import io.edgeoffload.ucms.UcmsEnv;
import io.edgeoffload.ucms.UcmsEnvConfig;
import io.edgeoffload.ucms.UcmsScheme;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  private static UcmsConfig kb() {
    return ConfigLoader.bind(
        ConfigLoader.readResource("presets/ucms/ucms-kb.yaml"), UcmsConfig.class);
  }

  /** Mean total cost per slot over a few episodes, same seeds for every policy. */
  private static Map<String, Double> meanCosts(UcmsConfig c, int episodes) {
    UcmsScheme scheme = new UcmsScheme();
    Map<String, Double> out = new HashMap<>();
    for (String id : scheme.policies().ids()) {
      UcmsEnv env = scheme.createEnv(c);
      Policy p = scheme.policies().get(id).create(c, env);
      float[][] a = new float[env.numAgents()][3];
      double cost = 0;
      int steps = 0;
      for (int e = 0; e < episodes; e++) {
        float[][] obs = env.reset(1000 + e);
        p.reset(e);
        for (int t = 0; t < c.env().slotsPerEpisode(); t++) {
          p.act(obs, a);
          for (float[] row : a) {
            assertThat(env.actionSpace(0).contains(row)).as("action of %s", id).isTrue();
          }
          StepResult r = env.step(a);
          obs = r.observations();
          cost += r.info()[UcmsEnv.INFO_KEYS.indexOf("cost_sum")];
          steps++;
        }
      }
      out.put(id, cost / steps);
    }
    return out;
  }

  @Test
  void greedyIsCheapestAndRandomBeatsNeitherGreedyNorItsBest() {
    Map<String, Double> cost = meanCosts(kb(), 20);
    assertThat(cost.get("greedy")).isLessThan(cost.get("random"));
    assertThat(cost.get("greedy")).isLessThan(cost.get("all-local"));
    assertThat(cost.get("greedy")).isLessThan(cost.get("all-offload"));
  }

  @Test
  void greedyLocalFrequencyIsTheMinimiserFoundByBruteForce() {
    UcmsEnvConfig c = kb().env();
    double lo = c.localFreqMin().hertz();
    double hi = c.localFreqMax().hertz();
    double[][] tasks = {
      {8000, 300, 0.1}, {400000, 700, 0.1}, {200000, 500, 1.0}, {40000, 650, 0.2}
    };
    for (double[] t : tasks) {
      double f = GreedyPolicy.bestLocalFrequency(c, t[0], t[1], t[2]);
      double best = GreedyPolicy.localCost(c, t[0], t[1], t[2], f);
      for (int i = 0; i <= 20000; i++) {
        double x = lo + (hi - lo) * i / 20000.0;
        assertThat(best)
            .isLessThanOrEqualTo(GreedyPolicy.localCost(c, t[0], t[1], t[2], x) + 1e-12);
      }
    }
  }

  @Test
  void greedyPowerIsTheMinimiserFoundByBruteForce() {
    UcmsEnvConfig c = kb().env();
    double lo = c.txPowerMin().watts();
    double hi = c.txPowerMax().watts();
    double[][] cases = {{8000, 300, 0.1, 3.2}, {400000, 700, 0.1, 25}, {200000, 500, 1.0, 10}};
    for (double[] t : cases) {
      double p = GreedyPolicy.bestPower(c, t[0], t[1], t[2], t[3]);
      double best = GreedyPolicy.offloadCost(c, t[0], t[1], t[2], t[3], p);
      for (int i = 0; i <= 20000; i++) {
        double x = lo + (hi - lo) * i / 20000.0;
        assertThat(best)
            .isLessThanOrEqualTo(
                GreedyPolicy.offloadCost(c, t[0], t[1], t[2], t[3], x) * (1 + 1e-9));
      }
    }
  }
}
