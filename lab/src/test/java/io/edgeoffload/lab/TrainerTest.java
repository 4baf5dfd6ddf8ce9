package io.edgeoffload.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.metrics.MetricsSink;
import io.edgeoffload.ucms.UcmsConfig;
import io.edgeoffload.ucms.UcmsEnv;
import io.edgeoffload.ucms.UcmsScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training UCMS learners: smoke for every algorithm, "does it learn", and exact resumption. */
class TrainerTest {

  static final UcmsScheme SCHEME = new UcmsScheme();

  /** N = 4 UDs, M = 2 ESs, small critics: seconds per run. */
  static UcmsConfig small(String... extra) {
    List<String> sets =
        new java.util.ArrayList<>(
            List.of(
                "env.numUsers=4",
                "env.numServers=2",
                "maddpg.criticHidden=[64, 64]",
                "maddpg.warmupSteps=100"));
    sets.addAll(List.of(extra));
    return ResolvedConfig.resolve(SCHEME, "ucms-kb", null, sets).config();
  }

  static Scheme.PolicyFactory<UcmsConfig, UcmsEnv> trained(String algo, long seed, Path file) {
    return io.edgeoffload.lab.recipe.Trained.factory(SCHEME, algo, seed, file);
  }

  @Test
  void everyUcmsAlgorithmTrainsAndEvaluates(@TempDir Path dir) {
    UcmsConfig c = small("maddpg.warmupSteps=20", "maddpg.gradientSteps=1");
    for (String algo : SCHEME.learners().ids()) {
      Path run = dir.resolve(algo);
      Trainer.Result r =
          Trainer.train(
              SCHEME, c, algo, 5, 1, run, 2, false, Integer.MAX_VALUE, MetricsSink.NONE, null);
      assertThat(r.values()).hasNumberOfRows(5);
      assertThat(Files.exists(run.resolve(Trainer.CHECKPOINT))).isTrue();
      Runner.Result eval =
          Runner.run(SCHEME, c, trained(algo, 1, run.resolve(Trainer.CHECKPOINT)), 3, 9, null);
      for (double v : eval.column("cost")) {
        assertThat(v).as(algo).isFinite().isPositive();
      }
    }
  }

  /** Training tells whoever runs it (a sweep's bar) how far it is, episode by episode. */
  @Test
  void trainingReportsTheShareOfItsEpisodesDone(@TempDir Path dir) {
    UcmsConfig c = small("maddpg.warmupSteps=20", "maddpg.gradientSteps=1");
    List<Double> heard = new ArrayList<>();
    try (io.edgeoffload.core.util.WorkProgress.Scope s =
        io.edgeoffload.core.util.WorkProgress.listen(heard::add)) {
      Trainer.train(SCHEME, c, "maddpg", 4, 1, dir, 2, false, 2, MetricsSink.NONE, null);
      Trainer.train(SCHEME, c, "maddpg", 4, 1, dir, 2, true, 4, MetricsSink.NONE, null);
    }
    // Stopped after 2 of 4 episodes, then resumed from its checkpoint at 2.
    assertThat(heard).containsExactly(0.25, 0.5, 0.75, 1.0);
  }

  /**
   * On N = 4, M = 2 (ucms-kb), 150 training episodes of UCMS_MADDPG bring the evaluation cost to at
   * most half the random policy's on the same evaluation episodes (measured: about a quarter).
   */
  @Test
  void ucmsMaddpgLearnsToBeatRandomByAWideMargin(@TempDir Path dir) {
    UcmsConfig c = small("maddpg.gradientSteps=6");
    Trainer.train(
        SCHEME,
        c,
        "ucms-maddpg",
        150,
        1,
        dir,
        150,
        false,
        Integer.MAX_VALUE,
        MetricsSink.NONE,
        null);
    Runner.Result learned =
        Runner.run(
            SCHEME, c, trained("ucms-maddpg", 1, dir.resolve(Trainer.CHECKPOINT)), 40, 77, null);
    Runner.Result random = Runner.run(SCHEME, c, "random", 40, 77, null);
    double mine = Stats.summarize(learned.column("cost")).mean();
    double theirs = Stats.summarize(random.column("cost")).mean();
    assertThat(mine).as("random %s", theirs).isLessThan(0.5 * theirs);
  }

  /** Interrupted after 6 episodes and resumed to 12: the same bytes as 12 in one go. */
  @Test
  void resumeEqualsUninterruptedToTheBit(@TempDir Path dir) throws IOException {
    UcmsConfig c = small("maddpg.warmupSteps=30");
    Path once = dir.resolve("once");
    Path twice = dir.resolve("twice");
    Trainer.train(
        SCHEME, c, "ucms-maddpg", 12, 4, once, 3, false, Integer.MAX_VALUE, MetricsSink.NONE, null);
    Trainer.train(SCHEME, c, "ucms-maddpg", 12, 4, twice, 3, false, 6, MetricsSink.NONE, null);
    assertThat(Files.readAllLines(twice.resolve(Trainer.EPISODES))).hasSize(7);
    Trainer.train(
        SCHEME, c, "ucms-maddpg", 12, 4, twice, 3, true, Integer.MAX_VALUE, MetricsSink.NONE, null);
    assertThat(Files.readAllBytes(twice.resolve(Trainer.CHECKPOINT)))
        .isEqualTo(Files.readAllBytes(once.resolve(Trainer.CHECKPOINT)));
    assertThat(Files.readString(twice.resolve(Trainer.EPISODES)))
        .isEqualTo(Files.readString(once.resolve(Trainer.EPISODES)));
    assertThat(Files.readString(twice.resolve(Trainer.STATE)))
        .isEqualTo(Files.readString(once.resolve(Trainer.STATE)));
  }

  /**
   * A checkpoint cut short resumes exactly. The checkpoint at episode 9 writes its learner under
   * its own name, then the CSVs, then the state (the commit), then renames the learner: cut before
   * the state, the run resumes from episode 6; cut after it, from 9. Either way it ends with the
   * bytes of an uninterrupted run, and no uncommitted learner file is left.
   */
  @Test
  void aCheckpointCutShortResumesExactly(@TempDir Path dir) throws IOException {
    UcmsConfig c = small("maddpg.warmupSteps=30");
    Path once = dir.resolve("once");
    Trainer.train(
        SCHEME, c, "ucms-maddpg", 12, 4, once, 3, false, Integer.MAX_VALUE, MetricsSink.NONE, null);
    Path at6 = dir.resolve("at6");
    Path at9 = dir.resolve("at9");
    Trainer.train(SCHEME, c, "ucms-maddpg", 12, 4, at6, 3, false, 6, MetricsSink.NONE, null);
    Trainer.train(SCHEME, c, "ucms-maddpg", 12, 4, at9, 3, false, 9, MetricsSink.NONE, null);
    List<String> csvs = List.of(Trainer.EPISODES, Trainer.LEARNER, Trainer.PROBE);
    for (boolean committed : new boolean[] {false, true}) {
      Path cut = dir.resolve("cut-" + committed);
      copyFolder(at6, cut);
      Files.copy(at9.resolve(Trainer.CHECKPOINT), cut.resolve("checkpoint-9.bin"));
      for (String f : csvs) {
        Files.copy(at9.resolve(f), cut.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
      if (committed) {
        Files.copy(
            at9.resolve(Trainer.STATE),
            cut.resolve(Trainer.STATE),
            StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(cut.resolve(Trainer.STATE)))
            .contains("learner=checkpoint-9.bin");
        // Resumed with nothing left to train, the committed learner still takes the common name.
        Trainer.train(
            SCHEME,
            c,
            "ucms-maddpg",
            9,
            4,
            cut,
            3,
            true,
            Integer.MAX_VALUE,
            MetricsSink.NONE,
            null);
        assertThat(Files.readAllBytes(cut.resolve(Trainer.CHECKPOINT)))
            .isEqualTo(Files.readAllBytes(at9.resolve(Trainer.CHECKPOINT)));
      }
      Trainer.train(
          SCHEME, c, "ucms-maddpg", 12, 4, cut, 3, true, Integer.MAX_VALUE, MetricsSink.NONE, null);
      for (String f : List.of(Trainer.CHECKPOINT, Trainer.EPISODES, Trainer.STATE)) {
        assertThat(Files.readAllBytes(cut.resolve(f)))
            .as("%s, state committed: %s", f, committed)
            .isEqualTo(Files.readAllBytes(once.resolve(f)));
      }
      try (var left = Files.newDirectoryStream(cut, "checkpoint-*.bin")) {
        assertThat(left).isEmpty();
      }
    }
  }

  /**
   * With keepBest, best.bin is the learner at the probe with the highest reward: the same bytes as
   * the checkpoint of a run stopped there. An actor learning rate of 0.05 wrecks the policy once
   * updates start (episode 7: batch 64 > 30 warm-up steps), so the best probes are the first three,
   * equal, and the earliest (after 2 episodes, with a replay of 20 steps) is the one kept. A run
   * cut and resumed keeps the same best.
   */
  @Test
  void keepBestSavesTheLearnerOfTheBestProbe(@TempDir Path dir) throws IOException {
    UcmsConfig c = small("maddpg.warmupSteps=30", "maddpg.actorLr=0.05");
    Trainer.Options o = new Trainer.Options(2, 2, true);
    Path once = dir.resolve("once");
    Trainer.Result r =
        Trainer.train(
            SCHEME,
            c,
            "ucms-maddpg",
            12,
            4,
            once,
            4,
            false,
            Integer.MAX_VALUE,
            MetricsSink.NONE,
            null,
            o);
    int reward = r.metrics().stream().map(m -> m.name()).toList().indexOf("reward");
    Trainer.Diagnostics d = r.diagnostics();
    int best = d.bestProbe(reward);
    for (double[] p : d.probeValues()) {
      assertThat(p[reward]).isLessThanOrEqualTo(d.probeValues()[best][reward]);
    }
    int after = d.probeAfter()[best];
    assertThat(after).isEqualTo(2);
    assertThat(d.probeValues()[d.probeValues().length - 1][reward])
        .isLessThan(d.probeValues()[best][reward]);
    Path stopped = dir.resolve("stopped");
    Trainer.train(
        SCHEME, c, "ucms-maddpg", 12, 4, stopped, 2, false, after, MetricsSink.NONE, null);
    assertThat(Files.readAllBytes(once.resolve(Trainer.BEST)))
        .as("best probe after %d episodes", after)
        .isEqualTo(Files.readAllBytes(stopped.resolve(Trainer.CHECKPOINT)));

    Path twice = dir.resolve("twice");
    Trainer.train(SCHEME, c, "ucms-maddpg", 12, 4, twice, 4, false, 8, MetricsSink.NONE, null, o);
    Trainer.train(
        SCHEME,
        c,
        "ucms-maddpg",
        12,
        4,
        twice,
        4,
        true,
        Integer.MAX_VALUE,
        MetricsSink.NONE,
        null,
        o);
    assertThat(Files.readAllBytes(twice.resolve(Trainer.BEST)))
        .isEqualTo(Files.readAllBytes(once.resolve(Trainer.BEST)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Trainer.Options(0, 0, true))
        .hasMessageContaining("keepBest");
  }

  /**
   * A pruned run keeps its policy, not its checkpoint: it evaluates exactly as before (with its
   * best probed learner too), counts as finished, resumes at its last episode, refuses to train
   * further, and is not pruned twice. A run still training is refused. A prune cut after its policy
   * is written leaves a run that evaluates from its checkpoint and prunes again.
   */
  @Test
  void aPrunedRunEvaluatesAsBeforeAndTrainsNoFurther(@TempDir Path dir) throws IOException {
    UcmsConfig c = small("maddpg.warmupSteps=30");
    Trainer.Options o = new Trainer.Options(3, 2, true);
    Path run = dir.resolve("run");
    Trainer.train(
        SCHEME,
        c,
        "ucms-maddpg",
        9,
        4,
        run,
        3,
        false,
        Integer.MAX_VALUE,
        MetricsSink.NONE,
        null,
        o);
    Runner.Result before =
        Runner.run(
            SCHEME, c, trained("ucms-maddpg", 4, run.resolve(Trainer.CHECKPOINT)), 4, 9, null);
    Runner.Result bestBefore =
        Runner.run(SCHEME, c, trained("ucms-maddpg", 4, run.resolve(Trainer.BEST)), 4, 9, null);
    long checkpoint = Files.size(run.resolve(Trainer.CHECKPOINT));
    Path cut = dir.resolve("cut");
    copyFolder(run, cut);

    long freed = Trainer.prune(SCHEME, c, run);
    assertThat(run.resolve(Trainer.CHECKPOINT)).doesNotExist();
    assertThat(Trainer.learnerFile(run)).isEqualTo(run.resolve(Trainer.POLICY));
    assertThat(freed).isPositive().isLessThan(2 * checkpoint);
    assertThat(Files.size(run.resolve(Trainer.POLICY))).isLessThan(checkpoint / 4);
    Runner.Result after =
        Runner.run(SCHEME, c, trained("ucms-maddpg", 4, Trainer.learnerFile(run)), 4, 9, null);
    Runner.Result bestAfter =
        Runner.run(SCHEME, c, trained("ucms-maddpg", 4, run.resolve(Trainer.BEST)), 4, 9, null);
    assertThat(after.values()).isDeepEqualTo(before.values());
    assertThat(bestAfter.values()).isDeepEqualTo(bestBefore.values());
    assertThat(Trainer.finished(run, 9)).isTrue();
    assertThat(Trainer.prune(SCHEME, c, run)).isZero();
    Trainer.Result resumed =
        Trainer.train(
            SCHEME,
            c,
            "ucms-maddpg",
            9,
            4,
            run,
            3,
            true,
            Integer.MAX_VALUE,
            MetricsSink.NONE,
            null);
    assertThat(resumed.values()).hasNumberOfRows(9);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                Trainer.train(
                    SCHEME, c, "ucms-maddpg", 12, 4, run, 3, true, 99, MetricsSink.NONE, null))
        .isInstanceOf(io.edgeoffload.core.config.ConfigException.class)
        .hasMessageContaining("--episodes")
        .hasMessageContaining("pruned");

    // Cut after the policy was written, before the checkpoint was deleted.
    Files.copy(run.resolve(Trainer.POLICY), cut.resolve(Trainer.POLICY));
    assertThat(Trainer.learnerFile(cut)).isEqualTo(cut.resolve(Trainer.CHECKPOINT));
    assertThat(Trainer.prune(SCHEME, c, cut)).isPositive();
    assertThat(Files.readAllBytes(cut.resolve(Trainer.POLICY)))
        .isEqualTo(Files.readAllBytes(run.resolve(Trainer.POLICY)));

    Path training = dir.resolve("training");
    Trainer.train(SCHEME, c, "ucms-maddpg", 9, 4, training, 3, false, 6, MetricsSink.NONE, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Trainer.prune(SCHEME, c, training))
        .hasMessageContaining("has done 6 of its 9");
    assertThat(training.resolve(Trainer.CHECKPOINT)).exists();
  }

  static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  /**
   * COLLAB's EMH-PPO resumes exactly too: 40 episodes (about 800 decisions, three 256-step
   * rollouts) against 20 + 20, the break falling inside a rollout that the checkpoint carries.
   */
  @Test
  void collabEmhPpoResumesToTheBit(@TempDir Path dir) throws IOException {
    var scheme = new io.edgeoffload.collab.CollabScheme();
    var c = ResolvedConfig.resolve(scheme, "collab-wide", null, List.of()).config();
    Path once = dir.resolve("once");
    Path twice = dir.resolve("twice");
    Trainer.Result full =
        Trainer.train(
            scheme,
            c,
            "emh-ppo",
            40,
            2,
            once,
            10,
            false,
            Integer.MAX_VALUE,
            MetricsSink.NONE,
            null);
    assertThat(full.learner().steps()).isGreaterThan(512); // at least two updates
    Trainer.train(scheme, c, "emh-ppo", 40, 2, twice, 10, false, 20, MetricsSink.NONE, null);
    Trainer.train(
        scheme, c, "emh-ppo", 40, 2, twice, 10, true, Integer.MAX_VALUE, MetricsSink.NONE, null);
    assertThat(Files.readAllBytes(twice.resolve(Trainer.CHECKPOINT)))
        .isEqualTo(Files.readAllBytes(once.resolve(Trainer.CHECKPOINT)));
    assertThat(Files.readString(twice.resolve(Trainer.EPISODES)))
        .isEqualTo(Files.readString(once.resolve(Trainer.EPISODES)));
  }

  /**
   * Probes (the deterministic policy every 3 episodes) change nothing in training: the checkpoint
   * and the episode metrics equal a run without them, for UCMS_MADDPG (whose ES critics approve
   * inside the environment) and for EMH-PPO (whose rollout spans episodes). The learner's scalars
   * are recorded from its first update on, and a probe equals the trained policy run by hand on the
   * probe seeds.
   */
  @Test
  void probesLeaveTrainingUnchanged(@TempDir Path dir) throws IOException {
    UcmsConfig c = small("maddpg.warmupSteps=30");
    Path plain = dir.resolve("plain");
    Path probed = dir.resolve("probed");
    Trainer.train(
        SCHEME, c, "ucms-maddpg", 9, 4, plain, 3, false, Integer.MAX_VALUE, MetricsSink.NONE, null);
    Trainer.Result r =
        Trainer.train(
            SCHEME,
            c,
            "ucms-maddpg",
            9,
            4,
            probed,
            3,
            false,
            Integer.MAX_VALUE,
            MetricsSink.NONE,
            null,
            new Trainer.Options(3, 2));
    assertThat(Files.readAllBytes(probed.resolve(Trainer.CHECKPOINT)))
        .isEqualTo(Files.readAllBytes(plain.resolve(Trainer.CHECKPOINT)));
    assertThat(Files.readString(probed.resolve(Trainer.EPISODES)))
        .isEqualTo(Files.readString(plain.resolve(Trainer.EPISODES)));
    Trainer.Diagnostics d = r.diagnostics();
    assertThat(d.probeAfter()).containsExactly(3, 6, 9);
    // Updates need the 30 warm-up steps and a batch of 64 in the replay: from step 70, which is
    // in episode 6 (0-based, 10 slots each).
    assertThat(d.learnerEpisodes()).containsExactly(6, 7, 8);
    assertThat(d.learnerKeys()).contains("losses/critic", "losses/actor_q", "losses/server_critic");
    for (double[] row : d.learnerValues()) {
      for (double v : row) {
        assertThat(v).isFinite();
      }
    }
    assertThat(Files.readAllLines(probed.resolve(Trainer.PROBE))).hasSize(4);
    assertThat(Files.readAllLines(probed.resolve(Trainer.LEARNER))).hasSize(4);

    // The last probe is the final policy on probe episodes 0 and 1, run here by hand.
    UcmsEnv env = SCHEME.createEnv(SCHEME.configFor("ucms-maddpg", c));
    var learner = trained("ucms-maddpg", 4, probed.resolve(Trainer.CHECKPOINT)).create(c, env);
    var limited = new io.edgeoffload.core.env.TimeLimit(env, SCHEME.episodeLength(c));
    var root = new io.edgeoffload.core.random.RandomStreams(4);
    int cost = r.metrics().stream().map(m -> m.name()).toList().indexOf("cost");
    List<String> keys = env.infoKeys();
    double mean = 0;
    for (int j = 0; j < 2; j++) {
      float[][] obs = limited.reset(root.seedOf("probe", j));
      float[][] act = new float[env.numAgents()][env.actionSpace(0).dim()];
      double[] sums = new double[keys.size()];
      int steps = 0;
      io.edgeoffload.core.StepResult step;
      do {
        learner.act(obs, act);
        step = limited.step(act);
        for (int k = 0; k < sums.length; k++) {
          sums[k] += step.info()[k];
        }
        obs = step.observations();
        steps++;
      } while (!step.done());
      mean += r.metrics().get(cost).value(sums, keys, steps) / 2;
    }
    assertThat(d.probeValues()[2][cost]).isEqualTo(mean);

    var scheme = new io.edgeoffload.collab.CollabScheme();
    var cc = ResolvedConfig.resolve(scheme, "collab-wide", null, List.of()).config();
    Trainer.train(
        scheme,
        cc,
        "emh-ppo",
        60,
        2,
        dir.resolve("ppo"),
        10,
        false,
        Integer.MAX_VALUE,
        MetricsSink.NONE,
        null);
    Trainer.Result p =
        Trainer.train(
            scheme,
            cc,
            "emh-ppo",
            60,
            2,
            dir.resolve("ppo-probed"),
            10,
            false,
            Integer.MAX_VALUE,
            MetricsSink.NONE,
            null,
            new Trainer.Options(25, 2));
    assertThat(Files.readAllBytes(dir.resolve("ppo-probed").resolve(Trainer.CHECKPOINT)))
        .isEqualTo(Files.readAllBytes(dir.resolve("ppo").resolve(Trainer.CHECKPOINT)));
    assertThat(p.diagnostics().probeAfter()).containsExactly(25, 50);
    assertThat(p.diagnostics().learnerEpisodes())
        .as("episodes with updates (one 1024-step rollout)")
        .isNotEmpty();
    assertThat(p.diagnostics().learnerKeys()).contains("losses/policy", "losses/value");
  }

  /** With probes and learner scalars, an interrupted run resumes to the same files. */
  @Test
  void resumeKeepsProbesAndLearnerScalars(@TempDir Path dir) throws IOException {
    UcmsConfig c = small("maddpg.warmupSteps=30");
    Path once = dir.resolve("once");
    Path twice = dir.resolve("twice");
    Trainer.Options o = new Trainer.Options(2, 2);
    Trainer.train(
        SCHEME,
        c,
        "ucms-maddpg",
        10,
        4,
        once,
        3,
        false,
        Integer.MAX_VALUE,
        MetricsSink.NONE,
        null,
        o);
    Trainer.train(SCHEME, c, "ucms-maddpg", 10, 4, twice, 3, false, 7, MetricsSink.NONE, null, o);
    // The checkpoint at 6 episodes holds probes after 2, 4, 6; the run went on to 7 and stopped.
    Trainer.Result resumed =
        Trainer.train(
            SCHEME,
            c,
            "ucms-maddpg",
            10,
            4,
            twice,
            3,
            true,
            Integer.MAX_VALUE,
            MetricsSink.NONE,
            null,
            o);
    for (String f : List.of(Trainer.CHECKPOINT, Trainer.EPISODES, Trainer.LEARNER, Trainer.PROBE)) {
      assertThat(Files.readAllBytes(twice.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(once.resolve(f)));
    }
    assertThat(resumed.diagnostics().probeAfter()).containsExactly(2, 4, 6, 8, 10);
  }

  @Test
  void probeOptionsAreChecked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Trainer.Options(-1, 1))
        .hasMessageContaining("probeEvery");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Trainer.Options(5, 0))
        .hasMessageContaining("probeEpisodes");
  }
}
