package io.edgeoffload.ucms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.core.StepResult;
import io.edgeoffload.ucms.approval.ApprovalStrategyEarliestDeadline;
import io.edgeoffload.ucms.selection.SelectionPolicyCoSelection;
import org.junit.jupiter.api.Test;

/**
 * The equations of UCMS Sec. 3 and 4.2 against values computed by hand, on a case with two UDs and
 * one ES. Subchannel W/K = 40 MHz / 10 = 4 MHz; p = 0.5 · 0.2 W = 0.1 W; with g = 10 the SNR is 1
 * and the rate 4 Mbit/s, with g = 30 it is 3 and 8 Mbit/s.
 *
 * <p>UD0: β = 8000 bit, c = 500 cycle/bit (4·10⁶ cycles), g = 10. UD1: β = 20000 bit, c = 300
 * (6·10⁶ cycles), g = 30.
 */
class UcmsEquationsTest {
  private static final double EPS = 1e-12;

  private static UcmsEnvConfig config(String... extra) {
    String[] base = {
      "env.numUsers=2",
      "env.numServers=1",
      "env.txPowerMax=0.2 W",
      "env.batteryMax=1 J",
      "env.batteryMin=0.5 J",
      "env.harvest=1e-3 J",
      "env.cpusPerServer=1"
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return UcmsFixtures.config("ucms-kb", all);
  }

  private static UcmsFixtures.FixedSlots slots(double deadline0, double deadline1) {
    return new UcmsFixtures.FixedSlots(2, 1)
        .task(0, 8000, 500, deadline0, 1e-3)
        .gain(0, 0, 10)
        .task(1, 20000, 300, deadline1, 1e-3)
        .gain(1, 0, 30);
  }

  private static float[][] actions(float x0, float x1) {
    return new float[][] {{x0, 0.5f, 0.5f}, {x1, 0.5f, 0.5f}};
  }

  @Test
  void localComputingEqs3And4() {
    // eq. (3): 4e6 cycles at 0.75 GHz; eq. (4): 5e-27 · 4e6 · (0.75e9)².
    assertThat(UcmsModel.localDelay(8000, 500, 0.75e9)).isCloseTo(5.333333333333e-3, within(EPS));
    assertThat(UcmsModel.localEnergy(5e-27, 8000, 500, 0.75e9)).isCloseTo(1.125e-2, within(EPS));
  }

  @Test
  void offloadingRateDelayEnergyEqs5To8And10() {
    double w = config().subchannelHz();
    assertThat(w).isEqualTo(4e6);
    assertThat(UcmsModel.rate(w, 0.1, 10)).isCloseTo(4e6, within(1e-6)); // eq. (6)
    assertThat(UcmsModel.rate(w, 0.1, 30)).isCloseTo(8e6, within(1e-6));
    assertThat(UcmsModel.transmissionDelay(8000, 4e6)).isCloseTo(2e-3, within(EPS)); // eq. (7)
    assertThat(UcmsModel.processingDelay(20000, 300, 4e9)).isCloseTo(1.5e-3, within(EPS)); // (8)
    assertThat(UcmsModel.offloadEnergy(0.1, 2.5e-3)).isCloseTo(2.5e-4, within(EPS)); // eq. (10)
  }

  @Test
  void actionMappingEqs21To23() {
    assertThat(UcmsModel.localFrequency(0.5, 0.4e9, 1.5e9)).isEqualTo(0.75e9); // eq. (22)
    assertThat(UcmsModel.localFrequency(0.1, 0.4e9, 1.5e9)).isEqualTo(0.4e9); // floor f_min
    assertThat(UcmsModel.txPower(0.5, 1e-3, 0.2)).isCloseTo(0.1, within(EPS)); // eq. (23)
    assertThat(UcmsModel.txPower(0.001, 1e-3, 0.2)).isEqualTo(1e-3); // floor p_min
    assertThat(UcmsModel.wantsOffload(0.5)).isTrue(); // eq. (21): x^u >= 0.5
    assertThat(UcmsModel.wantsOffload(0.4999)).isFalse();
  }

  @Test
  void serverQueueEq9WithOneCpu() {
    // Both offload. UD0 arrives at 2 ms, runs 2–3 ms; UD1 arrives at 2.5 ms, waits for the CPU
    // (τ^q = 3 ms): τ^a = 1.5 ms + max(2.5 ms, 3 ms) = 4.5 ms.
    UcmsEnv env = UcmsFixtures.env(config(), slots(0.1, 0.1));
    env.reset(1);
    env.step(actions(1f, 1f));
    assertThat(env.lastOffloaded(0)).isTrue();
    assertThat(env.lastOffloaded(1)).isTrue();
    assertThat(env.lastDelay(0)).isCloseTo(3e-3, within(EPS));
    assertThat(env.lastDelay(1)).isCloseTo(4.5e-3, within(EPS));
    assertThat(env.lastStart(1)).isCloseTo(3e-3, within(EPS));
  }

  @Test
  void serverQueueEq9WithTwoCpusHasNoWait() {
    UcmsEnv env = UcmsFixtures.env(config("env.cpusPerServer=2"), slots(0.1, 0.1));
    env.reset(1);
    env.step(actions(1f, 1f));
    assertThat(env.lastDelay(1)).isCloseTo(4e-3, within(EPS)); // 1.5 + max(2.5, 0)
  }

  @Test
  void totalsCostBatteryRewardEqs11To14And25To26WhenBothOffload() {
    UcmsEnv env = UcmsFixtures.env(config(), slots(0.1, 0.1));
    env.reset(1);
    StepResult r = env.step(actions(1f, 1f));
    // eq. (12) offloading branch, eq. (10): 0.1 W · 2 ms and 0.1 W · 2.5 ms.
    assertThat(env.lastEnergy(0)).isCloseTo(2e-4, within(EPS));
    assertThat(env.lastEnergy(1)).isCloseTo(2.5e-4, within(EPS));
    // eq. (14): 0.5 · 3 ms + 0.5 · 0.2 mJ; 0.5 · 4.5 ms + 0.5 · 0.25 mJ.
    assertThat(env.lastCost(0)).isCloseTo(1.6e-3, within(EPS));
    assertThat(env.lastCost(1)).isCloseTo(2.375e-3, within(EPS));
    // eq. (13): 1 − 0.2 mJ + 1 mJ is capped at b_max = 1 J.
    assertThat(env.battery(0)).isEqualTo(1.0);
    // eqs. (25)–(26): deadlines met, battery above b_min: P = 0, r = −mean cost.
    assertThat(r.rewards()[0]).isCloseTo(-1.9875e-3, within(EPS));
    assertThat(r.rewards()[1]).isCloseTo(-1.9875e-3, within(EPS));
    double[] info = r.info();
    assertThat(info[UcmsEnv.INFO_KEYS.indexOf("approvals")]).isEqualTo(2);
    assertThat(info[UcmsEnv.INFO_KEYS.indexOf("timeouts")]).isZero();
    assertThat(info[UcmsEnv.INFO_KEYS.indexOf("cost_sum")]).isCloseTo(3.975e-3, within(EPS));
  }

  @Test
  void localBranchTimeoutPenaltyAndBothRewardReadings() {
    // UD0 computes locally at 0.75 GHz: τ = 5.333 ms past its 4 ms deadline; e = 11.25 mJ.
    // UD1 offloads alone: τ^a = 1.5 + 2.5 = 4 ms.
    for (String reading : new String[] {"corrected", "paper-literal"}) {
      UcmsEnv env = UcmsFixtures.env(config("env.penalty=" + reading), slots(4e-3, 0.1));
      env.reset(1);
      StepResult r = env.step(actions(0f, 1f));
      assertThat(env.lastOffloaded(0)).isFalse();
      assertThat(env.lastDelay(0)).isCloseTo(5.333333333333e-3, within(EPS)); // eq. (11)
      assertThat(env.lastEnergy(0)).isCloseTo(1.125e-2, within(EPS)); // eq. (12)
      assertThat(env.lastCost(0)).isCloseTo(8.291666666667e-3, within(EPS)); // eq. (14)
      assertThat(env.lastDelay(1)).isCloseTo(4e-3, within(EPS));
      assertThat(env.lastCost(1)).isCloseTo(2.125e-3, within(EPS));
      assertThat(env.battery(0)).isCloseTo(0.98975, within(EPS)); // eq. (13): 1 − 0.01125 + 0.001
      double meanCost = (8.291666666667e-3 + 2.125e-3) / 2; // 5.2083 ms
      double penalty = 0.5 * (4e-3 - 5.333333333333e-3); // eq. (25), battery term 0
      double expected0 = reading.equals("corrected") ? -meanCost + penalty : -(meanCost + penalty);
      assertThat(r.rewards()[0]).isCloseTo(expected0, within(1e-12)); // eq. (26)
      assertThat(r.rewards()[1]).isCloseTo(-meanCost, within(1e-12));
      assertThat(r.info()[UcmsEnv.INFO_KEYS.indexOf("timeouts")]).isEqualTo(1);
      assertThat(r.info()[UcmsEnv.INFO_KEYS.indexOf("penalty_sum")])
          .isCloseTo(penalty, within(EPS));
    }
  }

  @Test
  void batteryEq13ClampsToItsRangeAndPenaltyEq25CountsTheShortfall() {
    assertThat(UcmsModel.nextBattery(1.0, 0.01125, 0.001, 1.0)).isCloseTo(0.98975, within(EPS));
    assertThat(UcmsModel.nextBattery(0.9, 0.0, 0.5, 1.0)).isEqualTo(1.0);
    assertThat(UcmsModel.nextBattery(0.01, 0.5, 0.001, 1.0)).isEqualTo(0.0);
    // b = 0.3 J below b_min = 0.5 J, deadline met: P = ρ₂ · (0.3 − 0.5).
    assertThat(UcmsModel.penalty(0.5, 5.0, 1.0, 0.2, 0.3, 0.5)).isCloseTo(-1.0, within(EPS));
    assertThat(UcmsModel.penalty(0.5, 5.0, 1.0, 0.2, 0.7, 0.5)).isZero();
  }

  @Test
  void subchannelLimitEq15iApprovesFirstComeAndRejectsTheRest() {
    // K = 1: UD0 arrives first (2 ms < 2.5 ms) and takes the only subchannel; UD1 computes
    // locally with its own f = 0.75 GHz: 6e6 / 0.75e9 = 8 ms.
    UcmsEnv env = UcmsFixtures.env(config("env.subchannels=1"), slots(0.1, 0.1));
    env.reset(1);
    StepResult r = env.step(actions(1f, 1f));
    assertThat(env.lastOffloaded(0)).isTrue();
    assertThat(env.lastOffloaded(1)).isFalse();
    assertThat(env.lastDelay(1)).isCloseTo(8e-3, within(EPS));
    assertThat(r.info()[UcmsEnv.INFO_KEYS.indexOf("requests")]).isEqualTo(2);
    assertThat(r.info()[UcmsEnv.INFO_KEYS.indexOf("approvals")]).isEqualTo(1);
  }

  @Test
  void storageLimitEq15jIsFirstFitInPriorityOrder() {
    // D_m = 10000 bit; earliest deadline ranks UD1 (20000 bit) first: it does not fit, is
    // skipped, and UD0 (8000 bit) still fits.
    UcmsEnvConfig c = config("env.storage=10000");
    UcmsEnv env =
        new UcmsEnv(
            c,
            slots(0.5, 0.2),
            new SelectionPolicyCoSelection(),
            new ApprovalStrategyEarliestDeadline());
    env.reset(1);
    StepResult r = env.step(actions(1f, 1f));
    assertThat(env.lastOffloaded(1)).isFalse();
    assertThat(env.lastOffloaded(0)).isTrue();
    assertThat(r.info()[UcmsEnv.INFO_KEYS.indexOf("storage_used_bits")]).isEqualTo(8000);
  }

  @Test
  void observationEq20() {
    UcmsEnv env = UcmsFixtures.env(config(), slots(0.1, 0.1));
    float[][] obs = env.reset(1);
    // β/β_max, c/c_max, φ/φ_max, f/f_max (starts at f_max), p/p_max (starts at p_max), b/b_max,
    // g in dB over [5, 14] dB: (10 − 5)/9.
    assertThat(obs[0])
        .containsExactly(
            new float[] {8000f / 400000f, 500f / 700f, 0.1f, 1f, 1f, 1f, 5f / 9f}, within(1e-6f));
    StepResult r = env.step(actions(1f, 1f));
    // Next slot: f = 0.75 GHz of 1.5 GHz, p = 0.1 W of 0.2 W.
    assertThat(r.observations()[0][3]).isCloseTo(0.5f, within(1e-6f));
    assertThat(r.observations()[0][4]).isCloseTo(0.5f, within(1e-6f));
  }
}
