package io.edgeoffload.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.runtime.policy.LatencyOptimalPolicy;
import io.edgeoffload.runtime.policy.LatencyPrediction;
import io.edgeoffload.runtime.policy.SplitDecision;
import io.edgeoffload.runtime.policy.SplitObservation;
import io.edgeoffload.runtime.policy.SplitPolicies;
import io.edgeoffload.runtime.wire.ServerLoad;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyOptimalPolicyTest {

  /** A random observation: S = 12, some points served, random sizes, times and load. */
  static SplitObservation random(SplittableRandom rng, double bandwidth, int queued) {
    int size = 12;
    List<Integer> cand = new ArrayList<>();
    Map<Integer, Long> bytes = new HashMap<>();
    Map<Integer, Double> device = new HashMap<>();
    Map<Integer, Double> service = new HashMap<>();
    double full = 0.05 + rng.nextDouble() * 0.2;
    for (int s = 1; s <= size; s++) {
      if (s == size || rng.nextBoolean()) {
        cand.add(s);
        bytes.put(s, s == size ? 0L : 1000L + rng.nextLong(2_000_000));
        device.put(s, s == size ? full : full * (s - 1) / (size - 1.0));
        if (s != size) {
          service.put(s, 0.001 + rng.nextDouble() * 0.02);
        }
      }
    }
    ServerLoad load = new ServerLoad("m", queued, rng.nextInt(2), 1 + rng.nextInt(3), 8, service);
    return new SplitObservation(
        0, size, cand, bytes, device, true, bandwidth, 0.001 * rng.nextDouble(), load, 10);
  }

  static SplitObservation withLoad(SplitObservation o, double bandwidth, int queued) {
    ServerLoad l = o.load();
    return new SplitObservation(
        o.requestId(),
        o.localPoint(),
        o.candidates(),
        o.bytesSent(),
        o.deviceSeconds(),
        true,
        bandwidth,
        o.baseLatencySeconds(),
        new ServerLoad(
            l.model(), queued, l.running(), l.workers(), l.maxSessions(), l.serviceSeconds()),
        o.deadlineSeconds());
  }

  @Test
  void choosesTheArgminOfCollabEq2ComputedTermByTerm() {
    SplittableRandom rng = new SplittableRandom(1);
    LatencyOptimalPolicy policy = new LatencyOptimalPolicy();
    for (int trial = 0; trial < 500; trial++) {
      SplitObservation o = random(rng, 1e5 + rng.nextDouble() * 1e9, rng.nextInt(5));
      // Brute force, written out independently: L = local + I/R + base + wait + service.
      double wait =
          (o.load().queued() + o.load().running())
              / (double) o.load().workers()
              * o.load().serviceSeconds().values().stream().mapToDouble(d -> d).average().orElse(0);
      double best = o.deviceSeconds().get(o.localPoint());
      for (int s : o.candidates()) {
        if (s != o.localPoint() && o.load().serviceSeconds().containsKey(s)) {
          double l =
              o.deviceSeconds().get(s)
                  + 8.0 * o.bytesSent().get(s) / o.bandwidthBitsPerSecond()
                  + o.baseLatencySeconds()
                  + wait
                  + o.load().serviceSeconds().get(s);
          best = Math.min(best, l);
        }
      }
      SplitDecision d = policy.decide(o);
      assertThat(o.candidates()).contains(d.point());
      assertThat(d.predictedSeconds()).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(LatencyPrediction.seconds(o, d.point())).isEqualTo(d.predictedSeconds());
    }
  }

  @Test
  void lessBandwidthNeverSendsMoreBytesAndMoreQueueNeverLeavesLocal() {
    SplittableRandom rng = new SplittableRandom(2);
    LatencyOptimalPolicy policy = new LatencyOptimalPolicy();
    for (int trial = 0; trial < 300; trial++) {
      SplitObservation o = random(rng, 1e6, 0);
      long previousBytes = Long.MAX_VALUE;
      for (double bw = 1e10; bw >= 1e4; bw /= 3) {
        int s = policy.decide(withLoad(o, bw, 0)).point();
        long b = o.bytesSent().get(s);
        assertThat(b).as("bytes at %.0f bit/s", bw).isLessThanOrEqualTo(previousBytes);
        previousBytes = b;
      }
      boolean local = false;
      for (int q = 0; q <= 64; q++) {
        boolean nowLocal = policy.decide(withLoad(o, 1e6, q)).point() == o.localPoint();
        assertThat(!local || nowLocal).as("queue %d", q).isTrue();
        local = nowLocal;
      }
    }
  }

  @Test
  void withTheServerDownOnlyLocalRemains() {
    SplitObservation o = random(new SplittableRandom(3), 1e9, 0);
    SplitObservation down =
        new SplitObservation(
            1,
            o.localPoint(),
            o.candidates(),
            o.bytesSent(),
            o.deviceSeconds(),
            false,
            1e9,
            0,
            o.load(),
            10);
    assertThat(new LatencyOptimalPolicy().decide(down).point()).isEqualTo(o.localPoint());
    assertThat(SplitPolicies.create("point:1").decide(down).point()).isEqualTo(o.localPoint());
  }

  @Test
  void registryKnowsItsPoliciesAndNamesTheValidOnes(@TempDir Path dir) {
    assertThat(SplitPolicies.registry().ids()).contains("latency-optimal", "local-only");
    assertThat(SplitPolicies.create("latency-optimal").id()).isEqualTo("latency-optimal");
    assertThatThrownBy(() -> SplitPolicies.create("nope"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--policy")
        .hasMessageContaining("latency-optimal");
    assertThatThrownBy(() -> SplitPolicies.create("point:x")).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> SplitPolicies.create(dir.toString()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("COLLAB");
  }
}
