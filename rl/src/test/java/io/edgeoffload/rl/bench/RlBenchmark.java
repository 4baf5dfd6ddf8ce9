package io.edgeoffload.rl.bench;

import io.edgeoffload.rl.dist.HybridDistribution;
import io.edgeoffload.rl.dist.HybridLayout;
import io.edgeoffload.rl.replay.JointReplay;
import io.edgeoffload.rl.replay.PerConfig;
import io.edgeoffload.rl.replay.PrioritizedReplay;
import io.edgeoffload.rl.replay.ReplayBuffer;
import io.edgeoffload.rl.replay.ReplayBuffer.Field;
import io.edgeoffload.rl.replay.RewardTdErrorPriority;
import io.edgeoffload.rl.rollout.Gae;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times the rl data structures at the sizes the learners will use, one thread. Each case runs a
 * warm-up, then {@code REPS} timed repetitions; it prints the median and the range in µs per
 * operation. Run by hand (docs/performance.md gives the command); not part of the test suite.
 */
public final class RlBenchmark {
  private static final int REPS = 15;

  private RlBenchmark() {}

  interface Case {
    void run(int ops);
  }

  private static void time(String name, int ops, Case c) {
    for (int i = 0; i < 5; i++) {
      c.run(ops);
    }
    double[] us = new double[REPS];
    for (int r = 0; r < REPS; r++) {
      long t0 = System.nanoTime();
      c.run(ops);
      us[r] = (System.nanoTime() - t0) / 1e3 / ops;
    }
    Arrays.sort(us);
    System.out.printf(
        "%-72s median %9.2f µs/op  (min %.2f, max %.2f)%n",
        name, us[REPS / 2], us[0], us[REPS - 1]);
  }

  public static void main(String[] args) {
    // UCMS scale (Sec. 5.1): N = 48 UD agents, buffer 1e5, batch 64; per agent obs 9, action 3.
    int agents = 48;
    int capacity = 100_000;
    int batch = 64;
    int obsW = 9;
    List<List<Field>> fields = new ArrayList<>();
    for (int k = 0; k < agents; k++) {
      fields.add(
          List.of(
              new Field("obs", obsW),
              new Field("action", 3),
              new Field("reward", 1),
              new Field("nextObs", obsW)));
    }
    JointReplay joint = new JointReplay(capacity, fields);
    PrioritizedReplay per = new PrioritizedReplay(new PerConfig(1.0, 0.4, 100_000, 1e-3, capacity));
    double[][][] rows = new double[agents][][];
    for (int k = 0; k < agents; k++) {
      rows[k] = new double[][] {new double[obsW], new double[3], new double[1], new double[obsW]};
    }
    SplittableRandom rng = new SplittableRandom(1);
    for (int t = 0; t < capacity; t++) {
      rows[0][2][0] = -rng.nextDouble();
      per.add(joint, rows);
    }
    int[] idx = new int[batch];
    double[] w = new double[batch];
    double[][] obs = new double[agents][batch * obsW];
    double[][] next = new double[agents][batch * obsW];
    double[][] act = new double[agents][batch * 3];
    double[] rew = new double[batch];
    double[] err = new double[batch];
    RewardTdErrorPriority eta = new RewardTdErrorPriority(0.3, 1e-3);
    time(
        "PER add, 48-agent joint transition (capacity 1e5)",
        10_000,
        ops -> {
          for (int i = 0; i < ops; i++) {
            per.add(joint, rows);
          }
        });
    time(
        "PER sample 64 + weights (capacity 1e5)",
        2_000,
        ops -> {
          for (int i = 0; i < ops; i++) {
            per.sample(batch, rng, idx, w);
          }
        });
    time(
        "PER learner step: sample 64, gather 48 agents' obs/act/nextObs, update η",
        1_000,
        ops -> {
          for (int i = 0; i < ops; i++) {
            per.sample(batch, rng, idx, w);
            for (int k = 0; k < agents; k++) {
              joint.agent(k).gather(0, idx, batch, obs[k]);
              joint.agent(k).gather(1, idx, batch, act[k]);
              joint.agent(k).gather(3, idx, batch, next[k]);
            }
            joint.agent(0).gather(2, idx, batch, rew);
            for (int j = 0; j < batch; j++) {
              err[j] = rng.nextDouble();
            }
            per.updatePriorities(idx, rew, err, batch, eta);
          }
        });

    // The same joint data in one buffer whose fields hold all agents side by side.
    ReplayBuffer wide =
        new ReplayBuffer(
            capacity,
            new Field("obs", agents * obsW),
            new Field("action", agents * 3),
            new Field("reward", agents),
            new Field("nextObs", agents * obsW));
    PrioritizedReplay perWide =
        new PrioritizedReplay(new PerConfig(1.0, 0.4, 100_000, 1e-3, capacity));
    double[][] wideRows = {
      new double[agents * obsW],
      new double[agents * 3],
      new double[agents],
      new double[agents * obsW]
    };
    for (int t = 0; t < capacity; t++) {
      perWide.add(wide, wideRows);
    }
    double[] obsAll = new double[batch * agents * obsW];
    double[] nextAll = new double[batch * agents * obsW];
    double[] actAll = new double[batch * agents * 3];
    double[] rewAll = new double[batch * agents];
    time(
        "same step, one buffer with 48-agent-wide fields",
        1_000,
        ops -> {
          for (int i = 0; i < ops; i++) {
            perWide.sample(batch, rng, idx, w);
            wide.gather(0, idx, batch, obsAll);
            wide.gather(1, idx, batch, actAll);
            wide.gather(3, idx, batch, nextAll);
            wide.gather(2, idx, batch, rewAll);
            for (int j = 0; j < batch; j++) {
              err[j] = rng.nextDouble();
              rew[j] = rewAll[j * agents];
            }
            perWide.updatePriorities(idx, rew, err, batch, eta);
          }
        });

    // PPO scale: T = 2048 steps × E = 8 environments.
    int steps = 2048;
    int envs = 8;
    int n = steps * envs;
    double[] r = new double[n];
    double[] v = new double[n];
    boolean[] term = new boolean[n];
    boolean[] trunc = new boolean[n];
    double[] fin = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = rng.nextDouble();
      v[i] = rng.nextDouble();
      term[i] = rng.nextInt(200) == 0;
      trunc[i] = rng.nextInt(200) == 0;
    }
    double[] last = new double[envs];
    double[] adv = new double[n];
    double[] ret = new double[n];
    time(
        "GAE over 2048 steps × 8 envs (whole rollout)",
        20,
        ops -> {
          for (int i = 0; i < ops; i++) {
            Gae.compute(steps, envs, r, v, term, trunc, fin, last, 0.99, 0.95, adv, ret);
            Gae.normalize(adv, 0, n, 1e-8);
          }
        });

    // A hybrid head like COLLAB's per-device action: 2 categorical heads (10 and 4) + 2-dim
    // Gaussian.
    HybridDistribution dist = new HybridDistribution(new HybridLayout(new int[] {10, 4}, 2));
    int rowsN = 64;
    double[] params = new double[rowsN * dist.paramWidth()];
    for (int i = 0; i < params.length; i++) {
      params[i] = rng.nextDouble(-1, 1);
    }
    double[] actions = new double[rowsN * dist.actionWidth()];
    double[] lp = new double[rowsN];
    double[] grad = new double[params.length];
    time(
        "hybrid (10, 4 | 2-dim Gaussian), 64 rows: sample, log-prob, both gradients",
        2_000,
        ops -> {
          for (int i = 0; i < ops; i++) {
            dist.samples(rowsN, params, null, rng, actions);
            dist.logProbs(rowsN, params, null, actions, lp);
            for (int k = 0; k < rowsN; k++) {
              int po = k * dist.paramWidth();
              dist.addLogProbGrad(params, po, null, 0, actions, k * 4, 1.0, grad, po);
              dist.addEntropyGrad(params, po, null, 0, 0.01, grad, po);
            }
          }
        });
  }
}
