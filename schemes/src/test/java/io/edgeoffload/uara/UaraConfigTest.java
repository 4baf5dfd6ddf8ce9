package io.edgeoffload.uara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Presets bind; bad values name their key; the scenario follows Table 3. */
class UaraConfigTest {
  @Test
  void presetsBind() {
    UaraConfig c = UaraFixtures.config("uara");
    assertThat(c.env().tasks()).hasSize(7);
    assertThat(c.env().servers()).hasSize(3);
    assertThat(UaraFixtures.config("uara-literal").env().tasks().get(4).flops()).isEqualTo(8.0e12);
    assertThat(c.env().tasks().get(4).flops()).isEqualTo(8.0e7);
  }

  @ParameterizedTest
  @CsvSource({
    "env.numDevices=0, env.numDevices",
    "env.load=heavy, env.load",
    "env.alpha=-1, env.alpha",
    "env.txEnergy=half, env.txEnergy",
    "env.batteryLevelMin=0, env.batteryLevelMin",
    "env.modelMemory=9 GB, env.modelMemory",
    "pricing.stepMu=3, pricing.stepMu",
    "pricing.maxIterations=0, pricing.maxIterations",
    "pricing.schedule=cosine, pricing.schedule",
    "pricing.activeShare=0, pricing.activeShare",
    "baseline.epsilon=1.5, baseline.epsilon",
  })
  void badValuesNameTheirKey(String assignment, String key) {
    assertThatThrownBy(() -> UaraFixtures.config("uara", assignment))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
  }

  @Test
  void sameSeedGivesTheSameInstanceAndRatesFollowThePathLoss() {
    UaraInstance a = UaraFixtures.scenario(9, 50, 4, "balanced");
    UaraInstance b = UaraFixtures.scenario(9, 50, 4, "balanced");
    assertThat(a.rate()).containsExactly(b.rate());
    assertThat(a.flops()).containsExactly(b.flops());
    assertThat(a.battery()).containsExactly(b.battery());
    // Every rate lies between those at the area's diagonal and at the minimum distance.
    double noise = 1e-3 * Math.pow(10, -17.4) * 2.5e6;
    double best =
        2.5e6 * Math.log1p(Math.pow(10, -(41 + 28 * Math.log10(3)) / 10) / noise) / Math.log(2);
    double worst =
        2.5e6
            * Math.log1p(Math.pow(10, -(41 + 28 * Math.log10(200 * Math.sqrt(2))) / 10) / noise)
            / Math.log(2);
    for (double r : a.rate()) {
      assertThat(r).isBetween(worst * (1 - 1e-12), best * (1 + 1e-12));
    }
  }

  @Test
  void loadsChangeTheMix() {
    double comm = meanBits("comm");
    double comp = meanBits("comp");
    assertThat(comm).isGreaterThan(3 * comp);
    assertThat(meanFlops("comp")).isGreaterThan(meanFlops("comm"));
  }

  private static double meanBits(String load) {
    UaraInstance in = UaraFixtures.scenario(3, 2000, 2, load);
    double s = 0;
    for (double v : in.bits()) {
      s += v;
    }
    return s / in.devices();
  }

  private static double meanFlops(String load) {
    UaraInstance in = UaraFixtures.scenario(3, 2000, 2, load);
    double s = 0;
    for (double v : in.flops()) {
      s += v;
    }
    return s / in.devices();
  }

  @Test
  void instanceRejectsEmptySizes() {
    assertThatThrownBy(() -> new UaraInstance(0, 1)).isInstanceOf(IllegalArgumentException.class);
    new Scenario(UaraFixtures.config("uara").env()).sample(new SplittableRandom(1));
  }
}
