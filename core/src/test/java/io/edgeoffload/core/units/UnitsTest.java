package io.edgeoffload.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void dbmAndWattsRoundTrip() {
    assertThat(Units.dbmToWatts(30)).isCloseTo(1.0, within(1e-15));
    assertThat(Units.dbmToWatts(0)).isCloseTo(1e-3, within(1e-18));
    assertThat(Units.dbmToWatts(24)).isCloseTo(0.25118864315, within(1e-10));
    for (double dbm = -30; dbm <= 40; dbm += 3.7) {
      assertThat(Units.wattsToDbm(Units.dbmToWatts(dbm))).isCloseTo(dbm, within(1e-12));
    }
  }

  @Test
  void dbAndLinearRoundTrip() {
    assertThat(Units.dbToLinear(10)).isCloseTo(10, within(1e-12));
    assertThat(Units.dbToLinear(3)).isCloseTo(1.99526231, within(1e-8));
    assertThat(Units.linearToDb(Units.dbToLinear(14))).isCloseTo(14, within(1e-12));
  }

  @Test
  void decimalBytesAsThePapersUseThem() {
    assertThat(Units.megabytesToBits(400)).isEqualTo(3.2e9);
    assertThat(Units.kilobytesToBits(50)).isEqualTo(4.0e5);
    assertThat(Units.bitsToBytes(Units.bytesToBits(123))).isEqualTo(123);
    assertThat(Units.ghzToHz(1.5)).isEqualTo(1.5e9);
    assertThat(Units.megajoulesToJoules(3.2)).isEqualTo(3.2e6);
    assertThat(Units.milliwattHoursToJoules(1000)).isEqualTo(3600);
  }

  @Test
  void quantitiesParseTheirUnits() {
    assertThat(DataSize.parse("400 MB").bits()).isEqualTo(3.2e9);
    assertThat(DataSize.parse("50KB").bits()).isEqualTo(4.0e5);
    assertThat(DataSize.parse("10 Mbit").bits()).isEqualTo(1.0e7);
    assertThat(DataSize.of(1000).bits()).isEqualTo(1000);
    assertThat(Frequency.parse("1.5 GHz").hertz()).isEqualTo(1.5e9);
    assertThat(Frequency.parse("40 MHz").hertz()).isEqualTo(4.0e7);
    assertThat(Power.parse("24 dBm").watts()).isCloseTo(0.2511886431509580, within(1e-15));
    assertThat(Power.parse("250 mW").watts()).isCloseTo(0.25, within(1e-15));
    assertThat(Energy.parse("3.2 MJ").joules()).isEqualTo(3.2e6);
    assertThat(Energy.parse("5 mJ").joules()).isCloseTo(5e-3, within(1e-18));
    assertThat(Energy.parse("1e-3 J").joules()).isEqualTo(1e-3);
    assertThat(TimeSpan.parse("100 ms").seconds()).isCloseTo(0.1, within(1e-15));
    assertThat(Gain.parse("10 dB").linear()).isCloseTo(10, within(1e-12));
    assertThat(Gain.parse("2.5").linear()).isEqualTo(2.5);
  }

  @Test
  void quantitiesKeepTheirTextAndNumbersGetTheSiUnit() {
    assertThat(DataSize.parse("400MB").text()).isEqualTo("400 MB");
    assertThat(DataSize.of(8).text()).isEqualTo("8 bit");
    assertThat(Power.of(0.5).text()).isEqualTo("0.5 W");
    assertThat(Power.parse(Power.parse("24 dBm").text()).watts())
        .isEqualTo(Power.parse("24 dBm").watts());
  }

  @Test
  void badUnitsAreRejectedWithTheAllowedUnits() {
    assertThatThrownBy(() -> DataSize.parse("400 MiB"))
        .hasMessageContaining("unknown unit 'MiB'")
        .hasMessageContaining("MB");
    assertThatThrownBy(() -> DataSize.parse("4 Mb")).hasMessageContaining("ambiguous");
    assertThatThrownBy(() -> Power.parse("fast")).hasMessageContaining("dBm");
    assertThatThrownBy(() -> Frequency.parse("3 GHzz")).hasMessageContaining("GHz");
  }
}
