package io.edgeoffload.collab.learn;

import io.edgeoffload.collab.CollabActions;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.core.Learner;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.core.random.ResumableRandom;
import io.edgeoffload.nn.Activation;
import io.edgeoffload.nn.Mlp;
import io.edgeoffload.nn.MlpSpec;
import io.edgeoffload.nn.Parallel;
import io.edgeoffload.nn.io.NetworkFile;
import io.edgeoffload.nn.optim.Adam;
import io.edgeoffload.nn.optim.AdamConfig;
import io.edgeoffload.rl.dist.Categorical;
import io.edgeoffload.rl.dist.DiagGaussian;
import io.edgeoffload.rl.rollout.Gae;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * EMH-PPO (COLLAB Sec. IV-C/D, Algorithm 2) and, by configuration, the learned baselines MAHPPO and
 * H-PPO: PPO-clip over the hybrid action of eq. (7) for every MD of a COLLAB environment.
 *
 * <p><b>Networks.</b> The global state S_k goes through a shared embedding network (GELU) and then
 * one agent network per MD (ReLU), whose outputs are, per MD: the logits of the window size (W_max
 * values) and, for each task slot x (W_max of them with {@code perTask}, else one), the logits of
 * the partition point, channel and server and the mean of the power's Gaussian (eq. 16); log σ of
 * the power is a state-independent vector per MD. Gradients of all agents reach the embedding
 * through the agents' input gradients (Algorithm 2, line 14). The critic maps S_k to one value per
 * task slot ({@code perTaskValues}); V(S_k) is their mean and every head regresses the same
 * λ-return (our reading: the paper's reward is per window, not per task).
 *
 * <p><b>Masks.</b> Window sizes above the MD's remaining queue are masked (the MD could not run
 * them); the log-probability of an MD's action counts the window head and the heads of the tasks it
 * runs, so the unused task slots of a window get no gradient.
 *
 * <p><b>Loss.</b> Eq. (19): L_A = Σ_n L^CLIP(θ_n, φ) / W_max, one probability ratio per MD (its
 * joint log-probability), one advantage per window from GAE (eq. 18) on the team reward; the
 * critic's loss is the squared error to the λ-return (eq. 20 with GAE targets). Adam for every
 * network, ε = 0.2, γ = 0.95 (Table III).
 *
 * <p><b>Threads.</b> A minibatch update runs on a {@link Parallel} pool ({@link Parallel#common()}
 * by default): the critic's step beside the embedding's forward pass, then one task per actor
 * network (its forward pass, the loss rows of its MDs, its backward pass and Adam step, its MDs'
 * log σ steps), each with its own scratch. What the tasks share is reduced afterwards on the
 * calling thread in the sequential order (the embedding's input gradient summed in agent order, the
 * loss statistics in row-then-MD order), so results are the same to the bit whatever the pool.
 * While collecting, {@link #observe} computes the actor networks' outputs on the next state beside
 * V(next state), as tasks on the same pool, and the next {@link #explore} uses them.
 */
public final class EmhPpo implements Learner {
  private static final String KIND = "emh-ppo";
  // 2: the partial rollout is saved too; 3: and the random stream's position, so that a loop that
  // does not reseed the learner every episode (the experiments' CollabTraining) resumes exactly.
  private static final int LAYOUT = 3;

  private final String id;
  private final EmhPpoConfig cfg;

  /** {@code cfg}'s shared settings. */
  private final CollabLearnerConfig hp;

  private final int n;
  private final int stateDim;
  private final int wMax;
  private final int nPoints;
  private final int nChannels;
  private final int nServers;
  private final int tasks;
  private final int taskW;
  private final int headW;
  private final int agentsPerActor;
  private final int valueHeads;
  private final double pMax;
  private final double tasksMean; // the observation's queue scale (CollabEnvBase)
  private final double lossScale;

  private final Mlp embedding;
  private final Mlp[] actors;
  private final Mlp critic;
  private Adam embeddingOpt;
  private final Adam[] actorOpt;
  private Adam criticOpt;
  private final float[][] logStd;
  private final Adam[] logStdOpt;

  private final Categorical windowDist;
  private final Categorical pointDist;
  private final Categorical channelDist;
  private final Categorical serverDist;
  private final DiagGaussian powerDist = new DiagGaussian(1);
  private ResumableRandom rng;

  // Rollout.
  private final int rollout;
  private final float[] states;
  private final double[] acts; // per step, per MD: w, then per task s, c, m, u
  private final int actW;
  private final boolean[] windowMasks;
  private final double[] oldLogp;
  private final double[] values;
  private final double[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private final double[] finalValues;
  private final double[] lastValue = new double[1];
  private final double[] advantages;
  private final double[] returns;
  private int t;
  private long steps;
  private long updates;

  // Work space. scratch[a] belongs to the task of actor network a; acting uses scratch[0].
  private final Scratch[] scratch;
  private final boolean[] maskRow;
  private final double[] stepActs;
  private final double[] stepLogp;
  private final int[] perm;
  private final float[] nextState;
  private double nextValue = Double.NaN;
  private Parallel parallel = Parallel.common();
  // The actors' outputs on nextState, computed in observe beside V(next state) (copies, so that
  // acting in between cannot overwrite them); valid until the parameters change.
  private final float[][] ahead;
  private boolean aheadValid;
  private final double[] valueSlot = new double[1];

  /** One task's work space: a head row, its gradient, the power's (μ, log σ) and their gradient. */
  private static final class Scratch {
    final double[] prow;
    final double[] grow;
    final double[] gp = new double[2];
    final double[] gg = new double[2];
    final float[] lsGradF;
    // The categorical heads' probabilities (at the head row's offsets) and log-normalisers
    // (window, then point, channel, server per task), prepared once per row for the update.
    final double[] probs;
    final double[] logZ;
    // Per-(row, MD) addends of the loss statistics, reduced afterwards in row-then-MD order.
    double[] policy = new double[0];
    double[] entropy = new double[0];
    boolean[] clipped = new boolean[0];

    Scratch(int headW, int tasks) {
      prow = new double[headW];
      grow = new double[headW];
      lsGradF = new float[tasks];
      probs = new double[headW];
      logZ = new double[1 + 3 * tasks];
    }

    void ensure(int rowsTimesMds) {
      if (policy.length < rowsTimesMds) {
        policy = new double[rowsTimesMds];
        entropy = new double[rowsTimesMds];
        clipped = new boolean[rowsTimesMds];
      }
    }
  }

  /**
   * @param id the learner's id ({@code emh-ppo}, {@code mahppo}, {@code h-ppo}, …)
   * @param env an environment of the shape it acts in (sizes, P_limit, the queue scale); it may act
   *     on any other of that shape, and reads the queues from the observations
   */
  public EmhPpo(String id, EmhPpoConfig cfg, CollabEnvBase env, long seed) {
    this.id = id;
    this.cfg = cfg;
    this.hp = cfg.settings();
    this.n = env.numAgents();
    this.stateDim = env.observationSpace(0).dim();
    this.wMax = env.config().windowMax();
    this.nPoints = env.workload().size();
    this.nChannels = env.config().numChannels();
    this.nServers = env.config().numServers();
    this.tasks = cfg.perTask() ? wMax : 1;
    this.taskW = nPoints + nChannels + nServers + 1;
    this.headW = wMax + tasks * taskW;
    this.valueHeads = cfg.perTaskValues() ? wMax : 1;
    this.pMax = env.config().txPowerMax().watts();
    this.tasksMean = env.config().tasksMean();
    this.lossScale = cfg.perTask() ? 1.0 / wMax : 1.0; // eq. (19)
    this.rng = new ResumableRandom(seed);

    AdamConfig adam = AdamConfig.of(hp.learningRate()).withMaxGradNorm(hp.maxGradNorm());
    boolean embedded = cfg.actors().equals(EmhPpoConfig.EMBEDDED);
    int actorIn = stateDim;
    if (embedded) {
      int[] eh = hp.embedHidden();
      int out = eh[eh.length - 1];
      int[] hidden = Arrays.copyOf(eh, eh.length - 1);
      embedding =
          new Mlp(
              MlpSpec.of(stateDim, hidden, out, Activation.GELU, Activation.GELU), rng.nextLong());
      embeddingOpt = new Adam(adam, embedding.params().length);
      actorIn = out;
    } else {
      embedding = null;
      embeddingOpt = null;
    }
    boolean single = cfg.actors().equals(EmhPpoConfig.SINGLE);
    agentsPerActor = single ? n : 1;
    actors = new Mlp[single ? 1 : n];
    actorOpt = new Adam[actors.length];
    for (int a = 0; a < actors.length; a++) {
      MlpSpec spec =
          MlpSpec.of(
                  actorIn,
                  hp.agentHidden(),
                  headW * agentsPerActor,
                  Activation.RELU,
                  Activation.IDENTITY)
              .withFinalLayerScale(0.01); // near-uniform categoricals, μ ≈ 0 at the start
      actors[a] = new Mlp(spec, rng.nextLong());
      actorOpt[a] = new Adam(adam, actors[a].params().length);
    }
    critic =
        new Mlp(
            MlpSpec.of(
                stateDim, hp.criticHidden(), valueHeads, Activation.RELU, Activation.IDENTITY),
            rng.nextLong());
    criticOpt = new Adam(adam, critic.params().length);
    logStd = new float[n][tasks];
    logStdOpt = new Adam[n];
    for (int i = 0; i < n; i++) {
      Arrays.fill(logStd[i], (float) hp.initLogStd());
      logStdOpt[i] = new Adam(AdamConfig.of(hp.learningRate()), tasks);
    }
    windowDist = new Categorical(wMax);
    pointDist = new Categorical(nPoints);
    channelDist = new Categorical(nChannels);
    serverDist = new Categorical(nServers);

    rollout = hp.rolloutSteps();
    actW = 1 + tasks * 4;
    states = new float[rollout * stateDim];
    acts = new double[rollout * n * actW];
    windowMasks = new boolean[rollout * n * wMax];
    oldLogp = new double[rollout * n];
    values = new double[rollout];
    rewards = new double[rollout];
    terminated = new boolean[rollout];
    truncated = new boolean[rollout];
    finalValues = new double[rollout];
    advantages = new double[rollout];
    returns = new double[rollout];
    scratch = new Scratch[actors.length];
    for (int a = 0; a < actors.length; a++) {
      scratch[a] = new Scratch(headW, tasks);
    }
    maskRow = new boolean[wMax];
    stepActs = new double[n * actW];
    stepLogp = new double[n];
    perm = new int[rollout];
    nextState = new float[stateDim];
    ahead = new float[actors.length][headW * agentsPerActor];
  }

  @Override
  public String id() {
    return id;
  }

  public EmhPpoConfig config() {
    return cfg;
  }

  @Override
  public long steps() {
    return steps;
  }

  public long updates() {
    return updates;
  }

  /**
   * The pool the minibatch updates run on ({@link Parallel#common()} by default). Results are the
   * same to the bit whatever the pool.
   */
  public void setParallel(Parallel parallel) {
    this.parallel = java.util.Objects.requireNonNull(parallel, "parallel");
  }

  private int actorOf(int agent) {
    return agentsPerActor == 1 ? agent : 0;
  }

  /** All parameters in a fixed order (for identity checks). */
  public List<float[]> parameters() {
    List<float[]> out = new ArrayList<>();
    if (embedding != null) {
      out.add(embedding.params());
    }
    for (Mlp a : actors) {
      out.add(a.params());
    }
    out.add(critic.params());
    for (float[] ls : logStd) {
      out.add(ls);
    }
    return out;
  }

  // ---------------------------------------------------------------- forward

  /** Forward of the actor stack on {@code batch} states; returns the actors' outputs. */
  private float[][] actorForward(float[] x, int batch) {
    float[] in = x;
    if (embedding != null) {
      in = embedding.forward(x, 0, batch);
    }
    float[][] outs = new float[actors.length][];
    for (int a = 0; a < actors.length; a++) {
      outs[a] = actors[a].forward(in, 0, batch);
    }
    return outs;
  }

  /** Copies agent i's head block of batch row b of its actor's output {@code o} into w's row. */
  private void headRow(float[] o, int b, int i, Scratch w) {
    int local = agentsPerActor == 1 ? 0 : i;
    int width = headW * agentsPerActor;
    int off = b * width + local * headW;
    double[] prow = w.prow;
    for (int j = 0; j < headW; j++) {
      prow[j] = o[off + j];
    }
  }

  /**
   * Window sizes MD i may choose: 1 … its remaining tasks, read from the state it observes (the
   * environment writes X_n/tasksMean as a float; times tasksMean and rounded, that is X_n exactly).
   * Not from {@code env}: the learner acts on whatever environment it is evaluated on, and the one
   * it was built with is then another, whose queues say nothing about this one.
   */
  private void windowMask(int i, float[] state, boolean[] out, int off) {
    int rem = Math.max(1, (int) Math.round(state[2 * i] * (double) tasksMean));
    for (int w = 0; w < wMax; w++) {
      out[off + w] = w + 1 <= rem;
    }
  }

  private int taskOffset(int x) {
    return wMax + x * taskW;
  }

  /** Tasks whose heads count in the log-probability for window index {@code wIdx}. */
  private int usedTasks(double wIdx) {
    return cfg.perTask() ? (int) wIdx + 1 : 1;
  }

  /**
   * Prepares the log-normalisers of w's head row (the window head and the {@code used} tasks'
   * categorical heads) and, with {@code probs} (w.probs), their probabilities: the log-normalisers
   * alone are all that {@link #logProbPrepared} with {@code scale = 0} reads (while acting); the
   * update's gradients and {@link #entropyPrepared} need the probabilities too.
   */
  private void prepareHeads(boolean[] mask, int mo, int used, double[] probs, Scratch w) {
    double[] prow = w.prow;
    w.logZ[0] = windowDist.prepare(prow, 0, mask, mo, probs, 0);
    for (int x = 0; x < used; x++) {
      int po = taskOffset(x);
      int co = po + nPoints;
      int so = co + nChannels;
      w.logZ[1 + 3 * x] = pointDist.prepare(prow, po, null, 0, probs, po);
      w.logZ[2 + 3 * x] = channelDist.prepare(prow, co, null, 0, probs, co);
      w.logZ[3 + 3 * x] = serverDist.prepare(prow, so, null, 0, probs, so);
    }
  }

  /**
   * Log-probability of agent i's action {@code a[ao…]} under w's head row, prepared by {@link
   * #prepareHeads}, while acting and in the update; with {@code scale ≠ 0} adds scale·∂logp/∂params
   * to w's row gradient and to {@code lsGrad}.
   */
  private double logProbPrepared(
      int i, boolean[] mask, int mo, double[] a, int ao, double scale, double[] lsGrad, Scratch w) {
    double[] prow = w.prow;
    double[] grow = w.grow;
    double[] probs = w.probs;
    double[] logZ = w.logZ;
    double[] gp = w.gp;
    double[] gg = w.gg;
    double lp = windowDist.logProb(prow, 0, mask, mo, a, ao, logZ[0]);
    if (scale != 0) {
      windowDist.addLogProbGrad(mask, mo, a, ao, probs, 0, scale, grow, 0);
    }
    int used = usedTasks(a[ao]);
    for (int x = 0; x < used; x++) {
      int po = taskOffset(x);
      int co = po + nPoints;
      int so = co + nChannels;
      int base = ao + 1 + 4 * x;
      lp += pointDist.logProb(prow, po, null, 0, a, base, logZ[1 + 3 * x]);
      lp += channelDist.logProb(prow, co, null, 0, a, base + 1, logZ[2 + 3 * x]);
      lp += serverDist.logProb(prow, so, null, 0, a, base + 2, logZ[3 + 3 * x]);
      gp[0] = prow[po + taskW - 1];
      gp[1] = logStd[i][x];
      lp += powerDist.logProb(gp, 0, null, 0, a, base + 3);
      if (scale != 0) {
        pointDist.addLogProbGrad(null, 0, a, base, probs, po, scale, grow, po);
        channelDist.addLogProbGrad(null, 0, a, base + 1, probs, co, scale, grow, co);
        serverDist.addLogProbGrad(null, 0, a, base + 2, probs, so, scale, grow, so);
        gg[0] = 0;
        gg[1] = 0;
        powerDist.addLogProbGrad(gp, 0, null, 0, a, base + 3, scale, gg, 0);
        grow[po + taskW - 1] += gg[0];
        lsGrad[x] += gg[1];
      }
    }
    return lp;
  }

  /**
   * Entropy of agent i's used heads on w's head row prepared by {@link #prepareHeads}; with {@code
   * scale ≠ 0} adds its gradient.
   */
  private double entropyPrepared(
      int i, boolean[] mask, int mo, int used, double scale, double[] lsGrad, Scratch w) {
    double[] prow = w.prow;
    double[] grow = w.grow;
    double[] probs = w.probs;
    double[] logZ = w.logZ;
    double[] gp = w.gp;
    double[] gg = w.gg;
    double hw = windowDist.entropy(prow, 0, mask, mo, logZ[0], probs, 0);
    double h = hw;
    if (scale != 0) {
      windowDist.addEntropyGrad(prow, 0, mask, mo, logZ[0], probs, 0, hw, scale, grow, 0);
    }
    for (int x = 0; x < used; x++) {
      int po = taskOffset(x);
      int co = po + nPoints;
      int so = co + nChannels;
      double hp = pointDist.entropy(prow, po, null, 0, logZ[1 + 3 * x], probs, po);
      double hc = channelDist.entropy(prow, co, null, 0, logZ[2 + 3 * x], probs, co);
      double hs = serverDist.entropy(prow, so, null, 0, logZ[3 + 3 * x], probs, so);
      h += hp;
      h += hc;
      h += hs;
      gp[0] = prow[po + taskW - 1];
      gp[1] = logStd[i][x];
      h += powerDist.entropy(gp, 0, null, 0);
      if (scale != 0) {
        pointDist.addEntropyGrad(
            prow, po, null, 0, logZ[1 + 3 * x], probs, po, hp, scale, grow, po);
        channelDist.addEntropyGrad(
            prow, co, null, 0, logZ[2 + 3 * x], probs, co, hc, scale, grow, co);
        serverDist.addEntropyGrad(
            prow, so, null, 0, logZ[3 + 3 * x], probs, so, hs, scale, grow, so);
        gg[0] = 0;
        gg[1] = 0;
        powerDist.addEntropyGrad(gp, 0, null, 0, scale, gg, 0);
        lsGrad[x] += gg[1];
      }
    }
    return h;
  }

  /** Writes the environment's action row of agent i from the learner's action {@code a[ao…]}. */
  private void toEnv(double[] a, int ao, float[] row) {
    row[CollabActions.window()] = (float) a[ao];
    for (int x = 0; x < wMax; x++) {
      int base = ao + 1 + 4 * (cfg.perTask() ? x : 0);
      row[CollabActions.point(wMax, x)] = (float) a[base];
      row[CollabActions.channel(wMax, x)] = (float) a[base + 1];
      row[CollabActions.server(wMax, x)] = (float) a[base + 2];
      double u = Math.max(-1, Math.min(1, a[base + 3]));
      row[CollabActions.power(wMax, x)] = (float) ((u + 1) * 0.5 * pMax);
    }
  }

  private double value(float[] state, int off) {
    float[] v = critic.forward(state, off, 1);
    double s = 0;
    for (int h = 0; h < valueHeads; h++) {
      s += v[h];
    }
    return s / valueHeads;
  }

  // ---------------------------------------------------------------- acting

  @Override
  public void act(float[][] observations, float[][] actions) {
    float[][] outs = actorForward(observations[0], 1);
    Scratch w = scratch[0];
    double[] prow = w.prow;
    for (int i = 0; i < n; i++) {
      headRow(outs[actorOf(i)], 0, i, w);
      windowMask(i, observations[0], maskRow, 0);
      windowDist.mode(prow, 0, maskRow, 0, stepActs, i * actW);
      for (int x = 0; x < tasks; x++) {
        int po = taskOffset(x);
        int base = i * actW + 1 + 4 * x;
        pointDist.mode(prow, po, null, 0, stepActs, base);
        channelDist.mode(prow, po + nPoints, null, 0, stepActs, base + 1);
        serverDist.mode(prow, po + nPoints + nChannels, null, 0, stepActs, base + 2);
        stepActs[base + 3] = prow[po + taskW - 1];
      }
      toEnv(stepActs, i * actW, actions[i]);
    }
  }

  @Override
  public void explore(float[][] observations, float[][] actions) {
    float[] state = observations[0];
    // The actors' outputs on this state were computed in observe unless an episode began.
    float[][] outs = aheadValid && Arrays.equals(state, nextState) ? ahead : actorForward(state, 1);
    aheadValid = false;
    Scratch w = scratch[0];
    double[] prow = w.prow;
    double[] gp = w.gp;
    for (int i = 0; i < n; i++) {
      headRow(outs[actorOf(i)], 0, i, w);
      int mo = (t * n + i) * wMax;
      windowMask(i, state, windowMasks, mo);
      int ao = i * actW;
      windowDist.sample(prow, 0, windowMasks, mo, rng, stepActs, ao);
      for (int x = 0; x < tasks; x++) {
        int po = taskOffset(x);
        int base = ao + 1 + 4 * x;
        pointDist.sample(prow, po, null, 0, rng, stepActs, base);
        channelDist.sample(prow, po + nPoints, null, 0, rng, stepActs, base + 1);
        serverDist.sample(prow, po + nPoints + nChannels, null, 0, rng, stepActs, base + 2);
        gp[0] = prow[po + taskW - 1];
        gp[1] = logStd[i][x];
        powerDist.sample(gp, 0, null, 0, rng, stepActs, base + 3);
      }
      prepareHeads(windowMasks, mo, usedTasks(stepActs[ao]), null, w);
      stepLogp[i] = logProbPrepared(i, windowMasks, mo, stepActs, ao, 0, null, w);
      toEnv(stepActs, ao, actions[i]);
    }
    // V of this state was computed as the previous step's V(next) unless an episode began.
    values[t] =
        Arrays.equals(state, nextState) && !Double.isNaN(nextValue) ? nextValue : value(state, 0);
  }

  @Override
  public void observe(float[][] observations, float[][] actions, StepResult result) {
    System.arraycopy(observations[0], 0, states, t * stateDim, stateDim);
    System.arraycopy(stepActs, 0, acts, t * n * actW, n * actW);
    System.arraycopy(stepLogp, 0, oldLogp, t * n, n);
    double r = result.rewards()[0];
    rewards[t] = hp.symlogRewards() ? Math.signum(r) * Math.log1p(Math.abs(r)) : r;
    terminated[t] = result.terminated()[0];
    truncated[t] = result.truncated()[0];
    float[] next = result.observations()[0];
    double v;
    if (result.done() || t + 1 >= rollout) {
      v = value(next, 0); // an episode or the rollout ends: the actors' pass would be wasted
      aheadValid = false;
    } else {
      v = forwardAhead(next);
    }
    System.arraycopy(next, 0, nextState, 0, stateDim);
    nextValue = v;
    finalValues[t] = truncated[t] && !terminated[t] ? v : 0.0;
    lastValue[0] = v;
    t++;
    steps++;
  }

  /**
   * V(next) and the actors' outputs on {@code next} (into {@link #ahead}, for the next {@link
   * #explore}): the embedding's pass first, then the actors and the critic as tasks on the pool.
   */
  private double forwardAhead(float[] next) {
    float[] in = embedding != null ? embedding.forward(next, 0, 1) : next;
    int width = headW * agentsPerActor;
    parallel.forEachCallerRuns(
        actors.length + 1,
        a -> {
          if (a == actors.length) {
            valueSlot[0] = value(next, 0);
          } else {
            System.arraycopy(actors[a].forward(in, 0, 1), 0, ahead[a], 0, width);
          }
        });
    aheadValid = true;
    return valueSlot[0];
  }

  // ---------------------------------------------------------------- update

  @Override
  public int update(MetricsSink sink) {
    if (t < rollout) {
      return 0;
    }
    // Advantages: GAE (eq. 18) on the team reward, normalised over the rollout.
    Gae.compute(
        rollout,
        1,
        rewards,
        values,
        terminated,
        truncated,
        finalValues,
        lastValue,
        hp.gamma(),
        hp.lambda(),
        advantages,
        returns);
    double mean = 0;
    for (double a : advantages) {
      mean += a;
    }
    mean /= rollout;
    double var = 0;
    for (double a : advantages) {
      var += (a - mean) * (a - mean);
    }
    double sd = Math.sqrt(var / rollout) + 1e-8;
    for (int k = 0; k < rollout; k++) {
      advantages[k] = (advantages[k] - mean) / sd;
    }
    int mbSize = Math.min(hp.minibatch(), rollout);
    float[] xb = new float[mbSize * stateDim];
    int actorOutW = headW * agentsPerActor;
    float[][] dOut = new float[actors.length][mbSize * actorOutW];
    double[][] lsGrad = new double[n][tasks];
    int embedOut = embedding == null ? 0 : embedding.spec().outputSize();
    float[] dEmb = new float[mbSize * Math.max(1, embedOut)];
    float[] vGrad = new float[mbSize * valueHeads];
    double[] valueLoss = new double[1];
    for (Scratch w : scratch) {
      w.ensure(mbSize * n);
    }
    double[] stats = new double[4]; // policy loss, value loss, entropy, clip fraction
    int batches = 0;
    for (int epoch = 0; epoch < hp.epochs(); epoch++) {
      for (int k = 0; k < rollout; k++) {
        perm[k] = k;
      }
      for (int k = rollout - 1; k > 0; k--) {
        int j = rng.nextInt(k + 1);
        int tmp = perm[k];
        perm[k] = perm[j];
        perm[j] = tmp;
      }
      for (int start = 0; start + mbSize <= rollout; start += mbSize) {
        int m = mbSize;
        int first = start;
        for (int b = 0; b < m; b++) {
          System.arraycopy(states, perm[start + b] * stateDim, xb, b * stateDim, stateDim);
        }
        // The critic is independent of the actor stack: its step runs beside the embedding's
        // forward pass (or beside the actors when there is no embedding).
        Runnable criticTask = () -> valueLoss[0] = criticStep(xb, m, first, vGrad);
        if (embedding != null) {
          parallel.forEachCallerRuns(
              2,
              k -> {
                if (k == 0) {
                  embedding.forward(xb, 0, m);
                } else {
                  criticTask.run();
                }
              });
        }
        float[] in = embedding != null ? embedding.output() : xb;
        // --- actors: clipped surrogate of eq. (17), summed over MDs as eq. (19); one task per
        // actor network, touching only that network, its MDs' log σ and its scratch.
        int actorTasks = actors.length + (embedding != null ? 0 : 1);
        parallel.forEachCallerRuns(
            actorTasks,
            a -> {
              if (a == actors.length) {
                criticTask.run();
              } else {
                actorStep(a, in, m, first, dOut[a], lsGrad);
              }
            });
        // Reduce in the sequential order: rows, then MDs.
        for (int b = 0; b < m; b++) {
          for (int i = 0; i < n; i++) {
            Scratch w = scratch[actorOf(i)];
            int r = b * n + i;
            stats[0] += w.policy[r];
            if (w.clipped[r]) {
              stats[3] += 1.0 / (m * n);
            }
            stats[2] += w.entropy[r];
          }
        }
        if (embedding != null) {
          Arrays.fill(dEmb, 0f);
          for (int a = 0; a < actors.length; a++) {
            float[] gi = actors[a].inputGrad();
            for (int j = 0; j < m * embedOut; j++) {
              dEmb[j] += gi[j]; // Algorithm 2, line 14: φ gets every agent's gradient
            }
          }
          embedding.zeroGrad();
          embedding.backward(dEmb, m, false);
          embeddingOpt.step(embedding.params(), embedding.grads());
        }
        stats[1] += valueLoss[0];
        batches++;
      }
    }
    t = 0;
    updates++;
    nextValue = Double.NaN; // the critic changed
    aheadValid = false; // and the actors
    String[] keys = {"losses/policy", "losses/value", "losses/entropy", "losses/clip_fraction"};
    for (int j = 0; j < keys.length; j++) {
      sink.scalar(keys[j], updates, stats[j] / Math.max(1, batches));
    }
    return batches;
  }

  /**
   * Actor network a's part of a minibatch update on rows {@code perm[first…first+m)} whose actor
   * input is {@code in}: forward pass, the clipped-surrogate and entropy gradients of its MDs'
   * heads (statistics into its scratch), backward pass (with the input gradient when there is an
   * embedding), Adam step, and its MDs' log σ steps. Touches only actor a's network, optimiser,
   * scratch, {@code dOut} and its MDs' rows of {@code lsGrad}.
   */
  private void actorStep(int a, float[] in, int m, int first, float[] dOut, double[][] lsGrad) {
    Scratch w = scratch[a];
    float[] out = actors[a].forward(in, 0, m);
    int actorOutW = headW * agentsPerActor;
    int iFrom = agentsPerActor == 1 ? a : 0;
    int iTo = agentsPerActor == 1 ? a + 1 : n;
    Arrays.fill(dOut, 0f);
    for (int i = iFrom; i < iTo; i++) {
      Arrays.fill(lsGrad[i], 0.0);
    }
    double eps = hp.clip();
    double[] grow = w.grow;
    for (int b = 0; b < m; b++) {
      int s = perm[first + b];
      double adv = advantages[s];
      for (int i = iFrom; i < iTo; i++) {
        headRow(out, b, i, w);
        Arrays.fill(grow, 0.0);
        int ao = (s * n + i) * actW;
        int mo = (s * n + i) * wMax;
        int r = b * n + i;
        int used = usedTasks(acts[ao]);
        prepareHeads(windowMasks, mo, used, w.probs, w);
        double lp = logProbPrepared(i, windowMasks, mo, acts, ao, 0, null, w);
        double ratio = Math.exp(lp - oldLogp[s * n + i]);
        double unclipped = ratio * adv;
        double clippedObj = Math.max(1 - eps, Math.min(1 + eps, ratio)) * adv;
        w.policy[r] = -Math.min(unclipped, clippedObj) * lossScale / m;
        w.clipped[r] = !(unclipped <= clippedObj);
        if (!w.clipped[r]) {
          logProbPrepared(i, windowMasks, mo, acts, ao, -adv * ratio * lossScale / m, lsGrad[i], w);
        }
        w.entropy[r] =
            entropyPrepared(
                    i, windowMasks, mo, used, -hp.entropyCoef() * lossScale / m, lsGrad[i], w)
                / (m * n);
        int local = agentsPerActor == 1 ? 0 : i;
        int off = b * actorOutW + local * headW;
        for (int j = 0; j < headW; j++) {
          dOut[off + j] = (float) grow[j];
        }
      }
    }
    actors[a].zeroGrad();
    actors[a].backward(dOut, m, embedding != null);
    actorOpt[a].step(actors[a].params(), actors[a].grads());
    for (int i = iFrom; i < iTo; i++) {
      for (int x = 0; x < tasks; x++) {
        w.lsGradF[x] = (float) lsGrad[i][x];
      }
      logStdOpt[i].step(logStd[i], w.lsGradF);
    }
  }

  /**
   * The critic's step on rows {@code perm[first…first+m)} (states {@code xb}): c_V · mean over rows
   * and heads of (V_x − R)² (eq. 20 with λ-returns); returns the value loss.
   */
  private double criticStep(float[] xb, int m, int first, float[] vGrad) {
    float[] v = critic.forward(xb, 0, m);
    double vl = 0;
    for (int b = 0; b < m; b++) {
      double target = returns[perm[first + b]];
      for (int h = 0; h < valueHeads; h++) {
        double e = v[b * valueHeads + h] - target;
        vl += e * e / (m * valueHeads);
        vGrad[b * valueHeads + h] = (float) (hp.valueCoef() * 2 * e / (m * valueHeads));
      }
    }
    critic.zeroGrad();
    critic.backward(vGrad, m, false);
    criticOpt.step(critic.params(), critic.grads());
    return vl;
  }

  // ---------------------------------------------------------------- persistence

  @Override
  public void save(Path file) throws IOException {
    NetworkFile.save(
        file,
        KIND,
        LAYOUT,
        out -> {
          out.writeUTF(cfg.toString());
          out.writeInt(n);
          out.writeInt(headW);
          out.writeLong(steps);
          out.writeLong(updates);
          if (embedding != null) {
            NetworkFile.writeMlp(out, embedding);
            embeddingOpt.writeState(out);
          }
          for (int a = 0; a < actors.length; a++) {
            NetworkFile.writeMlp(out, actors[a]);
            actorOpt[a].writeState(out);
          }
          NetworkFile.writeMlp(out, critic);
          criticOpt.writeState(out);
          for (int i = 0; i < n; i++) {
            for (float f : logStd[i]) {
              out.writeFloat(f);
            }
            logStdOpt[i].writeState(out);
          }
          writeRollout(out);
          out.writeLong(rng.seed());
          out.writeLong(rng.draws());
        });
  }

  /**
   * Reseeds the learner's random stream; the lab's trainer calls it at every episode start, so a
   * run resumed from a checkpoint samples exactly what an uninterrupted one does.
   */
  @Override
  public void reset(long seed) {
    rng = new ResumableRandom(seed);
  }

  /** The rollout collected so far (steps 0..t), so a resumed run continues the same rollout. */
  private void writeRollout(java.io.DataOutput out) throws IOException {
    out.writeInt(t);
    io.edgeoffload.nn.io.Bulk.writeFloats(out, states, 0, t * (states.length / rollout));
    io.edgeoffload.nn.io.Bulk.writeDoubles(out, acts, 0, t * (acts.length / rollout));
    writeBooleans(out, windowMasks, t * (windowMasks.length / rollout));
    io.edgeoffload.nn.io.Bulk.writeDoubles(out, oldLogp, 0, t * (oldLogp.length / rollout));
    io.edgeoffload.nn.io.Bulk.writeDoubles(out, values, 0, t);
    io.edgeoffload.nn.io.Bulk.writeDoubles(out, rewards, 0, t);
    writeBooleans(out, terminated, t);
    writeBooleans(out, truncated, t);
    io.edgeoffload.nn.io.Bulk.writeDoubles(out, finalValues, 0, t);
  }

  private void readRollout(java.io.DataInput in) throws IOException {
    int k = in.readInt();
    if (k < 0 || k >= rollout) {
      throw new IOException("rollout position " + k + " outside [0, " + rollout + ")");
    }
    io.edgeoffload.nn.io.Bulk.readFloats(in, states, 0, k * (states.length / rollout));
    io.edgeoffload.nn.io.Bulk.readDoubles(in, acts, 0, k * (acts.length / rollout));
    readBooleans(in, windowMasks, k * (windowMasks.length / rollout));
    io.edgeoffload.nn.io.Bulk.readDoubles(in, oldLogp, 0, k * (oldLogp.length / rollout));
    io.edgeoffload.nn.io.Bulk.readDoubles(in, values, 0, k);
    io.edgeoffload.nn.io.Bulk.readDoubles(in, rewards, 0, k);
    readBooleans(in, terminated, k);
    readBooleans(in, truncated, k);
    io.edgeoffload.nn.io.Bulk.readDoubles(in, finalValues, 0, k);
    t = k;
  }

  private static void writeBooleans(java.io.DataOutput out, boolean[] a, int len)
      throws IOException {
    for (int i = 0; i < len; i++) {
      out.writeBoolean(a[i]);
    }
  }

  private static void readBooleans(java.io.DataInput in, boolean[] a, int len) throws IOException {
    for (int i = 0; i < len; i++) {
      a[i] = in.readBoolean();
    }
  }

  @Override
  public void load(Path file) throws IOException {
    NetworkFile.load(
        file,
        KIND,
        (in, version) -> {
          if (version != 2 && version != LAYOUT) {
            throw new IOException(
                file + ": emh-ppo layout " + version + ", this build reads 2 and " + LAYOUT);
          }
          String fc = in.readUTF();
          int fn = in.readInt();
          int fh = in.readInt();
          if (!fc.equals(cfg.toString()) || fn != n || fh != headW) {
            throw new IOException(
                file
                    + ": saved for "
                    + fc
                    + ", "
                    + fn
                    + " MDs, heads "
                    + fh
                    + "; this learner is "
                    + cfg
                    + ", "
                    + n
                    + ", "
                    + headW);
          }
          long s = in.readLong();
          long u = in.readLong();
          Mlp e = null;
          Adam eo = null;
          if (embedding != null) {
            e = NetworkFile.readMlp(in, embedding.ops());
            eo = new Adam(embeddingOpt.config(), e.params().length);
            eo.readState(in);
          }
          Mlp[] a = new Mlp[actors.length];
          Adam[] ao = new Adam[actors.length];
          for (int k = 0; k < actors.length; k++) {
            a[k] = NetworkFile.readMlp(in, actors[k].ops());
            ao[k] = new Adam(actorOpt[k].config(), a[k].params().length);
            ao[k].readState(in);
          }
          Mlp c = NetworkFile.readMlp(in, critic.ops());
          Adam co = new Adam(criticOpt.config(), c.params().length);
          co.readState(in);
          float[][] ls = new float[n][tasks];
          Adam[] lo = new Adam[n];
          for (int i = 0; i < n; i++) {
            for (int x = 0; x < tasks; x++) {
              ls[i][x] = in.readFloat();
            }
            lo[i] = new Adam(logStdOpt[i].config(), tasks);
            lo[i].readState(in);
          }
          if (embedding != null) {
            embedding.copyFrom(e);
            embeddingOpt = eo;
          }
          for (int k = 0; k < actors.length; k++) {
            actors[k].copyFrom(a[k]);
            actorOpt[k] = ao[k];
          }
          critic.copyFrom(c);
          criticOpt = co;
          for (int i = 0; i < n; i++) {
            System.arraycopy(ls[i], 0, logStd[i], 0, tasks);
            logStdOpt[i] = lo[i];
          }
          steps = s;
          updates = u;
          readRollout(in);
          if (version >= 3) {
            // Layout 2 had no position: its stream stays as it is (the lab's trainer reseeds it).
            long seed = in.readLong();
            long draws = in.readLong();
            if (draws < 0) {
              throw new IOException(file + ": random stream position " + draws + " < 0");
            }
            rng = ResumableRandom.at(seed, draws);
          }
          nextValue = Double.NaN;
          aheadValid = false;
          return null;
        });
  }
}
