package io.edgeoffload.rl.ppo;

import io.edgeoffload.core.Learner;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.core.space.Box;
import io.edgeoffload.nn.Activation;
import io.edgeoffload.nn.Losses;
import io.edgeoffload.nn.Mlp;
import io.edgeoffload.nn.MlpSpec;
import io.edgeoffload.nn.io.NetworkFile;
import io.edgeoffload.nn.optim.Adam;
import io.edgeoffload.nn.optim.AdamConfig;
import io.edgeoffload.rl.dist.HybridDistribution;
import io.edgeoffload.rl.dist.HybridLayout;
import io.edgeoffload.rl.rollout.GaeConfig;
import io.edgeoffload.rl.rollout.RolloutBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * PPO-clip (Schulman et al. 2017) with a hybrid action: K categorical heads (with optional masks)
 * and one diagonal Gaussian head, for one agent or many (shared or separate networks).
 *
 * <p>The policy network maps an agent's observation to the hybrid distribution's parameter row
 * without its log σ block ({@code [logits_1 … logits_K, μ]}); log σ is a state-independent vector
 * per policy network. The value network maps the observation to V(o). The environment's action row
 * is the distribution's action row: categorical indices as numbers, then the Gaussian part, which
 * the learner samples in normalised units and maps (clipped) onto the action box's bounds; the
 * unclipped sample is what the log-probability is computed on.
 *
 * <p>An update, in phases: <b>collect</b> {@code rolloutSteps} steps (explore/observe);
 * <b>advantages</b> by GAE (terminated steps not bootstrapped, truncated ones from their final
 * observation); <b>optimise</b> for {@code epochs} passes over shuffled minibatches the clipped
 * surrogate −min(ρA, clip(ρ, 1 ± ε)A) − c_H·H and the value loss c_V·(V − R)²; <b>anneal</b> the
 * step size.
 */
public final class Ppo implements Learner {

  private static final String KIND = "ppo";
  private static final int LAYOUT = 1;

  private final String id;
  private final PpoConfig cfg;
  private final int n;
  private final int obsDim;
  private final HybridLayout layout;
  private final HybridDistribution dist;
  private final int k;
  private final int d;
  private final int pw;
  private final int aw;
  private final int mw;
  private final int outW;
  private final float[] low;
  private final float[] high;
  private final boolean shared;
  private final GaeConfig gae;

  private final Mlp[] policies;
  private final Mlp[] values;
  private final Adam[] policyOpt;
  private final Adam[] valueOpt;
  private final float[][] logStd;
  private final float[][] logStdGrad;
  private final Adam[] logStdOpt;

  private final RolloutBuffer buffer;
  private final boolean[] masks;
  private final SplittableRandom rng;
  private MaskSource maskSource;

  private long steps;
  private long updates;

  // Step work space.
  private final double[] row;
  private final double[] actRow;
  private final boolean[] maskRow;
  private final double[] stepObs;
  private final double[] stepActions;
  private final double[] stepLogp;
  private final double[] stepValues;
  private final double[] stepRewards;
  private final boolean[] stepTerm;
  private final boolean[] stepTrunc;
  private final double[] stepFinal;
  private final double[] lastValues;
  private final boolean[] currentMasks;

  // Update work space.
  private final int[][] groupEntries;
  private final int[] perm;
  private final int[] mb;
  private final float[] xb;
  private final double[] xbD;
  private final double[] ab;
  private final double[] oldLp;
  private final double[] adv;
  private final double[] ret;
  private final boolean[] mbMasks;
  private final double[] pb;
  private final double[] gb;
  private final float[] dOut;
  private final float[] vTarget;
  private final float[] vGrad;
  private final double[] logStdGradD;

  /**
   * @param id the learner's id ({@code ppo}, {@code h-ppo}, {@code mahppo}, …)
   * @param agents number of agents
   * @param obsDim observation width of every agent
   * @param layout the hybrid action: categorical head sizes and the Gaussian's dimension
   * @param actionSpace the environment's action box; its dimensions K…K+d−1 bound the Gaussian part
   *     (the categorical dimensions are indices)
   */
  public Ppo(
      String id,
      PpoConfig cfg,
      int agents,
      int obsDim,
      HybridLayout layout,
      Box actionSpace,
      long seed) {
    this.id = id;
    this.cfg = cfg;
    this.n = agents;
    this.obsDim = obsDim;
    this.layout = layout;
    this.dist = new HybridDistribution(layout);
    this.k = layout.numCategorical();
    this.d = layout.gaussianDim();
    this.pw = layout.paramWidth();
    this.aw = layout.actionWidth();
    this.mw = layout.maskWidth();
    this.outW = pw - d;
    if (actionSpace.dim() != aw) {
      throw new IllegalArgumentException(
          "action space has "
              + actionSpace.dim()
              + " dimensions; the hybrid layout "
              + layout
              + " needs "
              + aw);
    }
    this.low = new float[d];
    this.high = new float[d];
    for (int j = 0; j < d; j++) {
      low[j] = actionSpace.low(k + j);
      high[j] = actionSpace.high(k + j);
      if (!Float.isFinite(low[j]) || !Float.isFinite(high[j]) || !(high[j] > low[j])) {
        throw new IllegalArgumentException(
            "continuous action "
                + j
                + " has bounds ["
                + low[j]
                + ", "
                + high[j]
                + "]; PPO needs finite bounds with high > low");
      }
    }
    this.shared = cfg.shareParameters();
    this.gae = new GaeConfig(cfg.gamma(), cfg.lambda(), cfg.normalizeAdvantages());
    this.rng = new SplittableRandom(seed);

    int nets = shared ? 1 : n;
    MlpSpec policySpec =
        MlpSpec.of(obsDim, cfg.policyHidden(), outW, Activation.TANH, Activation.IDENTITY)
            .withFinalLayerScale(0.01); // near-uniform initial categorical heads, μ ≈ 0
    MlpSpec valueSpec =
        MlpSpec.of(obsDim, cfg.valueHidden(), 1, Activation.TANH, Activation.IDENTITY);
    AdamConfig adam = new AdamConfig(cfg.learningRate(), 0.9, 0.999, 1e-5, cfg.maxGradNorm());
    policies = new Mlp[nets];
    values = new Mlp[nets];
    policyOpt = new Adam[nets];
    valueOpt = new Adam[nets];
    logStd = new float[nets][d];
    logStdGrad = new float[nets][d];
    logStdOpt = new Adam[nets];
    for (int g = 0; g < nets; g++) {
      policies[g] = new Mlp(policySpec, rng.nextLong());
      values[g] = new Mlp(valueSpec, rng.nextLong());
      policyOpt[g] = new Adam(adam, policies[g].params().length);
      valueOpt[g] = new Adam(adam, values[g].params().length);
      Arrays.fill(logStd[g], (float) cfg.initLogStd());
      logStdOpt[g] = new Adam(AdamConfig.of(cfg.learningRate()), Math.max(1, d));
    }

    buffer = new RolloutBuffer(cfg.rolloutSteps(), n, obsDim, aw);
    masks = new boolean[cfg.rolloutSteps() * n * Math.max(1, mw)];
    row = new double[pw];
    actRow = new double[aw];
    maskRow = new boolean[Math.max(1, mw)];
    stepObs = new double[n * obsDim];
    stepActions = new double[n * aw];
    stepLogp = new double[n];
    stepValues = new double[n];
    stepRewards = new double[n];
    stepTerm = new boolean[n];
    stepTrunc = new boolean[n];
    stepFinal = new double[n];
    lastValues = new double[n];
    currentMasks = new boolean[n * Math.max(1, mw)];

    groupEntries = new int[nets][];
    for (int g = 0; g < nets; g++) {
      int count = shared ? cfg.rolloutSteps() * n : cfg.rolloutSteps();
      groupEntries[g] = new int[count];
      int c = 0;
      for (int t = 0; t < cfg.rolloutSteps(); t++) {
        for (int i = 0; i < n; i++) {
          if (shared || i == g) {
            groupEntries[g][c++] = t * n + i;
          }
        }
      }
    }
    int groupSize = groupEntries[0].length;
    if (cfg.minibatches() > groupSize) {
      throw new IllegalArgumentException(
          "minibatches="
              + cfg.minibatches()
              + " exceeds the "
              + groupSize
              + " samples a network gets per rollout");
    }
    int mbSize = (groupSize + cfg.minibatches() - 1) / cfg.minibatches();
    perm = new int[groupSize];
    mb = new int[mbSize];
    xb = new float[mbSize * obsDim];
    xbD = new double[mbSize * obsDim];
    ab = new double[mbSize * aw];
    oldLp = new double[mbSize];
    adv = new double[mbSize];
    ret = new double[mbSize];
    mbMasks = new boolean[mbSize * Math.max(1, mw)];
    pb = new double[mbSize * pw];
    gb = new double[mbSize * pw];
    dOut = new float[mbSize * outW];
    vTarget = new float[mbSize];
    vGrad = new float[mbSize];
    logStdGradD = new double[Math.max(1, d)];
  }

  /** Sets where action masks come from (null: every action allowed). */
  public void setMaskSource(MaskSource source) {
    if (source != null && mw == 0) {
      throw new IllegalArgumentException("the hybrid layout has no categorical head to mask");
    }
    this.maskSource = source;
  }

  @Override
  public String id() {
    return id;
  }

  public PpoConfig config() {
    return cfg;
  }

  @Override
  public long steps() {
    return steps;
  }

  /** Updates (rollouts optimised) so far. */
  public long updates() {
    return updates;
  }

  /** Agent {@code i}'s policy network. */
  public Mlp policy(int i) {
    return policies[shared ? 0 : i];
  }

  /** Agent {@code i}'s value network. */
  public Mlp value(int i) {
    return values[shared ? 0 : i];
  }

  /** Agent {@code i}'s log σ vector (a copy). */
  public float[] logStd(int i) {
    return logStd[shared ? 0 : i].clone();
  }

  private int net(int i) {
    return shared ? 0 : i;
  }

  /** Fills {@link #row} with agent i's distribution parameters for {@code obs}. */
  private void params(int i, float[] obs) {
    float[] out = policy(i).forward(obs, 0, 1);
    for (int j = 0; j < outW; j++) {
      row[j] = out[j];
    }
    float[] ls = logStd[net(i)];
    for (int j = 0; j < d; j++) {
      row[outW + j] = ls[j];
    }
  }

  private boolean[] mask(int i) {
    if (maskSource == null) {
      return null;
    }
    maskSource.mask(i, maskRow, 0);
    return maskRow;
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    for (int i = 0; i < n; i++) {
      params(i, observations[i]);
      dist.mode(row, 0, mask(i), 0, actRow, 0);
      toEnv(actRow, 0, actions[i]);
    }
  }

  @Override
  public void explore(float[][] observations, float[][] actions) {
    for (int i = 0; i < n; i++) {
      params(i, observations[i]);
      boolean[] m = mask(i);
      if (m != null) {
        System.arraycopy(m, 0, currentMasks, i * mw, mw);
      }
      dist.sample(row, 0, m, 0, rng, stepActions, i * aw);
      stepLogp[i] = dist.logProb(row, 0, m, 0, stepActions, i * aw);
      stepValues[i] = value(i).forward(observations[i], 0, 1)[0];
      toEnv(stepActions, i * aw, actions[i]);
    }
  }

  private void toEnv(double[] a, int off, float[] out) {
    for (int j = 0; j < k; j++) {
      out[j] = (float) a[off + j];
    }
    for (int j = 0; j < d; j++) {
      double u = Math.max(-1, Math.min(1, a[off + k + j]));
      out[k + j] = (float) (low[j] + (u + 1) * 0.5 * (high[j] - low[j]));
    }
  }

  @Override
  public void observe(float[][] observations, float[][] actions, StepResult result) {
    float[][] next = result.observations();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < obsDim; j++) {
        stepObs[i * obsDim + j] = observations[i][j];
      }
      stepRewards[i] = result.rewards()[i];
      stepTerm[i] = result.terminated()[i];
      stepTrunc[i] = result.truncated()[i];
      boolean cut = stepTrunc[i] && !stepTerm[i];
      // V of the observation after this step: the bootstrap of a truncated step, and of the
      // rollout's last step when the episode goes on.
      double v = value(i).forward(next[i], 0, 1)[0];
      stepFinal[i] = cut ? v : 0;
      lastValues[i] = v;
    }
    int t =
        buffer.add(
            stepObs,
            stepActions,
            stepLogp,
            stepValues,
            stepRewards,
            stepTerm,
            stepTrunc,
            stepFinal);
    if (mw > 0 && maskSource != null) {
      System.arraycopy(currentMasks, 0, masks, t * n * mw, n * mw);
    }
    steps++;
  }

  @Override
  public int update(MetricsSink sink) {
    if (!buffer.full()) {
      return 0;
    }
    buffer.computeAdvantages(lastValues, gae);
    if (cfg.annealLearningRate()) {
      double frac = Math.max(1e-3, 1.0 - (double) steps / cfg.totalSteps());
      for (int g = 0; g < policies.length; g++) {
        policyOpt[g].setLearningRate(cfg.learningRate() * frac);
        valueOpt[g].setLearningRate(cfg.learningRate() * frac);
        logStdOpt[g].setLearningRate(cfg.learningRate() * frac);
      }
    }
    double[] stats = new double[5]; // policy loss, value loss, entropy, approx KL, clip fraction
    int minibatchesDone = 0;
    boolean stop = false;
    for (int epoch = 0; epoch < cfg.epochs() && !stop; epoch++) {
      double klEpoch = 0;
      int mbEpoch = 0;
      for (int g = 0; g < policies.length; g++) {
        int[] entries = groupEntries[g];
        shuffle(entries);
        int size = entries.length;
        int mbSize = mb.length;
        for (int start = 0; start < size; start += mbSize) {
          int m = Math.min(mbSize, size - start);
          System.arraycopy(perm, start, mb, 0, m);
          double[] s = minibatch(g, m);
          for (int j = 0; j < stats.length; j++) {
            stats[j] += s[j];
          }
          klEpoch += s[3];
          mbEpoch++;
          minibatchesDone++;
        }
      }
      if (cfg.targetKl() > 0 && klEpoch / mbEpoch > cfg.targetKl()) {
        stop = true;
      }
    }
    buffer.reset();
    updates++;
    String[] keys = {
      "losses/policy", "losses/value", "losses/entropy", "losses/approx_kl", "losses/clip_fraction"
    };
    for (int j = 0; j < keys.length; j++) {
      sink.scalar(keys[j], updates, stats[j] / minibatchesDone);
    }
    sink.scalar("charts/learning_rate", updates, policyOpt[0].learningRate());
    return minibatchesDone;
  }

  private void shuffle(int[] entries) {
    System.arraycopy(entries, 0, perm, 0, entries.length);
    for (int i = entries.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = perm[i];
      perm[i] = perm[j];
      perm[j] = tmp;
    }
  }

  /** One minibatch of entries {@code mb[0..m)} for network group {@code g}. */
  private double[] minibatch(int g, int m) {
    buffer.gather(buffer.observations(), obsDim, mb, m, xbD);
    for (int j = 0; j < m * obsDim; j++) {
      xb[j] = (float) xbD[j];
    }
    buffer.gather(buffer.actions(), aw, mb, m, ab);
    buffer.gather(buffer.logProbs(), 1, mb, m, oldLp);
    buffer.gather(buffer.advantages(), 1, mb, m, adv);
    buffer.gather(buffer.returns(), 1, mb, m, ret);
    boolean useMasks = mw > 0 && maskSource != null;
    if (useMasks) {
      for (int b = 0; b < m; b++) {
        System.arraycopy(masks, mb[b] * mw, mbMasks, b * mw, mw);
      }
    }
    boolean[] mk = useMasks ? mbMasks : null;

    // --- policy: clipped surrogate and entropy bonus
    Mlp policy = policies[g];
    float[] out = policy.forward(xb, m);
    float[] ls = logStd[g];
    for (int b = 0; b < m; b++) {
      for (int j = 0; j < outW; j++) {
        pb[b * pw + j] = out[b * outW + j];
      }
      for (int j = 0; j < d; j++) {
        pb[b * pw + outW + j] = ls[j];
      }
    }
    Arrays.fill(gb, 0, m * pw, 0.0);
    double eps = cfg.clip();
    double policyLoss = 0;
    double entropy = 0;
    double kl = 0;
    double clipped = 0;
    for (int b = 0; b < m; b++) {
      int mo = b * mw;
      double lp = dist.logProb(pb, b * pw, mk, mo, ab, b * aw);
      double logRatio = lp - oldLp[b];
      double ratio = Math.exp(logRatio);
      double a = adv[b];
      double unclipped = ratio * a;
      double clippedObj = Math.max(1 - eps, Math.min(1 + eps, ratio)) * a;
      policyLoss += -Math.min(unclipped, clippedObj);
      // The gradient flows through the unclipped term only when it is the smaller one.
      if (unclipped <= clippedObj) {
        dist.addLogProbGrad(pb, b * pw, mk, mo, ab, b * aw, -a * ratio / m, gb, b * pw);
      } else {
        clipped++;
      }
      if (cfg.entropyCoef() > 0) {
        dist.addEntropyGrad(pb, b * pw, mk, mo, -cfg.entropyCoef() / m, gb, b * pw);
      }
      entropy += dist.entropy(pb, b * pw, mk, mo);
      kl += (ratio - 1) - logRatio; // the low-variance KL estimator (Schulman's k3)
    }
    for (int b = 0; b < m; b++) {
      for (int j = 0; j < outW; j++) {
        dOut[b * outW + j] = (float) gb[b * pw + j];
      }
    }
    policy.zeroGrad();
    policy.backward(dOut, m, false);
    policyOpt[g].step(policy.params(), policy.grads());
    if (d > 0) {
      Arrays.fill(logStdGradD, 0);
      dist.gaussian().sumLogStdGrad(m, gb, pw, layout.gaussianParamOffset(), logStdGradD);
      for (int j = 0; j < d; j++) {
        logStdGrad[g][j] = (float) logStdGradD[j];
      }
      logStdOpt[g].step(ls, logStdGrad[g]);
    }

    // --- value: c_V · mean (V − R)²
    Mlp value = values[g];
    float[] v = value.forward(xb, m);
    for (int b = 0; b < m; b++) {
      vTarget[b] = (float) ret[b];
    }
    double valueLoss = Losses.mse(v, vTarget, null, m, vGrad);
    float cv = (float) cfg.valueCoef();
    for (int b = 0; b < m; b++) {
      vGrad[b] *= cv;
    }
    value.zeroGrad();
    value.backward(vGrad, m, false);
    valueOpt[g].step(value.params(), value.grads());

    return new double[] {policyLoss / m, valueLoss, entropy / m, kl / m, clipped / m};
  }

  @Override
  public void save(Path file) throws IOException {
    NetworkFile.save(
        file,
        KIND,
        LAYOUT,
        out -> {
          out.writeInt(n);
          out.writeInt(obsDim);
          out.writeUTF(layout.toString());
          out.writeBoolean(shared);
          out.writeLong(steps);
          out.writeLong(updates);
          for (int g = 0; g < policies.length; g++) {
            NetworkFile.writeMlp(out, policies[g]);
            NetworkFile.writeMlp(out, values[g]);
            for (int j = 0; j < d; j++) {
              out.writeFloat(logStd[g][j]);
            }
            policyOpt[g].writeState(out);
            valueOpt[g].writeState(out);
            logStdOpt[g].writeState(out);
          }
        });
  }

  @Override
  public void load(Path file) throws IOException {
    NetworkFile.load(
        file,
        KIND,
        (in, version) -> {
          if (version != LAYOUT) {
            throw new IOException(file + ": ppo layout " + version + ", this build reads 1");
          }
          int fn = in.readInt();
          int fo = in.readInt();
          String fl = in.readUTF();
          boolean fs = in.readBoolean();
          if (fn != n || fo != obsDim || !fl.equals(layout.toString()) || fs != shared) {
            throw new IOException(
                String.format(
                    "%s: saved for %d agents, obs %d, actions %s, sharing %s; this learner has"
                        + " %d, %d, %s, %s",
                    file, fn, fo, fl, fs, n, obsDim, layout, shared));
          }
          long s = in.readLong();
          long u = in.readLong();
          int nets = policies.length;
          Mlp[] p = new Mlp[nets];
          Mlp[] v = new Mlp[nets];
          float[][] ls = new float[nets][d];
          Adam[] po = new Adam[nets];
          Adam[] vo = new Adam[nets];
          Adam[] lo = new Adam[nets];
          for (int g = 0; g < nets; g++) {
            p[g] = NetworkFile.readMlp(in, policies[g].ops());
            v[g] = NetworkFile.readMlp(in, values[g].ops());
            if (!p[g].spec().equals(policies[g].spec()) || !v[g].spec().equals(values[g].spec())) {
              throw new IOException(file + ": saved networks do not match this learner's");
            }
            for (int j = 0; j < d; j++) {
              ls[g][j] = in.readFloat();
            }
            po[g] = new Adam(policyOpt[g].config(), p[g].params().length);
            po[g].readState(in);
            vo[g] = new Adam(valueOpt[g].config(), v[g].params().length);
            vo[g].readState(in);
            lo[g] = new Adam(logStdOpt[g].config(), Math.max(1, d));
            lo[g].readState(in);
          }
          // Everything read: apply.
          for (int g = 0; g < nets; g++) {
            policies[g].copyFrom(p[g]);
            values[g].copyFrom(v[g]);
            System.arraycopy(ls[g], 0, logStd[g], 0, d);
            policyOpt[g] = po[g];
            valueOpt[g] = vo[g];
            logStdOpt[g] = lo[g];
          }
          steps = s;
          updates = u;
          buffer.reset();
          return null;
        });
  }
}
