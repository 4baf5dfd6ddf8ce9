package io.edgeoffload.lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The round steps that bar charts' y ranges are multiples of. */
class FiguresTest {
  @Test
  void niceStepIsTheSmallestRoundStepAtLeastTheRawOne() {
    assertThat(Figures.niceStep(0.17)).isCloseTo(0.2, within(1e-12));
    assertThat(Figures.niceStep(0.3)).isCloseTo(0.5, within(1e-12));
    assertThat(Figures.niceStep(2.2)).isCloseTo(2.5, within(1e-12));
    assertThat(Figures.niceStep(1.0)).isCloseTo(1.0, within(1e-12));
    assertThat(Figures.niceStep(7.0)).isCloseTo(10.0, within(1e-12));
    assertThat(Figures.niceStep(0.0123)).isCloseTo(0.02, within(1e-12));
  }
}
