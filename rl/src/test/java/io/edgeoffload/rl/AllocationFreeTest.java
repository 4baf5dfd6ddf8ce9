package io.edgeoffload.rl;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.rl.dist.Categorical;
import io.edgeoffload.rl.dist.DiagGaussian;
import io.edgeoffload.rl.dist.HybridDistribution;
import io.edgeoffload.rl.dist.HybridLayout;
import io.edgeoffload.rl.replay.JointReplay;
import io.edgeoffload.rl.replay.PerConfig;
import io.edgeoffload.rl.replay.PrioritizedReplay;
import io.edgeoffload.rl.replay.ReplayBuffer;
import io.edgeoffload.rl.replay.ReplayBuffer.Field;
import io.edgeoffload.rl.replay.RewardTdErrorPriority;
import io.edgeoffload.rl.rollout.GaeConfig;
import io.edgeoffload.rl.rollout.RolloutBuffer;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hot-path calls allocate nothing: measured with the JVM's per-thread allocation counter after
 * a warm-up, over many calls (one allocation of even 16 bytes per call would show as ≥ 16 kB in
 * every round).
 */
class AllocationFreeTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /**
   * Bytes allocated by 1000 calls after a warm-up, the least over 5 rounds: a one-off allocation by
   * the JVM itself (a deoptimisation, a class loaded) shows in one round, an allocation per call in
   * every round.
   */
  private static long allocatedBy(Runnable r) {
    for (int i = 0; i < 20_000; i++) {
      r.run();
    }
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long empty0 = THREADS.getCurrentThreadAllocatedBytes();
      long empty1 = THREADS.getCurrentThreadAllocatedBytes();
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 1000; i++) {
        r.run();
      }
      long after = THREADS.getCurrentThreadAllocatedBytes();
      least = Math.min(least, (after - before) - (empty1 - empty0));
    }
    return least;
  }

  @Test
  void replayAddSampleGatherAndPriorityUpdatesAllocateNothing() {
    assertThat(THREADS.isThreadAllocatedMemorySupported()).isTrue();
    ReplayBuffer buf = new ReplayBuffer(4096, new Field("obs", 9), new Field("reward", 1));
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(0.6, 0.4, 1000, 1e-6, 4096));
    JointReplay joint =
        new JointReplay(4096, List.of(List.of(new Field("obs", 9)), List.of(new Field("obs", 5))));
    double[][] rows = {new double[9], new double[1]};
    double[][][] jointRows = {{new double[9]}, {new double[5]}};
    int[] idx = new int[64];
    double[] w = new double[64];
    double[] batch = new double[64 * 9];
    double[] rewards = new double[64];
    double[] errors = new double[64];
    RewardTdErrorPriority eta = new RewardTdErrorPriority(0.3, 1e-3);
    SplittableRandom rng = new SplittableRandom(1);
    long bytes =
        allocatedBy(
            () -> {
              rows[0][0] = rng.nextDouble();
              per.add(buf, rows);
              joint.add(jointRows);
              buf.sample(64, rng, idx);
              joint.sample(64, rng, idx);
              per.sample(64, rng, idx, w);
              buf.gather(0, idx, 64, batch);
              buf.gather(1, idx, 64, rewards);
              for (int i = 0; i < 64; i++) {
                errors[i] = rng.nextDouble();
              }
              per.updatePriorities(idx, rewards, errors, 64, eta);
            });
    assertThat(bytes).isZero();
  }

  @Test
  void rolloutAndDistributionCallsAllocateNothing() {
    int t = 16;
    int e = 4;
    RolloutBuffer roll = new RolloutBuffer(t, e, 3, 5);
    HybridDistribution hybrid = new HybridDistribution(new HybridLayout(new int[] {4, 3}, 3));
    Categorical cat = new Categorical(4);
    DiagGaussian gauss = new DiagGaussian(3);
    double[] params = new double[e * hybrid.paramWidth()];
    boolean[] masks = new boolean[e * hybrid.maskWidth()];
    java.util.Arrays.fill(masks, true);
    double[] actions = new double[e * hybrid.actionWidth()];
    double[] grad = new double[e * hybrid.paramWidth()];
    double[] obs = new double[e * 3];
    double[] vec = new double[e];
    boolean[] flags = new boolean[e];
    double[] last = new double[e];
    int[] perm = new int[t * e];
    GaeConfig gae = new GaeConfig(0.99, 0.95, true);
    SplittableRandom rng = new SplittableRandom(2);
    long bytes =
        allocatedBy(
            () -> {
              for (int j = 0; j < params.length; j++) {
                params[j] = rng.nextDouble(-1, 1);
              }
              hybrid.samples(e, params, masks, rng, actions);
              hybrid.logProbs(e, params, masks, actions, vec);
              hybrid.entropies(e, params, masks, vec);
              for (int r = 0; r < e; r++) {
                int po = r * hybrid.paramWidth();
                hybrid.addLogProbGrad(
                    params, po, masks, r * hybrid.maskWidth(), actions, r * 5, 1.0, grad, po);
                hybrid.addEntropyGrad(params, po, masks, r * hybrid.maskWidth(), 0.01, grad, po);
                hybrid.mode(params, po, masks, r * hybrid.maskWidth(), actions, r * 5);
              }
              cat.entropy(params, 0, null, 0);
              gauss.sumLogStdGrad(e, grad, hybrid.paramWidth(), 7, last);
              if (roll.full()) {
                roll.computeAdvantages(last, gae);
                roll.permutation(rng, perm);
                roll.reset();
              }
              roll.add(obs, actions, vec, vec, vec, flags, flags, vec);
            });
    assertThat(bytes).isZero();
  }
}
