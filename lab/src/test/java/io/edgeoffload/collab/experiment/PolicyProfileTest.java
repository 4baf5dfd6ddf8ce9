package io.edgeoffload.collab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.edgeoffload.collab.CollabEnv;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.baseline.LocalOnlyPolicy;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.sweep.RunExecutor;
import io.edgeoffload.lab.sweep.RunResult;
import io.edgeoffload.lab.sweep.RunSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyProfileTest {
  @Test
  void localOnlyKeepsEveryTaskAtFiveTimesL0() {
    CollabEnv env = (CollabEnv) CollabSetup.env("collab-wide", CollabSetup.evalSets(List.of()));
    PolicyProfile.Profile p = PolicyProfile.of(new LocalOnlyPolicy(env), env, 2, 7);
    assertThat(p.tasks()).isEqualTo(2 * 3 * 50); // 2 episodes × 3 MDs × X_n = 50
    assertThat(p.offloadedShare()).isZero();
    assertThat(p.offloadedShareByMd()).containsExactly(0.0, 0.0, 0.0);
    // A task kept whole on its MD takes 5·L_0 (MODEL-NOTES COLLAB 4): 43.015 ms for ResNet-50.
    assertThat(p.localMs()).isCloseTo(5e3 * env.workload().baseLatency(), within(1e-9));
    assertThat(p.slowestMs()).isCloseTo(p.localMs(), within(1e-9));
    assertThat(p.slowerThanLocalShare()).isZero();
  }

  /**
   * Chain cuts: every cut of chain partitioning is one; under GoogLeNet's operator-level
   * partitioning (320 points, 5 of them chain cuts) a uniformly random policy mostly picks cuts
   * that only operator-level partitioning offers. The raw input is a chain cut, so its share never
   * exceeds the chain cuts'.
   */
  @ParameterizedTest
  @ValueSource(strings = {"chain", "operator"})
  void chainCutShareCountsCutsNeurosurgeonCouldChoose(String partitioning) {
    List<String> sets =
        CollabSetup.evalSets(List.of("env.model=googlenet", "env.partitioning=" + partitioning));
    CollabEnvBase env = CollabSetup.env("collab-wide", sets);
    Policy random = CollabSetup.policy("random", CollabSetup.config("collab-wide", sets), env);
    PolicyProfile.Profile p = PolicyProfile.of(random, env, 2, 11);
    assertThat(p.offloadedShare()).isPositive();
    assertThat(p.rawInputShare()).isLessThanOrEqualTo(p.chainCutShare());
    if (partitioning.equals("chain")) {
      assertThat(p.chainCutShare()).isEqualTo(1.0);
    } else {
      assertThat(p.chainCutShare()).isLessThan(0.2);
    }
  }

  /** Both MDPs: the task-aware EMH-PPO and the time-based one of Fig. 7 (50 ms slots). */
  @ParameterizedTest
  @ValueSource(strings = {"emh-ppo", "emh-ppo-slotted"})
  void aTrainedRunsProfileEvaluatesAsItsLastCurvePoint(String policy, @TempDir Path dir)
      throws Exception {
    List<String> sets = new java.util.ArrayList<>(List.of("env.tasksMean=6", "env.maxTasks=30"));
    if (policy.equals("emh-ppo-slotted")) {
      sets.addAll(List.of("env.mdp=time-based", "env.slotLength=50 ms"));
    }
    RunSpec spec =
        new RunSpec(
            "0",
            "t",
            CollabRunKinds.CURVE,
            "collab",
            "collab-wide",
            sets,
            policy,
            4,
            2,
            0,
            Map.of("steps", "600", "every", "300", "quick", "true"),
            Map.of());
    // Before the run there is no folder to profile.
    assertThatThrownBy(() -> PolicyProfile.ofRun(RunExecutor.dir(dir, spec.id())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("result.json");
    RunResult r = RunExecutor.execute(spec, dir, "threads");
    assertThat(r.status()).isEqualTo("done");
    PolicyProfile.Profile p = PolicyProfile.ofRun(RunExecutor.dir(dir, spec.id()));
    double[][] rows = r.series().get(0).values();
    double[] last = rows[rows.length - 1];
    assertThat(p.metrics()).containsExactly(Arrays.copyOfRange(last, 1, last.length));
    for (double share :
        new double[] {
          p.offloadedShare(), p.rawInputShare(), p.interferedShare(), p.powerFraction()
        }) {
      assertThat(share).isBetween(0.0, 1.0);
    }
    assertThat(p.tasks()).isPositive();
    assertThat(p.slowestMs()).isGreaterThanOrEqualTo(Math.max(p.localMs(), p.offloadedMs()));
    assertThat(p.slowerThanLocalShare()).isBetween(0.0, 1.0);
    // Every MD ran the same number of tasks (fixed queues), so the shares average to the total.
    assertThat(Arrays.stream(p.offloadedShareByMd()).average().orElseThrow())
        .isCloseTo(p.offloadedShare(), within(1e-12));
  }

  /**
   * A variants run (Table V's and Fig. 10's learned columns): one profile per variant, each the
   * run's recorded evaluation of that variant, from the learner kept beside it.
   */
  @Test
  void aVariantsRunsProfilesAreItsRecordedEvaluations(@TempDir Path dir) throws Exception {
    String variants = ";env.distanceFixedM=20";
    RunSpec spec =
        new RunSpec(
            "2",
            "t",
            CollabRunKinds.VARIANTS,
            "collab",
            "collab-wide",
            List.of("env.tasksMean=6", "env.maxTasks=30", "env.numDevices=2"),
            "emh-ppo",
            5,
            2,
            0,
            Map.of("steps", "600", "quick", "true", "variants", variants),
            Map.of());
    RunResult r = RunExecutor.execute(spec, dir, "threads");
    assertThat(r.status()).isEqualTo("done");
    Path runDir = RunExecutor.dir(dir, spec.id());
    List<PolicyProfile.Profile> ps = PolicyProfile.ofRunVariants(runDir);
    assertThat(ps).hasSize(2);
    for (int i = 0; i < 2; i++) {
      String phase = CollabRunKinds.variantPhase(variants.split(";", -1)[i]);
      assertThat(ps.get(i).metrics()).containsExactly(r.series(phase).values()[0]);
      assertThat(ps.get(i).offloadedShareByMd()).hasSize(2);
    }
    // A closer server is another setting: the two evaluations differ.
    assertThat(ps.get(1).metrics()).isNotEqualTo(ps.get(0).metrics());
    assertThatThrownBy(() -> PolicyProfile.ofRun(runDir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("params.variants")
        .hasMessageContaining("2 variants");
    assertThat(PolicyProfile.table(List.of(runDir)))
        .contains("| emh-ppo seed 5 | env.tasksMean=6, env.maxTasks=30, env.numDevices=2 |")
        .contains("| emh-ppo seed 5 · env.distanceFixedM=20 |");
  }

  @Test
  void anEvaluationRunsProfileIsItsRecordedRow(@TempDir Path dir) throws Exception {
    RunSpec spec =
        new RunSpec(
            "1",
            "t",
            CollabRunKinds.EVAL,
            "collab",
            "collab-wide",
            CollabSetup.evalSets(List.of()),
            "round-robin",
            3,
            2,
            0,
            Map.of(),
            Map.of());
    RunResult r = RunExecutor.execute(spec, dir, "threads");
    assertThat(r.status()).isEqualTo("done");
    PolicyProfile.Profile p = PolicyProfile.ofRun(RunExecutor.dir(dir, spec.id()));
    assertThat(p.metrics()).containsExactly(r.series().get(0).values()[0]);
    // The schedule never puts two senders on one channel, and every MD offloads in turn.
    assertThat(p.interferedShare()).isZero();
    assertThat(p.rawInputShare()).isEqualTo(1.0);
    // The raw input of ResNet-50 (3 × 224 × 224 float32) is all an offloaded task sends.
    assertThat(p.sentKb()).isCloseTo(602.112, within(1e-9));
    for (double share : p.offloadedShareByMd()) {
      assertThat(share).isBetween(0.6, 1.0);
    }
  }
}
