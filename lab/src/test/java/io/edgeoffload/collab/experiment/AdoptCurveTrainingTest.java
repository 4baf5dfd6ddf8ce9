package io.edgeoffload.collab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.lab.sweep.RunExecutor;
import io.edgeoffload.lab.sweep.RunKinds;
import io.edgeoffload.lab.sweep.RunResult;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.Sweeps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code collab-variants} run adopts the finished training of its {@code collab-curve} twin, and
 * its evaluations equal those of the same run trained from scratch: the curve run's evaluations
 * leave its training untouched.
 */
class AdoptCurveTrainingTest {
  private static final List<String> SMALL = List.of("env.tasksMean=6", "env.maxTasks=30");
  private static final String STEPS = "600";
  private static final String VARIANTS = ";env.fixedTasks=12";

  private static RunSpec spec(String kind, String policy, Map<String, String> params) {
    RunSpec base =
        new RunSpec(
            "x", "t", kind, "collab", "collab-wide", SMALL, policy, 4, 2, 0, params, Map.of());
    return Sweeps.identified(
        "t",
        kind,
        "collab",
        "collab-wide",
        SMALL,
        RunKinds.resolve(base).config(),
        policy,
        4,
        2,
        0,
        params,
        Map.of());
  }

  private static RunSpec curve(String policy) {
    return spec(
        CollabRunKinds.CURVE,
        policy,
        Map.of(
            "steps",
            STEPS,
            "every",
            "60",
            "quick",
            "true",
            CollabRunKinds.VERSION,
            CollabRunKinds.RESULTS_VERSION));
  }

  private static RunSpec variants(String policy) {
    return spec(
        CollabRunKinds.VARIANTS,
        policy,
        Map.of(
            "steps",
            STEPS,
            "quick",
            "true",
            "variants",
            VARIANTS,
            CollabRunKinds.VERSION,
            CollabRunKinds.RESULTS_VERSION));
  }

  private static void assertSameSeries(RunResult a, RunResult b) {
    assertThat(a.series()).hasSameSizeAs(b.series());
    for (int i = 0; i < a.series().size(); i++) {
      assertThat(a.series().get(i).phase()).isEqualTo(b.series().get(i).phase());
      assertThat(a.series().get(i).values())
          .as(a.series().get(i).phase())
          .isDeepEqualTo(b.series().get(i).values());
    }
  }

  @Test
  void aVariantsRunAdoptsItsCurveTwinAndEvaluatesAsIfTrainedItself(@TempDir Path dir)
      throws Exception {
    for (String policy : List.of("emh-ppo", "mahppo")) {
      RunSpec curve = curve(policy);
      RunSpec variants = variants(policy);
      assertThat(CollabRunKinds.Variants.curveTwin(variants)).isEqualTo(curve.id());

      Path shared = dir.resolve(policy).resolve("shared");
      assertThat(RunExecutor.execute(curve, shared, "test").done()).isTrue();
      Path twin = shared.resolve(curve.id()).resolve(CollabCheckpoints.FINAL);
      byte[] trained = Files.readAllBytes(twin);
      CollabRunKinds.Variants kind = new CollabRunKinds.Variants();
      assertThat(kind.adoptableFrom(variants, shared)).isEqualTo(curve.id());
      assertThat(kind.adoptableFrom(variants, dir.resolve(policy).resolve("alone"))).isNull();
      RunResult adopted = RunExecutor.execute(variants, shared, "test");
      assertThat(adopted.done()).as(adopted.error()).isTrue();
      Path run = shared.resolve(variants.id());
      assertThat(Files.readString(run.resolve(CollabRunKinds.ADOPTED)).trim())
          .isEqualTo(curve.id());
      assertThat(run.resolve("checkpoint")).as("no training, so no checkpoint").doesNotExist();
      assertThat(Files.readAllBytes(twin)).as("the twin is untouched").isEqualTo(trained);

      // The same run trained from scratch where there is no twin: the same learner, bit for
      // bit, and the same evaluations.
      Path alone = dir.resolve(policy).resolve("alone");
      RunResult fresh = RunExecutor.execute(variants, alone, "test");
      assertThat(alone.resolve(variants.id()).resolve(CollabRunKinds.ADOPTED)).doesNotExist();
      assertThat(
              Files.mismatch(alone.resolve(variants.id()).resolve(CollabCheckpoints.FINAL), twin))
          .as(policy + ": the curve run's evaluations changed its training")
          .isEqualTo(-1L);
      assertSameSeries(adopted, fresh);
      assertThat(adopted.series()).hasSize(2);
    }
  }

  @Test
  void anUnfinishedTwinIsNotAdopted(@TempDir Path dir) throws Exception {
    RunSpec curve = curve("emh-ppo");
    RunSpec variants = variants("emh-ppo");
    Path shared = dir.resolve("shared");
    RunExecutor.execute(curve, shared, "test");
    // A twin without its result marker (stopped after its last save, say) is not finished.
    Files.delete(shared.resolve(curve.id()).resolve(RunExecutor.RESULT));
    assertThat(new CollabRunKinds.Variants().adoptableFrom(variants, shared)).isNull();
    RunResult r = RunExecutor.execute(variants, shared, "test");
    assertThat(r.done()).isTrue();
    assertThat(shared.resolve(variants.id()).resolve(CollabRunKinds.ADOPTED)).doesNotExist();
  }
}
