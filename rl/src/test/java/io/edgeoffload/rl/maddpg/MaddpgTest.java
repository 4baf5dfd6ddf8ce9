package io.edgeoffload.rl.maddpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.core.StepResult;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.space.Box;
import io.edgeoffload.rl.toy.OneStepGame;
import io.edgeoffload.rl.toy.Training;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaddpgTest {

  static final Box UNIT2 = Box.uniform(2, -1f, 1f);
  static final Box UNIT1 = Box.uniform(1, -1f, 1f);

  /** The continuous target a*(o) = (0.5·o₀ − 0.2, −0.3·o₁ + 0.4) inside the box [−1, 1]². */
  static double[] target(float[] o) {
    return new double[] {0.5 * o[0] - 0.2, -0.3 * o[1] + 0.4};
  }

  /** One agent, reward −‖a − a*(o)‖²: the optimum is a*(o), with reward 0. */
  static OneStepGame targetGame() {
    return new OneStepGame(
        1,
        UNIT2,
        UNIT2,
        (rng, obs) -> {
          obs[0][0] = (float) (rng.nextDouble() * 2 - 1);
          obs[0][1] = (float) (rng.nextDouble() * 2 - 1);
        },
        (obs, act, out) -> {
          double[] t = target(obs[0]);
          double d0 = act[0][0] - t[0];
          double d1 = act[0][1] - t[1];
          out[0] = -(d0 * d0 + d1 * d1);
        });
  }

  static MaddpgConfig small() {
    return MaddpgConfig.defaults()
        .with(
            "criticHidden=[64, 64]",
            "actorHidden=[32, 32]",
            "warmupSteps=200",
            "bufferCapacity=5000",
            "noiseStd=0.2",
            "tau=0.05");
  }

  /** Mean distance of the deterministic policy's action from a*(o) over fresh observations. */
  static double targetError(Maddpg ddpg) {
    SplittableRandom rng = new SplittableRandom(12345);
    float[][] obs = new float[1][2];
    float[][] act = new float[1][2];
    double err = 0;
    int m = 400;
    for (int k = 0; k < m; k++) {
      obs[0][0] = (float) (rng.nextDouble() * 2 - 1);
      obs[0][1] = (float) (rng.nextDouble() * 2 - 1);
      ddpg.act(obs, act);
      double[] t = target(obs[0]);
      err += Math.hypot(act[0][0] - t[0], act[0][1] - t[1]);
    }
    return err / m;
  }

  @Test
  void ddpgReachesAContinuousTarget() {
    Maddpg ddpg = Maddpg.ddpg(small(), 2, UNIT2, 1);
    double before = targetError(ddpg);
    Training.train(targetGame(), ddpg, 3000, 7);
    double after = targetError(ddpg);
    assertThat(before).isGreaterThan(0.3);
    assertThat(after).as("mean ‖a − a*(o)‖ after 3000 steps").isLessThan(0.05);
  }

  /**
   * Two agents share the reward −(a₀ + a₁ − s)²; only agent 0 sees s ∈ [−0.5, 0.5], agent 1 sees a
   * constant. Decentralised actors solve it only by coordinating through the centralised critics:
   * agent 1 settles on a constant c and agent 0 plays s − c.
   */
  static OneStepGame cooperativeGame() {
    return new OneStepGame(
        2,
        UNIT1,
        UNIT1,
        (rng, obs) -> {
          obs[0][0] = (float) (rng.nextDouble() - 0.5);
          obs[1][0] = 0f;
        },
        (obs, act, out) -> {
          double d = act[0][0] + act[1][0] - obs[0][0];
          out[0] = -d * d;
          out[1] = -d * d;
        });
  }

  @Test
  void maddpgSolvesATwoAgentCooperativeGame() {
    Maddpg m = new Maddpg("maddpg", small(), 2, 1, UNIT1, 3);
    OneStepGame game = cooperativeGame();
    double before = Training.evaluate(game, m, 300, 1000);
    Training.train(game, m, 4000, 11);
    double after = Training.evaluate(game, m, 300, 1000);
    // Random play scores about −0.1; solved means |a₀ + a₁ − s| below ~0.07 on average.
    assertThat(after).as("mean reward before %s", before).isGreaterThan(-0.005);
  }

  @Test
  void parameterSharingAlsoSolvesTheCooperativeGame() {
    Maddpg m = new Maddpg("maddpg", small().with("parameterSharing=true"), 2, 1, UNIT1, 4);
    OneStepGame game = cooperativeGame();
    Training.train(game, m, 4000, 13);
    assertThat(m.actor(0)).isSameAs(m.actor(1));
    assertThat(Training.evaluate(game, m, 300, 1000)).isGreaterThan(-0.005);
  }

  /**
   * Reward/TD-error prioritised replay (UCMS eqs. 27–29, υ_r = 0.5, α = 0.6, β 0.4 → 1) learns at
   * least as well as uniform replay on the DDPG problem: over six seeds and 3000 steps its mean
   * final error is within 0.02 of uniform's. Both plateau near 0.05 (the critic's fit); one seed's
   * final error varies by about 0.01, and the mean over six by about 0.005 between BLAS kernels
   * (OpenBLAS picks its kernel per CPU, so float rounding differs between machines), so 0.02 is "no
   * worse" with room for the machine, not a free pass: a broken priority (e.g. sampling only the
   * newest transitions) lands far outside it.
   */
  @Test
  void rewardTdPrioritisedReplayLearnsAtLeastAsWellAsUniform() {
    double uniform = 0;
    double prioritised = 0;
    int seeds = 6;
    int steps = 3000;
    for (int seed = 0; seed < seeds; seed++) {
      Maddpg u = Maddpg.ddpg(small(), 2, UNIT2, 100 + seed);
      Training.train(targetGame(), u, steps, 50 + seed);
      uniform += targetError(u) / seeds;
      Maddpg p =
          Maddpg.ddpg(
              small().with("replay=reward-td", "rewardWeight=0.5", "perBetaSteps=" + steps),
              2,
              UNIT2,
              100 + seed);
      Training.train(targetGame(), p, steps, 50 + seed);
      prioritised += targetError(p) / seeds;
    }
    assertThat(uniform).isLessThan(0.08);
    assertThat(prioritised).as("uniform %s", uniform).isLessThanOrEqualTo(uniform + 0.02);
  }

  @Test
  void sameSeedGivesBitIdenticalWeights() {
    MaddpgConfig cfg = small().with("replay=td");
    Maddpg a = new Maddpg("maddpg", cfg, 2, 1, UNIT1, 21);
    Maddpg b = new Maddpg("maddpg", cfg, 2, 1, UNIT1, 21);
    Training.train(cooperativeGame(), a, 600, 5);
    Training.train(cooperativeGame(), b, 600, 5);
    assertThat(a.updates()).isEqualTo(401); // steps 200…600 update once each
    for (int i = 0; i < 2; i++) {
      assertThat(a.actor(i).params()).containsExactly(b.actor(i).params());
      assertThat(a.critic(i).params()).containsExactly(b.critic(i).params());
    }
    Maddpg c = new Maddpg("maddpg", cfg, 2, 1, UNIT1, 22);
    Training.train(cooperativeGame(), c, 600, 5);
    assertThat(c.actor(0).params()).isNotEqualTo(a.actor(0).params());
  }

  /**
   * The agents' critic and actor steps run on a pool; the learner is the same to the byte (every
   * network, optimiser moment, priority) on one thread as on three, with prioritised replay and
   * target smoothing, whose noise is drawn in agent order.
   */
  @Test
  void anyPoolGivesByteIdenticalLearners(@TempDir Path dir) throws Exception {
    MaddpgConfig cfg =
        small().with("replay=reward-td", "targetNoise=0.2", "targetNoiseClip=0.5", "policyDelay=2");
    Maddpg one = new Maddpg("maddpg", cfg, 2, 1, UNIT1, 5);
    Maddpg three = new Maddpg("maddpg", cfg, 2, 1, UNIT1, 5);
    one.setParallel(io.edgeoffload.nn.Parallel.of(1));
    three.setParallel(io.edgeoffload.nn.Parallel.of(3));
    Training.train(cooperativeGame(), one, 400, 2);
    Training.train(cooperativeGame(), three, 400, 2);
    assertThat(one.updates()).isEqualTo(201);
    one.save(dir.resolve("one"));
    three.save(dir.resolve("three"));
    assertThat(java.nio.file.Files.readAllBytes(dir.resolve("three")))
        .isEqualTo(java.nio.file.Files.readAllBytes(dir.resolve("one")));
  }

  @Test
  void saveAndLoadRestoreTheLearner(@TempDir Path dir) throws Exception {
    Maddpg a = new Maddpg("maddpg", small(), 2, 1, UNIT1, 8);
    Training.train(cooperativeGame(), a, 500, 1);
    Path file = dir.resolve("maddpg.ckpt");
    a.save(file);
    Maddpg b = new Maddpg("maddpg", small(), 2, 1, UNIT1, 99);
    b.load(file);
    assertThat(b.steps()).isEqualTo(500);
    assertThat(b.updates()).isEqualTo(a.updates());
    for (int i = 0; i < 2; i++) {
      assertThat(b.actor(i).params()).containsExactly(a.actor(i).params());
      assertThat(b.critic(i).params()).containsExactly(a.critic(i).params());
    }
    Maddpg other = new Maddpg("maddpg", small(), 3, 1, UNIT1, 1);
    float[] before = other.actor(0).params().clone();
    assertThatThrownBy(() -> other.load(file)).hasMessageContaining("saved for agents=2");
    assertThat(other.actor(0).params()).containsExactly(before);
  }

  /**
   * A policy file holds the actors alone: a learner loaded from it acts (and explores, with the
   * saved noise) exactly as the one that saved it, refuses to train or checkpoint, and is a full
   * learner again once a checkpoint is loaded.
   */
  @Test
  void aPolicyFileActsLikeItsLearnerAndRefusesToTrain(@TempDir Path dir) throws Exception {
    Maddpg a = new Maddpg("maddpg", small(), 2, 1, UNIT1, 8);
    Training.train(cooperativeGame(), a, 500, 1);
    Path ckpt = dir.resolve("maddpg.ckpt");
    Path policy = dir.resolve("maddpg.policy");
    a.save(ckpt);
    a.savePolicy(policy);
    assertThat(java.nio.file.Files.size(policy)).isLessThan(java.nio.file.Files.size(ckpt) / 10);
    Maddpg b = new Maddpg("maddpg", small(), 2, 1, UNIT1, 99);
    float[] criticBefore = b.critic(0).params().clone();
    b.load(policy);
    assertThat(b.steps()).isEqualTo(a.steps());
    assertThat(b.noiseStd()).isEqualTo(a.noiseStd());
    assertThat(b.critic(0).params()).containsExactly(criticBefore);
    SplittableRandom rng = new SplittableRandom(4);
    float[][] obs = new float[2][1];
    float[][] actA = new float[2][1];
    float[][] actB = new float[2][1];
    for (int t = 0; t < 50; t++) {
      obs[0][0] = (float) (2 * rng.nextDouble() - 1);
      obs[1][0] = (float) (2 * rng.nextDouble() - 1);
      a.act(obs, actA);
      b.act(obs, actB);
      assertThat(actB[0]).containsExactly(actA[0]);
      assertThat(actB[1]).containsExactly(actA[1]);
    }
    a.reset(17);
    b.reset(17);
    a.explore(obs, actA);
    b.explore(obs, actB);
    assertThat(actB[0]).containsExactly(actA[0]);
    StepResult step = new StepResult(2, 1, 0);
    assertThatThrownBy(() -> b.observe(obs, actB, step))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("policy file");
    assertThatThrownBy(() -> b.update(io.edgeoffload.core.metrics.MetricsSink.NONE))
        .hasMessageContaining("policy file");
    assertThatThrownBy(() -> b.save(dir.resolve("x"))).hasMessageContaining("policy file");
    // A policy-loaded learner can still write its policy, and a checkpoint makes it whole again.
    b.savePolicy(dir.resolve("again"));
    assertThat(java.nio.file.Files.readAllBytes(dir.resolve("again")))
        .isEqualTo(java.nio.file.Files.readAllBytes(policy));
    b.load(ckpt);
    assertThat(b.critic(0).params()).containsExactly(a.critic(0).params());
    b.save(dir.resolve("whole"));
    Maddpg other = new Maddpg("maddpg", small(), 3, 1, UNIT1, 1);
    assertThatThrownBy(() -> other.load(policy)).hasMessageContaining("saved for agents=2");
  }

  @Test
  void badConfigNamesTheKey() {
    assertThatThrownBy(() -> MaddpgConfig.defaults().with("tau=0"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tau");
    assertThatThrownBy(() -> MaddpgConfig.defaults().with("replay=rank"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("replay")
        .hasMessageContaining("uniform");
    assertThatThrownBy(() -> MaddpgConfig.defaults().with("bufferCapacity=10"))
        .hasMessageContaining("bufferCapacity");
    assertThatThrownBy(() -> MaddpgConfig.defaults().with("policyDelay=0"))
        .hasMessageContaining("policyDelay");
    assertThatThrownBy(() -> MaddpgConfig.defaults().with("targetNoise=0.2"))
        .hasMessageContaining("targetNoiseClip");
  }

  /** TD3's target policy smoothing and delayed policy updates still solve the cooperative game. */
  @Test
  void td3OptionsAlsoSolveTheCooperativeGame() {
    Maddpg m =
        new Maddpg(
            "maddpg",
            small().with("targetNoise=0.2", "targetNoiseClip=0.5", "policyDelay=2"),
            2,
            1,
            UNIT1,
            3);
    OneStepGame game = cooperativeGame();
    Training.train(game, m, 4000, 11);
    assertThat(Training.evaluate(game, m, 300, 1000)).isGreaterThan(-0.005);
  }

  /**
   * With policyDelay = 3 the actors (and the target networks) change on gradient steps 0, 3, 6, …
   * only, while the critics change on every step.
   */
  @Test
  void delayedPolicyUpdatesTouchTheActorsOnEveryThirdStepOnly() {
    MaddpgConfig cfg = small().with("policyDelay=3", "gradientSteps=1", "updateEvery=1");
    Maddpg m = new Maddpg("maddpg", cfg, 2, 1, UNIT1, 5);
    OneStepGame game = cooperativeGame();
    Training.train(game, m, cfg.warmupSteps() + cfg.batchSize(), 2); // fills the replay
    long u0 = m.updates();
    for (int k = 0; k < 7; k++) {
      float[] actor = m.actor(0).params().clone();
      float[] critic = m.critic(0).params().clone();
      long u = m.updates();
      Training.train(game, m, 1, 100 + k);
      assertThat(m.updates()).isEqualTo(u + 1);
      boolean actorMoved = !java.util.Arrays.equals(actor, m.actor(0).params());
      assertThat(actorMoved).as("update %d", u).isEqualTo(u % 3 == 0);
      assertThat(m.critic(0).params()).isNotEqualTo(critic);
    }
    assertThat(m.updates() - u0).isEqualTo(7);
  }
}
