package io.edgeoffload.ucms.learn;

import io.edgeoffload.core.Learner;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.rl.maddpg.Maddpg;
import io.edgeoffload.rl.maddpg.MaddpgConfig;
import io.edgeoffload.ucms.UcmsEnv;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A UCMS learner (UCMS Algorithm 2 and its baselines): the UDs' MADDPG (one actor per UD on its
 * local state, eq. 20, outputs x^u, f^u, p^u ∈ [0, 1], eqs. 21–23; one centralised critic per UD)
 * and, for UCMS_MADDPG, the ESs' critics that approve requests ({@link ServerCritics}).
 *
 * <p>Before every step it records what the ESs will need to judge requests: the UDs' observations,
 * their actions in the learner's units and the slot's UD–ES pairing.
 */
public final class UcmsMaddpg implements Learner {

  private final String id;
  private final UcmsEnv env;
  private final Maddpg core;
  private final ServerCritics servers;
  private final float[][] currentObs;
  private final double[] currentU;
  private final int[] assigned;

  private UcmsMaddpg(String id, UcmsEnv env, Maddpg core, ServerCritics servers) {
    this.id = id;
    this.env = env;
    this.core = core;
    this.servers = servers;
    int n = env.numAgents();
    this.currentObs = new float[n][env.observationSpace(0).dim()];
    this.currentU = new double[n * UcmsEnv.ACTION_DIM];
    this.assigned = new int[n];
  }

  /**
   * A learner for {@code env}; with {@code serverCritics} the ESs approve by their critics'
   * advantage (UCMS_MADDPG), and the environment's approval step is replaced accordingly.
   */
  public static UcmsMaddpg create(
      String id, MaddpgConfig cfg, UcmsEnv env, boolean serverCritics, long seed) {
    int n = env.numAgents();
    Maddpg core = new Maddpg(id, cfg, n, env.observationSpace(0).dim(), env.actionSpace(0), seed);
    UcmsMaddpg[] self = new UcmsMaddpg[1];
    ServerCritics servers = null;
    if (serverCritics) {
      servers =
          new ServerCritics(
              cfg,
              core,
              env.config().numServers(),
              env.observationSpace(0).dim(),
              seed ^ 0x5E7C_71C5L,
              () -> self[0].currentObs,
              () -> self[0].currentU,
              () -> self[0].assigned,
              env::lastOffloaded);
      core.setExtension(servers);
      env.setApprovalStrategy(servers);
    }
    self[0] = new UcmsMaddpg(id, env, core, servers);
    return self[0];
  }

  @Override
  public String id() {
    return id;
  }

  /** The UDs' MADDPG. */
  public Maddpg core() {
    return core;
  }

  /** The ESs' critics, or null for the baselines without them. */
  public ServerCritics servers() {
    return servers;
  }

  @Override
  public void reset(long seed) {
    core.reset(seed);
  }

  @Override
  public void act(float[][] observations, float[][] actions) {
    core.act(observations, actions);
    capture(observations, actions);
  }

  @Override
  public void explore(float[][] observations, float[][] actions) {
    core.explore(observations, actions);
    capture(observations, actions);
  }

  private void capture(float[][] observations, float[][] actions) {
    int n = actions.length;
    for (int u = 0; u < n; u++) {
      System.arraycopy(observations[u], 0, currentObs[u], 0, currentObs[u].length);
      for (int k = 0; k < UcmsEnv.ACTION_DIM; k++) {
        currentU[u * UcmsEnv.ACTION_DIM + k] = core.normalise(k, actions[u][k]);
      }
      assigned[u] = env.assignedServer(u);
    }
  }

  @Override
  public void observe(float[][] observations, float[][] actions, StepResult result) {
    core.observe(observations, actions, result);
  }

  @Override
  public int update(MetricsSink sink) {
    return core.update(sink);
  }

  @Override
  public long steps() {
    return core.steps();
  }

  @Override
  public void save(Path file) throws IOException {
    core.save(file);
  }

  @Override
  public void load(Path file) throws IOException {
    core.load(file);
  }

  @Override
  public void savePolicy(Path file) throws IOException {
    core.savePolicy(file);
  }
}
