package io.edgeoffload.rl.maddpg;

import io.edgeoffload.core.Learner;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.core.space.Box;
import io.edgeoffload.nn.Activation;
import io.edgeoffload.nn.Losses;
import io.edgeoffload.nn.Mlp;
import io.edgeoffload.nn.MlpSpec;
import io.edgeoffload.nn.Parallel;
import io.edgeoffload.nn.io.NetworkFile;
import io.edgeoffload.nn.optim.Adam;
import io.edgeoffload.nn.optim.AdamConfig;
import io.edgeoffload.rl.replay.PerConfig;
import io.edgeoffload.rl.replay.PrioritizedReplay;
import io.edgeoffload.rl.replay.PriorityFunction;
import io.edgeoffload.rl.replay.ReplayBuffer;
import io.edgeoffload.rl.replay.RewardTdErrorPriority;
import io.edgeoffload.rl.replay.TdErrorPriority;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * MADDPG (Lowe et al. 2017): decentralised deterministic actors μ_i(o_i), centralised critics
 * Q_i(o_1…o_N, a_1…a_N) trained on time-aligned joint transitions (one index set sampled for all
 * agents), target networks with soft updates. With one agent it is DDPG (Lillicrap et al. 2016):
 * {@link #ddpg}.
 *
 * <p>One gradient step, in phases:
 *
 * <ol>
 *   <li><b>sample</b> one batch of joint transitions (uniformly or by priority);
 *   <li><b>targets</b> a'_j = μ'_j(o'_j) for every agent, then y_i = r_i + γ(1 − d_i)·Q'_i(o', a');
 *   <li><b>critics</b> minimise the (importance-weighted) mean of (Q_i(o, a) − y_i)²;
 *   <li><b>actors</b> ascend Q_i(o, a_1…μ_i(o_i)…a_N) (other agents' actions from the batch), the
 *       gradient ∂Q_i/∂a_i flowing from the critic's input into the actor;
 *   <li><b>targets</b> θ' ← τθ + (1 − τ)θ'; new priorities from |δ| (and r) when prioritised.
 * </ol>
 *
 * <p>Actions are learned in [−1, 1] (tanh) and mapped onto each agent's action box at the
 * environment's edge. With parameter sharing, one actor and one critic serve every agent, and the
 * critic sees the agent's own observation and action first, so it can tell whose value it is. A
 * terminated step is not bootstrapped; a truncated one is, from its final observation.
 */
public final class Maddpg implements Learner {

  private static final String KIND = "maddpg";
  private static final int LAYOUT = 1;

  /** The kind of a {@link #savePolicy policy file}: what acting needs, nothing to train with. */
  static final String POLICY_KIND = "maddpg-policy";

  private static final int POLICY_LAYOUT = 1;

  private final String id;
  private final MaddpgConfig cfg;
  private final int n;
  private final int obsDim;
  private final int actDim;
  private final float[] low;
  private final float[] high;
  private final boolean shared;

  private final Mlp[] actors;
  private final Mlp[] actorTargets;
  private final Mlp[] critics;
  private final Mlp[] criticTargets;
  private final Adam[] actorOpt;
  private final Adam[] criticOpt;

  private final ReplayBuffer replay;
  private final int fObs;
  private final int fAct;
  private final int fRew;
  private final int fNext;
  private final int fTerm;
  private final PrioritizedReplay per;
  private final PriorityFunction priority;
  private SplittableRandom rng;
  private Extension extension;

  private long steps;
  private long updates;
  private double noise;

  /**
   * Set by loading a policy file: the critics, targets, optimisers and replay are not the trained
   * ones, so training and checkpoints are refused (a full checkpoint loaded later clears it).
   */
  private boolean actOnly;

  private double lastActorQ = Double.NaN;

  // Batch work space, allocated once.
  private final int batch;
  private final int criticWidth;
  private final int[] idx;
  private final double[] weights;
  private final double[] bObs;
  private final double[] bAct;
  private final double[] bRew;
  private final double[] bNext;
  private final double[] bTerm;
  private final float[] fWeights;
  private final float[] x;
  private final float[] xNext;
  private final float[] xActor;
  private final float[][] targetU;
  private final float[] obsBatch;
  private final float[] y;
  private final float[] lossGrad;
  private final float[] dQ;
  private final float[] dU;
  private final double[] tdAbs;
  private final double[] rewMean;
  private final double[] priorities;
  private final double[][] row;
  // Per-agent scratch for the parallel path (independent critics and actors): each agent's task
  // writes only its own slots, which are reduced afterwards in agent order.
  private Parallel parallel = Parallel.common();
  private float[][] agentObs;
  private float[][] agentX;
  private float[][] agentY;
  private float[][] agentGrad;
  private float[][] agentDu;
  private double[][] agentTd;
  private double[][] agentQ;
  private double[] agentLoss;

  /**
   * @param id the learner's id ({@code maddpg}, {@code ddpg}, or a scheme's own name)
   * @param agents number of agents N
   * @param obsDim observation width of every agent
   * @param actionSpace every agent's action box (finite bounds)
   * @param seed seeds the networks, the exploration and the replay sampling
   */
  public Maddpg(String id, MaddpgConfig cfg, int agents, int obsDim, Box actionSpace, long seed) {
    if (agents < 1 || obsDim < 1) {
      throw new IllegalArgumentException("agents=" + agents + ", obsDim=" + obsDim + ": need ≥ 1");
    }
    this.id = id;
    this.cfg = cfg;
    this.n = agents;
    this.obsDim = obsDim;
    this.actDim = actionSpace.dim();
    this.low = new float[actDim];
    this.high = new float[actDim];
    for (int k = 0; k < actDim; k++) {
      low[k] = actionSpace.low(k);
      high[k] = actionSpace.high(k);
      if (!Float.isFinite(low[k]) || !Float.isFinite(high[k]) || !(high[k] > low[k])) {
        throw new IllegalArgumentException(
            "action dimension "
                + k
                + " has bounds ["
                + low[k]
                + ", "
                + high[k]
                + "]; MADDPG needs finite bounds with high > low");
      }
    }
    this.shared = cfg.parameterSharing();
    this.rng = new SplittableRandom(seed);
    this.noise = cfg.noiseStd();

    // The actor's last layer starts uniform in ±3e-3 (Lillicrap et al. 2016, Sec. 7), so that
    // initial actions sit near the middle of the box: the default bound is 1/√fan-in.
    int[] ah = cfg.actorHidden();
    double lastFanIn = ah.length == 0 ? obsDim : ah[ah.length - 1];
    MlpSpec actorSpec =
        MlpSpec.of(obsDim, ah, actDim, Activation.RELU, Activation.TANH)
            .withFinalLayerScale(3e-3 * Math.sqrt(lastFanIn));
    this.criticWidth = n * (obsDim + actDim);
    MlpSpec criticSpec =
        MlpSpec.of(criticWidth, cfg.criticHidden(), 1, Activation.RELU, Activation.IDENTITY);
    int nets = shared ? 1 : n;
    Mlp[] a = new Mlp[nets];
    Mlp[] at = new Mlp[nets];
    Mlp[] c = new Mlp[nets];
    Mlp[] ct = new Mlp[nets];
    Adam[] ao = new Adam[nets];
    Adam[] co = new Adam[nets];
    AdamConfig actorAdam = AdamConfig.of(cfg.actorLr()).withMaxGradNorm(cfg.maxGradNorm());
    AdamConfig criticAdam = AdamConfig.of(cfg.criticLr()).withMaxGradNorm(cfg.maxGradNorm());
    for (int k = 0; k < nets; k++) {
      a[k] = new Mlp(actorSpec, rng.nextLong());
      at[k] = a[k].copy();
      c[k] = new Mlp(criticSpec, rng.nextLong());
      ct[k] = c[k].copy();
      ao[k] = new Adam(actorAdam, a[k].params().length);
      co[k] = new Adam(criticAdam, c[k].params().length);
    }
    this.actors = a;
    this.actorTargets = at;
    this.critics = c;
    this.criticTargets = ct;
    this.actorOpt = ao;
    this.criticOpt = co;

    this.replay =
        new ReplayBuffer(
            cfg.bufferCapacity(),
            new ReplayBuffer.Field("obs", n * obsDim),
            new ReplayBuffer.Field("act", n * actDim),
            new ReplayBuffer.Field("rew", n),
            new ReplayBuffer.Field("next", n * obsDim),
            new ReplayBuffer.Field("term", n));
    this.fObs = replay.field("obs");
    this.fAct = replay.field("act");
    this.fRew = replay.field("rew");
    this.fNext = replay.field("next");
    this.fTerm = replay.field("term");
    if (cfg.replay().equals("uniform")) {
      this.per = null;
      this.priority = null;
    } else {
      this.per =
          new PrioritizedReplay(
              new PerConfig(
                  cfg.perAlpha(),
                  cfg.perBeta0(),
                  cfg.perBetaSteps(),
                  cfg.perEpsilon(),
                  cfg.bufferCapacity()));
      this.priority =
          cfg.replay().equals("td")
              ? new TdErrorPriority(cfg.perEpsilon())
              : new RewardTdErrorPriority(cfg.rewardWeight(), cfg.perEpsilon());
    }

    this.batch = cfg.batchSize();
    this.idx = new int[batch];
    this.weights = new double[batch];
    this.bObs = new double[batch * n * obsDim];
    this.bAct = new double[batch * n * actDim];
    this.bRew = new double[batch * n];
    this.bNext = new double[batch * n * obsDim];
    this.bTerm = new double[batch * n];
    this.fWeights = new float[batch];
    this.x = new float[batch * criticWidth];
    this.xNext = new float[batch * criticWidth];
    this.xActor = new float[batch * criticWidth];
    this.targetU = new float[n][batch * actDim];
    this.obsBatch = new float[batch * obsDim];
    this.y = new float[batch];
    this.lossGrad = new float[batch];
    this.dQ = new float[batch];
    this.dU = new float[batch * actDim];
    this.tdAbs = new double[batch];
    this.rewMean = new double[batch];
    this.priorities = new double[batch];
    this.row =
        new double[][] {
          new double[n * obsDim],
          new double[n * actDim],
          new double[n],
          new double[n * obsDim],
          new double[n]
        };
  }

  /** DDPG: the one-agent case, whose critic sees the agent's own observation and action. */
  public static Maddpg ddpg(MaddpgConfig cfg, int obsDim, Box actionSpace, long seed) {
    return new Maddpg("ddpg", cfg, 1, obsDim, actionSpace, seed);
  }

  /**
   * The pool the agents' critic and actor steps run on ({@link Parallel#common()} by default;
   * parameter sharing always runs on the calling thread). Results are the same to the bit whatever
   * the pool.
   */
  public void setParallel(Parallel parallel) {
    this.parallel = java.util.Objects.requireNonNull(parallel, "parallel");
  }

  @Override
  public String id() {
    return id;
  }

  /**
   * Reseeds the learner's random stream (exploration noise, replay sampling). The lab's trainer
   * calls it at every episode start with a seed derived from the run's root seed and the episode
   * index, so a run resumed from a checkpoint continues exactly as an uninterrupted one.
   */
  @Override
  public void reset(long seed) {
    rng = new SplittableRandom(seed);
  }

  /**
   * Something trained beside the agents' critics on the same samples, such as the UCMS servers'
   * critics: it stores its own view of every transition (in the same slots) and takes a step on
   * every index set the learner samples.
   */
  public interface Extension {
    /** Stores this step's view; {@code slot} is the replay slot the learner just wrote. */
    void stored(int slot, float[][] observations, float[][] actions, StepResult result);

    /**
     * One gradient step on the sampled slots {@code idx[0..batch)}, with the learner's loss weights
     * ({@code null}: equal) and its batch views ({@link #batchObs}, {@link #batchNext}, {@link
     * #targetActions}) filled for these slots.
     */
    void train(int[] idx, int batch, float[] lossWeights, MetricsSink sink, long update);

    /** A description of the extension's architecture, checked when a checkpoint is loaded. */
    String describe();

    /** Writes the extension's state into a checkpoint. */
    void writeState(java.io.DataOutput out) throws IOException;

    /** Reads what {@link #writeState} wrote. */
    void readState(java.io.DataInput in) throws IOException;

    /** Writes what acting needs into a policy file; by default the whole state. */
    default void writePolicy(java.io.DataOutput out) throws IOException {
      writeState(out);
    }

    /** Reads what {@link #writePolicy} wrote. */
    default void readPolicy(java.io.DataInput in) throws IOException {
      readState(in);
    }
  }

  /** Attaches an extension (before training starts). */
  public void setExtension(Extension extension) {
    this.extension = extension;
  }

  /** The sampled batch's observations, batch × (N·obsDim), valid during {@link Extension#train}. */
  public double[] batchObs() {
    return bObs;
  }

  /** The sampled batch's actions, batch × (N·actDim), normalised to [−1, 1]. */
  public double[] batchActions() {
    return bAct;
  }

  /** The sampled batch's next observations, batch × (N·obsDim). */
  public double[] batchNext() {
    return bNext;
  }

  /** The sampled batch's terminated flags, batch × N (1 = terminated). */
  public double[] batchTerminated() {
    return bTerm;
  }

  /** Target actors' actions μ'_j(o'_j) for agent j, batch × actDim, normalised to [−1, 1]. */
  public float[] targetActions(int j) {
    return targetU[j];
  }

  /** The replay priority function, or null under uniform replay. */
  public PriorityFunction priorityFunction() {
    return priority;
  }

  /** Number of agents. */
  public int agents() {
    return n;
  }

  /** Maps an environment action of dimension k to the learner's [−1, 1] units. */
  public double normalise(int k, float action) {
    return toUnit(k, action);
  }

  public MaddpgConfig config() {
    return cfg;
  }

  @Override
  public long steps() {
    return steps;
  }

  /** Gradient steps made so far. */
  public long updates() {
    return updates;
  }

  /** The current exploration noise standard deviation (normalised units). */
  public double noiseStd() {
    return noise;
  }

  /** Agent {@code i}'s actor (shared by all agents under parameter sharing). */
  public Mlp actor(int i) {
    return actors[shared ? 0 : i];
  }

  /** Agent {@code i}'s critic. */
  public Mlp critic(int i) {
    return critics[shared ? 0 : i];
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    for (int i = 0; i < n; i++) {
      float[] u = actor(i).forward(observations[i], 0, 1);
      for (int k = 0; k < actDim; k++) {
        actions[i][k] = toEnv(k, u[k]);
      }
    }
  }

  @Override
  public void explore(float[][] observations, float[][] actions) {
    boolean warm = steps < cfg.warmupSteps();
    for (int i = 0; i < n; i++) {
      float[] u = warm ? null : actor(i).forward(observations[i], 0, 1);
      for (int k = 0; k < actDim; k++) {
        double v = warm ? 2 * rng.nextDouble() - 1 : u[k] + noise * gaussian();
        actions[i][k] = toEnv(k, (float) Math.max(-1, Math.min(1, v)));
      }
    }
  }

  @Override
  public void observe(float[][] observations, float[][] actions, StepResult result) {
    refuseIfActOnly("observe transitions");
    double[] obs = row[0];
    double[] act = row[1];
    double[] rew = row[2];
    double[] next = row[3];
    double[] term = row[4];
    float[][] nextObs = result.observations();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < obsDim; k++) {
        obs[i * obsDim + k] = observations[i][k];
        next[i * obsDim + k] = nextObs[i][k];
      }
      for (int k = 0; k < actDim; k++) {
        act[i * actDim + k] = toUnit(k, actions[i][k]);
      }
      rew[i] = result.rewards()[i] * cfg.rewardScale();
      term[i] = result.terminated()[i] ? 1 : 0;
    }
    int slot = per != null ? per.add(replay, row) : replay.add(row);
    if (extension != null) {
      extension.stored(slot, observations, actions, result);
    }
    steps++;
    noise = Math.max(cfg.noiseMin(), noise * cfg.noiseDecay());
  }

  @Override
  public int update(MetricsSink sink) {
    refuseIfActOnly("train");
    if (steps < cfg.warmupSteps() || replay.size() < batch || steps % cfg.updateEvery() != 0) {
      return 0;
    }
    double criticLoss = 0;
    double actorObjective = 0;
    int actorSteps = 0;
    for (int g = 0; g < cfg.gradientSteps(); g++) {
      double[] stats = gradientStep(sink);
      criticLoss += stats[0];
      if (!Double.isNaN(stats[1])) {
        actorObjective += stats[1];
        actorSteps++;
      }
    }
    int k = cfg.gradientSteps();
    if (actorSteps > 0) {
      lastActorQ = actorObjective / actorSteps;
    }
    sink.scalar("losses/critic", updates, criticLoss / k);
    // With delayed policy updates a round may have no actor step: the latest actor step's value
    // (none before the first actor step after a start or resume).
    if (!Double.isNaN(lastActorQ)) {
      sink.scalar("losses/actor_q", updates, lastActorQ);
    }
    sink.scalar("charts/noise_std", updates, noise);
    return k;
  }

  /** One gradient step for every agent; returns {mean critic loss, mean Q under the actors}. */
  private double[] gradientStep(MetricsSink sink) {
    if (!shared) {
      ensureAgentScratch(); // the parallel path's per-agent buffers, used by every phase below
    }
    // --- sample one index set for all agents (time-aligned joint transitions)
    if (per != null) {
      per.sample(batch, rng, idx, weights);
      if (cfg.lossWeights().equals("priority")) {
        // UCMS eq. (33): weight each sample by its priority η, normalised to a batch mean of 1 so
        // that the step size keeps its meaning.
        double mean = 0;
        for (int b = 0; b < batch; b++) {
          mean += per.priority(idx[b]) / batch;
        }
        for (int b = 0; b < batch; b++) {
          fWeights[b] = (float) (per.priority(idx[b]) / mean);
        }
      } else {
        for (int b = 0; b < batch; b++) {
          fWeights[b] = (float) weights[b];
        }
      }
    } else {
      replay.sample(batch, rng, idx);
    }
    replay.gather(fObs, idx, batch, bObs);
    replay.gather(fAct, idx, batch, bAct);
    replay.gather(fRew, idx, batch, bRew);
    replay.gather(fNext, idx, batch, bNext);
    replay.gather(fTerm, idx, batch, bTerm);
    float[] lossWeights = per != null ? fWeights : null;

    // --- target actions a'_j = μ'_j(o'_j), once for all critics; with target policy smoothing
    // (TD3) a'_j + clip(ε, −c, c), ε ~ N(0, σ²), kept in [−1, 1].
    double sigma = cfg.targetNoise();
    double clip = cfg.targetNoiseClip();
    if (shared) {
      for (int j = 0; j < n; j++) {
        gatherAgentObs(bNext, j, obsBatch);
        float[] u = actorTargets[0].forward(obsBatch, batch);
        System.arraycopy(u, 0, targetU[j], 0, batch * actDim);
      }
    } else {
      parallel.forEach(
          n,
          j -> {
            gatherAgentObs(bNext, j, agentObs[j]);
            float[] u = actorTargets[j].forward(agentObs[j], batch);
            System.arraycopy(u, 0, targetU[j], 0, batch * actDim);
          });
    }
    if (sigma > 0) { // the noise in agent order, from the learner's one stream
      for (int j = 0; j < n; j++) {
        float[] t = targetU[j];
        for (int k = 0; k < batch * actDim; k++) {
          double e = Math.max(-clip, Math.min(clip, sigma * rng.nextGaussian()));
          t[k] = (float) Math.max(-1, Math.min(1, t[k] + e));
        }
      }
    }

    // --- critics
    java.util.Arrays.fill(tdAbs, 0);
    double lossSum = 0;
    if (shared) {
      critics[0].zeroGrad();
      for (int i = 0; i < n; i++) {
        fillCriticInput(xNext, i, bNext, null, targetU);
        fillCriticInput(x, i, bObs, bAct, null);
        lossSum += criticLoss(i, lossWeights, y, lossGrad, tdAbs);
        scale(lossGrad, 1f / n);
        critics[0].backward(lossGrad, batch, false);
      }
      criticOpt[0].step(critics[0].params(), critics[0].grads());
    } else {
      // Without sharing every critic sees the same joint input, and each steps on its own.
      fillCriticInput(xNext, 0, bNext, null, targetU);
      fillCriticInput(x, 0, bObs, bAct, null);
      parallel.forEach(
          n,
          i -> {
            Mlp critic = critics[i];
            critic.zeroGrad();
            java.util.Arrays.fill(agentTd[i], 0);
            agentLoss[i] = criticLoss(i, lossWeights, agentY[i], agentGrad[i], agentTd[i]);
            critic.backward(agentGrad[i], batch, false);
            criticOpt[i].step(critic.params(), critic.grads());
          });
      for (int i = 0; i < n; i++) { // reduced in agent order: the same sums on any pool
        lossSum += agentLoss[i];
        for (int b = 0; b < batch; b++) {
          tdAbs[b] += agentTd[i][b];
        }
      }
    }

    // --- actors: ascend Q_i with agent i's action replaced by μ_i(o_i); with delayed policy
    // updates (TD3) only on every policyDelay-th step, as are the target networks.
    boolean policyStep = updates % cfg.policyDelay() == 0;
    double qSum = policyStep ? actorStep() : Double.NaN;

    if (extension != null) {
      extension.train(idx, batch, lossWeights, sink, updates);
    }

    // --- soft target updates, priorities
    if (policyStep) {
      for (int k = 0; k < actors.length; k++) {
        actorTargets[k].softUpdateFrom(actors[k], cfg.tau());
        criticTargets[k].softUpdateFrom(critics[k], cfg.tau());
      }
    }
    if (per != null) {
      for (int b = 0; b < batch; b++) {
        double r = 0;
        for (int i = 0; i < n; i++) {
          r += bRew[b * n + i];
        }
        rewMean[b] = r / n;
        priorities[b] = tdAbs[b];
      }
      // Joint transitions: the agents' mean reward and mean |δ| (docs/model-notes.md).
      per.updatePriorities(idx, rewMean, priorities, batch, priority);
    }
    updates++;
    return new double[] {lossSum / n, qSum};
  }

  /**
   * Agent {@code i}'s critic on the batch in {@code x} against its Bellman target from {@code
   * xNext}: fills {@code yOut}, the loss gradient {@code gradOut}, adds |y − Q|/N per sample to
   * {@code tdOut}, and returns the (weighted) mean squared error. Leaves the critic's forward
   * activations for its backward pass.
   */
  private double criticLoss(
      int i, float[] lossWeights, float[] yOut, float[] gradOut, double[] tdOut) {
    float[] qNext = criticTargets[shared ? 0 : i].forward(xNext, batch);
    for (int b = 0; b < batch; b++) {
      double notDone = 1.0 - bTerm[b * n + i];
      yOut[b] = (float) (bRew[b * n + i] + cfg.gamma() * notDone * qNext[b]); // Bellman target
    }
    float[] q = critic(i).forward(x, batch);
    double loss = Losses.mse(q, yOut, lossWeights, batch, gradOut);
    for (int b = 0; b < batch; b++) {
      tdOut[b] += Math.abs(yOut[b] - q[b]) / n;
    }
    return loss;
  }

  /** Per-agent scratch of the parallel path, made on first use (none under sharing). */
  private void ensureAgentScratch() {
    if (agentX != null) {
      return;
    }
    agentObs = new float[n][batch * obsDim];
    agentX = new float[n][batch * criticWidth];
    agentY = new float[n][batch];
    agentGrad = new float[n][batch];
    agentDu = new float[n][batch * actDim];
    agentTd = new double[n][batch];
    agentQ = new double[n][batch];
    agentLoss = new double[n];
  }

  /** One step of every actor on the sampled batch; returns the mean Q under the actors. */
  private double actorStep() {
    double qSum = 0;
    java.util.Arrays.fill(dQ, -1f / batch / (shared ? n : 1)); // maximise the mean of Q
    if (shared) {
      actors[0].zeroGrad();
      for (int i = 0; i < n; i++) {
        fillCriticInput(xActor, i, bObs, bAct, null);
        float[] q = actorGradient(i, xActor, obsBatch, dU);
        for (int b = 0; b < batch; b++) {
          qSum += q[b];
        }
      }
      actorOpt[0].step(actors[0].params(), actors[0].grads());
    } else {
      // x still holds the batch's joint input (the critics' forward passes only read it).
      parallel.forEach(
          n,
          i -> {
            System.arraycopy(x, 0, agentX[i], 0, x.length);
            actors[i].zeroGrad();
            float[] q = actorGradient(i, agentX[i], agentObs[i], agentDu[i]);
            for (int b = 0; b < batch; b++) {
              agentQ[i][b] = q[b];
            }
            actorOpt[i].step(actors[i].params(), actors[i].grads());
          });
      for (int i = 0; i < n; i++) {
        for (int b = 0; b < batch; b++) {
          qSum += agentQ[i][b];
        }
      }
    }
    return qSum / batch / n;
  }

  /**
   * Accumulates into agent {@code i}'s actor the gradient of −mean Q_i with its action replaced by
   * μ_i(o_i); {@code xIn} holds the batch's joint critic input for agent {@code i}, whose action
   * columns this overwrites. Returns Q_i under the actor (the critic's output buffer).
   */
  private float[] actorGradient(int i, float[] xIn, float[] obsScratch, float[] duOut) {
    Mlp actor = actor(i);
    Mlp critic = critic(i);
    gatherAgentObs(bObs, i, obsScratch);
    float[] u = actor.forward(obsScratch, batch);
    int col = n * obsDim + position(i, i) * actDim;
    for (int b = 0; b < batch; b++) {
      System.arraycopy(u, b * actDim, xIn, b * criticWidth + col, actDim);
    }
    float[] q = critic.forward(xIn, batch);
    // ∂Q_i/∂a_i only: no critic weight gradients, no other input columns.
    critic.backwardInput(dQ, batch, col, actDim, duOut);
    actor.backward(duOut, batch, false);
    return q;
  }

  /** Column block of agent {@code j} in agent {@code i}'s critic input. */
  private int position(int i, int j) {
    if (!shared) {
      return j;
    }
    return j == i ? 0 : (j < i ? j + 1 : j);
  }

  /**
   * Writes the critic input of agent {@code i} for the batch: observations from {@code obs} (batch
   * × N·obsDim), actions from {@code act} (batch × N·actDim, normalised) or, when {@code act} is
   * null, from {@code perAgentU[j]} (batch × actDim).
   */
  private void fillCriticInput(
      float[] dst, int i, double[] obs, double[] act, float[][] perAgentU) {
    for (int b = 0; b < batch; b++) {
      int base = b * criticWidth;
      for (int j = 0; j < n; j++) {
        int p = position(i, j);
        int o = b * n * obsDim + j * obsDim;
        int d = base + p * obsDim;
        for (int k = 0; k < obsDim; k++) {
          dst[d + k] = (float) obs[o + k];
        }
        int da = base + n * obsDim + p * actDim;
        if (act != null) {
          int ao = b * n * actDim + j * actDim;
          for (int k = 0; k < actDim; k++) {
            dst[da + k] = (float) act[ao + k];
          }
        } else {
          System.arraycopy(perAgentU[j], b * actDim, dst, da, actDim);
        }
      }
    }
  }

  private void gatherAgentObs(double[] all, int j, float[] out) {
    for (int b = 0; b < batch; b++) {
      int src = b * n * obsDim + j * obsDim;
      int dst = b * obsDim;
      for (int k = 0; k < obsDim; k++) {
        out[dst + k] = (float) all[src + k];
      }
    }
  }

  private static void scale(float[] v, float s) {
    for (int k = 0; k < v.length; k++) {
      v[k] *= s;
    }
  }

  private float toEnv(int k, float u) {
    return low[k] + (u + 1f) * 0.5f * (high[k] - low[k]);
  }

  private double toUnit(int k, float a) {
    double u = 2.0 * (a - low[k]) / (high[k] - low[k]) - 1.0;
    return Math.max(-1, Math.min(1, u));
  }

  private double gaussian() {
    return rng.nextGaussian();
  }

  /**
   * Everything that fixes the shapes of a checkpoint: agents, widths, sharing, networks, replay,
   * extension. Loading compares it before anything is read into this learner.
   */
  private String architecture() {
    return "agents="
        + n
        + " obs="
        + obsDim
        + " act="
        + actDim
        + " shared="
        + shared
        + " actor="
        + actors[0].spec().describe()
        + " critic="
        + critics[0].spec().describe()
        + " replay="
        + cfg.replay()
        + " capacity="
        + cfg.bufferCapacity()
        + " extension="
        + (extension == null ? "none" : extension.describe());
  }

  private void refuseIfActOnly(String what) {
    if (actOnly) {
      throw new IllegalStateException(
          id
              + " was loaded from a policy file (actors only, no critics, optimisers or replay):"
              + " it can act, not "
              + what
              + "; load a full checkpoint to train");
    }
  }

  /** Saves networks, targets, optimisers, counters, the replay and the extension's state. */
  @Override
  public void save(Path file) throws IOException {
    refuseIfActOnly("write a checkpoint");
    NetworkFile.save(
        file,
        KIND,
        LAYOUT,
        out -> {
          writeHeader(out);
          for (int k = 0; k < actors.length; k++) {
            NetworkFile.writeMlp(out, actors[k]);
            NetworkFile.writeMlp(out, actorTargets[k]);
            NetworkFile.writeMlp(out, critics[k]);
            NetworkFile.writeMlp(out, criticTargets[k]);
            actorOpt[k].writeState(out);
            criticOpt[k].writeState(out);
          }
          replay.writeState(out);
          if (per != null) {
            per.writeState(out);
          }
          if (extension != null) {
            extension.writeState(out);
          }
        });
  }

  /**
   * Restores what {@link #save} wrote. The file's checksum and its architecture line are checked
   * first, so a damaged file or one saved by a differently shaped learner changes nothing; then
   * everything is read in place (a 48-agent checkpoint is hundreds of megabytes).
   */
  @Override
  public void load(Path file) throws IOException {
    if (POLICY_KIND.equals(NetworkFile.kind(file))) {
      loadPolicy(file);
      return;
    }
    NetworkFile.load(
        file,
        KIND,
        (in, version) -> {
          Counters c = readHeader(file, in, "maddpg", version, LAYOUT);
          for (int k = 0; k < actors.length; k++) {
            NetworkFile.readMlpInto(in, actors[k]);
            NetworkFile.readMlpInto(in, actorTargets[k]);
            NetworkFile.readMlpInto(in, critics[k]);
            NetworkFile.readMlpInto(in, criticTargets[k]);
            actorOpt[k].readState(in);
            criticOpt[k].readState(in);
          }
          replay.readState(in);
          if (per != null) {
            per.readState(in);
          }
          if (extension != null) {
            extension.readState(in);
          }
          restore(c, false);
          return null;
        });
  }

  /**
   * Saves the counters, the actors and the extension's acting part ({@link Extension#writePolicy}):
   * what {@link #act} and {@link #explore} read. Its architecture line is the checkpoint's, so a
   * policy file loads only into a learner shaped like the one that saved it.
   */
  @Override
  public void savePolicy(Path file) throws IOException {
    NetworkFile.save(
        file,
        POLICY_KIND,
        POLICY_LAYOUT,
        out -> {
          writeHeader(out);
          for (Mlp actor : actors) {
            NetworkFile.writeMlp(out, actor);
          }
          if (extension != null) {
            extension.writePolicy(out);
          }
        });
  }

  private void loadPolicy(Path file) throws IOException {
    NetworkFile.load(
        file,
        POLICY_KIND,
        (in, version) -> {
          Counters c = readHeader(file, in, "maddpg policy", version, POLICY_LAYOUT);
          for (Mlp actor : actors) {
            NetworkFile.readMlpInto(in, actor);
          }
          if (extension != null) {
            extension.readPolicy(in);
          }
          restore(c, true);
          return null;
        });
  }

  /** The counters a checkpoint or policy file carries after its architecture line. */
  private record Counters(long steps, long updates, double noise) {}

  /** Writes the architecture line and the counters, the head of a checkpoint and a policy file. */
  private void writeHeader(java.io.DataOutput out) throws IOException {
    out.writeUTF(architecture());
    out.writeLong(steps);
    out.writeLong(updates);
    out.writeDouble(noise);
  }

  /**
   * Reads what {@link #writeHeader} wrote, after checking the layout version; refuses a file saved
   * by a differently shaped learner before anything is read into this one.
   */
  private Counters readHeader(Path file, java.io.DataInput in, String what, int version, int layout)
      throws IOException {
    if (version != layout) {
      throw new IOException(
          file + ": " + what + " layout " + version + ", this build reads " + layout);
    }
    String saved = in.readUTF();
    String mine = architecture();
    if (!saved.equals(mine)) {
      throw new IOException(file + ": saved for " + saved + "; this learner is " + mine);
    }
    return new Counters(in.readLong(), in.readLong(), in.readDouble());
  }

  private void restore(Counters c, boolean fromPolicy) {
    steps = c.steps();
    updates = c.updates();
    noise = c.noise();
    actOnly = fromPolicy;
  }
}
