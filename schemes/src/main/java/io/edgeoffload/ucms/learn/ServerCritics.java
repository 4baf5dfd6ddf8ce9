package io.edgeoffload.ucms.learn;

import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.nn.Activation;
import io.edgeoffload.nn.Losses;
import io.edgeoffload.nn.Mlp;
import io.edgeoffload.nn.MlpSpec;
import io.edgeoffload.nn.io.NetworkFile;
import io.edgeoffload.nn.optim.Adam;
import io.edgeoffload.nn.optim.AdamConfig;
import io.edgeoffload.rl.maddpg.Maddpg;
import io.edgeoffload.rl.maddpg.MaddpgConfig;
import io.edgeoffload.rl.replay.ReplayBuffer;
import io.edgeoffload.ucms.UcmsEnv;
import io.edgeoffload.ucms.approval.ApprovalStrategy;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The ESs' Q networks of UCMS_MADDPG (Sec. 4.3.2, eqs. 31–33) and the approval they make
 * (MODEL-NOTES UCMS 3).
 *
 * <p><b>What each critic learns.</b> Q_m(S, A) takes every UD's observation and its <em>executed
 * </em> action: x = +1 when its task ran on an ES, −1 when it ran locally (approved or not), with
 * its f and p. Its reward is the mean reward of the UDs paired with ES m in that slot. The target
 * is y = R_m + γ·Q'_m(S', A') with A' the target actors' actions, x thresholded at the request
 * threshold (eq. 32), and the loss is the learner's weighted mean square error (eq. 33: η-weighted
 * for UCMS_MADDPG).
 *
 * <p><b>How it approves.</b> For each UD that asks ES m to run its task, the score is the advantage
 * Q_m(S, A with x_n = +1) − Q_m(S, A with x_n = −1), the other UDs' x at their requests. The ES
 * approves in descending advantage while its subchannels and storage allow (the environment's
 * first-fit), and never a request whose advantage is not positive.
 */
public final class ServerCritics implements Maddpg.Extension, ApprovalStrategy {

  private final MaddpgConfig cfg;
  private final Maddpg core;
  private final int n;
  private final int m;
  private final int obsDim;
  private final int act = UcmsEnv.ACTION_DIM;
  private final int width;
  private final Mlp[] critics;
  private final Mlp[] targets;
  private final Adam[] opt;
  private final ReplayBuffer store;
  private final Supplier<float[][]> currentObs;
  private final Supplier<double[]> currentU;
  private final Supplier<int[]> assigned;
  private final IntPredicate offloaded;

  private final double[][] row;
  private final double[] bX;
  private final double[] bR;
  private final int batch;
  private final float[] x;
  private final float[] xNext;
  private final float[] y;
  private final float[] grad;
  private float[] scoreIn = new float[0];

  ServerCritics(
      MaddpgConfig cfg,
      Maddpg core,
      int servers,
      int obsDim,
      long seed,
      Supplier<float[][]> currentObs,
      Supplier<double[]> currentU,
      Supplier<int[]> assigned,
      IntPredicate offloaded) {
    this.cfg = cfg;
    this.core = core;
    this.n = core.agents();
    this.m = servers;
    this.obsDim = obsDim;
    this.width = n * (obsDim + act);
    this.currentObs = currentObs;
    this.currentU = currentU;
    this.assigned = assigned;
    this.offloaded = offloaded;
    SplittableRandom rng = new SplittableRandom(seed);
    MlpSpec spec = MlpSpec.of(width, cfg.criticHidden(), 1, Activation.RELU, Activation.IDENTITY);
    critics = new Mlp[m];
    targets = new Mlp[m];
    opt = new Adam[m];
    AdamConfig adam = AdamConfig.of(cfg.criticLr()).withMaxGradNorm(cfg.maxGradNorm());
    for (int s = 0; s < m; s++) {
      critics[s] = new Mlp(spec, rng.nextLong());
      targets[s] = critics[s].copy();
      opt[s] = new Adam(adam, critics[s].params().length);
    }
    store =
        new ReplayBuffer(
            cfg.bufferCapacity(),
            new ReplayBuffer.Field("executedX", n),
            new ReplayBuffer.Field("serverReward", m));
    row = new double[][] {new double[n], new double[m]};
    batch = cfg.batchSize();
    bX = new double[batch * n];
    bR = new double[batch * m];
    x = new float[batch * width];
    xNext = new float[batch * width];
    y = new float[batch];
    grad = new float[batch];
  }

  /** ES {@code s}'s critic. */
  public Mlp critic(int s) {
    return critics[s];
  }

  // ---------------------------------------------------------------- storage and training

  @Override
  public void stored(int slot, float[][] observations, float[][] actions, StepResult result) {
    int[] pair = assigned.get();
    double[] sum = row[1];
    java.util.Arrays.fill(sum, 0);
    int[] count = new int[m];
    for (int u = 0; u < n; u++) {
      row[0][u] = offloaded.test(u) ? 1 : -1;
      int s = pair[u];
      if (s >= 0) {
        sum[s] += result.rewards()[u] * cfg.rewardScale();
        count[s]++;
      }
    }
    for (int s = 0; s < m; s++) {
      sum[s] = count[s] > 0 ? sum[s] / count[s] : 0;
    }
    int written = store.add(row);
    if (written != slot) {
      throw new IllegalStateException(
          "server critics stored slot " + written + " beside the learner's " + slot);
    }
  }

  @Override
  public void train(int[] idx, int b, float[] lossWeights, MetricsSink sink, long update) {
    store.gather(0, idx, b, bX);
    store.gather(1, idx, b, bR);
    double[] obs = core.batchObs();
    double[] next = core.batchNext();
    double[] acts = core.batchActions();
    double[] term = core.batchTerminated();
    for (int r = 0; r < b; r++) {
      int base = r * width;
      for (int u = 0; u < n; u++) {
        for (int k = 0; k < obsDim; k++) {
          x[base + u * obsDim + k] = (float) obs[(r * n + u) * obsDim + k];
          xNext[base + u * obsDim + k] = (float) next[(r * n + u) * obsDim + k];
        }
        int a = base + n * obsDim + u * act;
        x[a] = (float) bX[r * n + u]; // executed: on an ES or not
        x[a + 1] = (float) acts[(r * n + u) * act + 1];
        x[a + 2] = (float) acts[(r * n + u) * act + 2];
        float[] tu = core.targetActions(u);
        xNext[a] = requestFlag(tu[r * act]);
        xNext[a + 1] = tu[r * act + 1];
        xNext[a + 2] = tu[r * act + 2];
      }
    }
    double loss = 0;
    for (int s = 0; s < m; s++) {
      float[] qNext = targets[s].forward(xNext, b);
      for (int r = 0; r < b; r++) {
        double notDone = 1.0 - term[r * n];
        y[r] = (float) (bR[r * m + s] + cfg.gamma() * notDone * qNext[r]); // UCMS eq. (32)
      }
      Mlp q = critics[s];
      q.zeroGrad();
      float[] out = q.forward(x, b);
      loss += Losses.mse(out, y, lossWeights, b, grad); // UCMS eq. (33)
      q.backward(grad, b, false);
      opt[s].step(q.params(), q.grads());
      targets[s].softUpdateFrom(q, cfg.tau());
    }
    sink.scalar("losses/server_critic", update, loss / m);
  }

  /** A request in the learner's units: x ≥ 0.5 in [0, 1] is u ≥ 0 in [−1, 1] (eq. 21). */
  private static float requestFlag(double u) {
    return u >= 0 ? 1f : -1f;
  }

  // ---------------------------------------------------------------- approval

  @Override
  public String id() {
    return "server-critic";
  }

  @Override
  public void score(Requests requests, int server, int[] ids, int count, double[] scores) {
    if (count == 0) {
      return;
    }
    int rows = 2 * count;
    if (scoreIn.length < rows * width) {
      scoreIn = new float[rows * width];
    }
    float[][] obs = currentObs.get();
    double[] u = currentU.get();
    for (int r = 0; r < rows; r++) {
      int base = r * width;
      for (int j = 0; j < n; j++) {
        System.arraycopy(obs[j], 0, scoreIn, base + j * obsDim, obsDim);
        int a = base + n * obsDim + j * act;
        scoreIn[a] = requestFlag(u[j * act]);
        scoreIn[a + 1] = (float) u[j * act + 1];
        scoreIn[a + 2] = (float) u[j * act + 2];
      }
      int applicant = ids[r / 2];
      scoreIn[base + n * obsDim + applicant * act] = (r % 2 == 0) ? 1f : -1f;
    }
    float[] q = critics[server].forward(scoreIn, rows);
    for (int i = 0; i < count; i++) {
      double advantage = q[2 * i] - q[2 * i + 1];
      // Lower scores are approved first; a request that does not pay is refused outright.
      scores[i] = advantage > 0 ? -advantage : Double.POSITIVE_INFINITY;
    }
  }

  // ---------------------------------------------------------------- checkpoints

  @Override
  public String describe() {
    return "server-critics:" + m + "x" + critics[0].spec().describe();
  }

  @Override
  public void writeState(DataOutput out) throws IOException {
    out.writeInt(m);
    for (int s = 0; s < m; s++) {
      NetworkFile.writeMlp(out, critics[s]);
      NetworkFile.writeMlp(out, targets[s]);
      opt[s].writeState(out);
    }
    store.writeState(out);
  }

  @Override
  public void readState(DataInput in) throws IOException {
    readCount(in);
    for (int s = 0; s < m; s++) {
      NetworkFile.readMlpInto(in, critics[s]);
      NetworkFile.readMlpInto(in, targets[s]);
      opt[s].readState(in);
    }
    store.readState(in);
  }

  /** Reads the critic count a checkpoint or policy starts with; it must be this learner's. */
  private void readCount(DataInput in) throws IOException {
    int saved = in.readInt();
    if (saved != m) {
      throw new IOException("saved " + saved + " server critics, this learner has " + m);
    }
  }

  /** The critics alone: approving reads nothing else ({@link #score}). */
  @Override
  public void writePolicy(DataOutput out) throws IOException {
    out.writeInt(m);
    for (int s = 0; s < m; s++) {
      NetworkFile.writeMlp(out, critics[s]);
    }
  }

  @Override
  public void readPolicy(DataInput in) throws IOException {
    readCount(in);
    for (int s = 0; s < m; s++) {
      NetworkFile.readMlpInto(in, critics[s]);
    }
  }
}
