package io.edgeoffload.collab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeoffload.collab.CollabConfig;
import io.edgeoffload.collab.CollabEnvBase;
import io.edgeoffload.collab.Workload;
import io.edgeoffload.collab.learn.CollabTraining;
import io.edgeoffload.collab.learn.EmhPpo;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.lab.sweep.RunExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a COLLAB policy decides, task by task: evaluated as a {@value CollabRunKinds#CURVE} run
 * evaluates it (same setting, episodes and seed), with the environment reporting every task it
 * executes ({@link CollabEnvBase#onTask}). It answers why one learner's windows are slower than
 * another's: how many tasks go out, from which point, on a channel shared with whom, at what power,
 * and how long their transmission takes; and, for the time-based MDP ({@code collab-slotted-v1}) as
 * for the task-aware one, whether some tasks take catastrophically long.
 *
 * <p>{@code java -cp JAR io.edgeoffload.collab.experiment.PolicyProfile RUN_DIR…} prints one
 * Markdown row per finished run folder: a {@value CollabRunKinds#CURVE} run that kept its trained
 * learner ({@code learner.bin}), a {@value CollabRunKinds#VARIANTS} run (its trained learner, one
 * row per evaluation variant: Table V's and Fig. 10's learned columns), or a {@value
 * CollabRunKinds#EVAL} run (a non-learning policy on its evaluation setting, episodes and seed).
 * Each profile evaluates as the run did, so its latency and energy are the run's recorded ones
 * (tested): a check that a result comes from the learner kept beside it (on the machine that
 * trained it: {@code carry.sh} keeps results, not learners).
 */
public final class PolicyProfile {
  private PolicyProfile() {}

  /**
   * Task-level means of one policy.
   *
   * @param metrics the evaluation's episode metrics ({@link CollabTraining#metricNames()}), equal
   *     to a curve run's last row for its trained learner
   * @param offloadedShare tasks that send data or run server MACs, of all tasks
   * @param rawInputShare offloaded tasks cut before any device MAC (the raw input is sent)
   * @param chainCutShare offloaded tasks cut at a chain cut (at most one tensor crosses: a point
   *     Neurosurgeon could choose), of all offloaded tasks; 1 under chain partitioning, and under
   *     operator-level partitioning what is left tells how often a policy used a cut that only
   *     operator-level partitioning offers (Table V)
   * @param interferedShare offloaded tasks that shared their channel with another MD's task
   * @param powerFraction mean transmit power of offloaded tasks, as a share of P_limit
   * @param transmissionMs mean transmission time of an offloaded task
   * @param offloadedMs mean latency of an offloaded task (device, transmission and server)
   * @param localMs mean latency of a task kept whole on its MD
   * @param serverLoad mean number of tasks an offloaded task's server ran at once
   * @param offloadedShareByMd per MD, the share of its tasks it offloaded
   * @param sentKb mean data an offloaded task sends, kB (10³ bytes)
   * @param slowestMs the longest latency of any one task
   * @param slowerThanLocalShare offloaded tasks that took longer than a task kept whole on its MD
   *     (localFactor · L_0), of all offloaded tasks
   */
  public record Profile(
      double[] metrics,
      long tasks,
      double offloadedShare,
      double rawInputShare,
      double chainCutShare,
      double interferedShare,
      double powerFraction,
      double transmissionMs,
      double offloadedMs,
      double localMs,
      double serverLoad,
      double[] offloadedShareByMd,
      double sentKb,
      double slowestMs,
      double slowerThanLocalShare) {}

  /** Profiles {@code policy} on {@code env} over {@code episodes} episodes from {@code seed}. */
  public static Profile of(Policy policy, CollabEnvBase env, int episodes, long seed) {
    Workload work = env.workload();
    double pMax = env.config().txPowerMax().watts();
    // A task kept whole on its MD: localFactor · L_0 (MODEL-NOTES COLLAB 4).
    double localS = env.config().localFactor() * work.baseLatency();
    // tasks, offloaded, raw input, interfered, slower than local, chain cut
    long[] n = new long[6];
    // power, transmission, offloaded latency, local latency, load, slowest, bits sent
    double[] sum = new double[7];
    long[] byMd = new long[2 * env.numAgents()]; // per MD: tasks, offloaded
    env.onTask(
        t -> {
          n[0]++;
          byMd[2 * t.md()]++;
          sum[5] = Math.max(sum[5], t.latencyS());
          if (t.offloads()) {
            n[1]++;
            byMd[2 * t.md() + 1]++;
            n[2] += work.deviceMacs(t.point()) == 0 ? 1 : 0;
            n[5] += work.isChainCut(t.point()) ? 1 : 0;
            n[3] += t.interferenceW() > 0 ? 1 : 0;
            sum[0] += t.powerW() / pMax;
            sum[1] += t.transmissionS();
            sum[2] += t.latencyS();
            sum[4] += t.serverLoad();
            sum[6] += work.bits(t.point());
            n[4] += t.latencyS() > localS ? 1 : 0;
          } else {
            sum[3] += t.latencyS();
          }
        });
    double[] metrics;
    try {
      metrics = CollabTraining.evaluate(policy, env, episodes, seed);
    } finally {
      env.onTask(null);
    }
    long off = Math.max(1, n[1]);
    long local = Math.max(1, n[0] - n[1]);
    double[] shareByMd = new double[env.numAgents()];
    for (int i = 0; i < shareByMd.length; i++) {
      shareByMd[i] = (double) byMd[2 * i + 1] / Math.max(1, byMd[2 * i]);
    }
    return new Profile(
        metrics,
        n[0],
        (double) n[1] / Math.max(1, n[0]),
        (double) n[2] / off,
        (double) n[5] / off,
        (double) n[3] / off,
        sum[0] / off,
        1e3 * sum[1] / off,
        1e3 * sum[2] / off,
        1e3 * sum[3] / local,
        sum[4] / off,
        shareByMd,
        sum[6] / 8e3 / off,
        1e3 * sum[5],
        (double) n[4] / off);
  }

  /**
   * Profiles the policy of a finished run folder as the run evaluated it: a {@value
   * CollabRunKinds#CURVE} run's trained learner on its evaluation setting, episodes and seed, a
   * {@value CollabRunKinds#EVAL} run's policy, or a {@value CollabRunKinds#VARIANTS} run's trained
   * learner on its one variant.
   *
   * @throws ConfigException when the folder is not such a run, kept no learner, or is a {@value
   *     CollabRunKinds#VARIANTS} run with several variants (then use {@link #ofRunVariants})
   */
  public static Profile ofRun(Path runDir) {
    List<Labelled> all = labelledRun(runDir);
    if (all.size() != 1) {
      throw new ConfigException(
          "params.variants",
          all.size() + " variants in " + runDir,
          "ofRun profiles a run with one evaluation; use ofRunVariants");
    }
    return all.get(0).profile();
  }

  /** Every profile of a run folder: one per variant of a {@value CollabRunKinds#VARIANTS} run. */
  public static List<Profile> ofRunVariants(Path runDir) {
    return labelledRun(runDir).stream().map(Labelled::profile).toList();
  }

  /**
   * A run's profile, its label ({@code <policy> seed <seed>}, and {@code · <variant>} for a
   * variant) and its setting (the run's overrides).
   */
  private record Labelled(String label, String setting, Profile profile) {}

  private static List<Labelled> labelledRun(Path runDir) {
    Path yaml = runDir.resolve("run.yaml");
    Path learnerFile = runDir.resolve(CollabCheckpoints.FINAL);
    if (!Files.isRegularFile(yaml) || !Files.isRegularFile(runDir.resolve(RunExecutor.RESULT))) {
      throw new ConfigException(
          "run folder",
          runDir,
          "needs run.yaml and "
              + RunExecutor.RESULT
              + " (a finished collab-curve run, with its "
              + CollabCheckpoints.FINAL
              + ", collab-variants run, with its "
              + CollabCheckpoints.FINAL
              + ", or collab-eval run)");
    }
    JsonNode run = ConfigLoader.readFile(yaml).path("run");
    String kind = run.path("kind").asText();
    List<String> sets = new ArrayList<>();
    run.path("overrides").forEach(s -> sets.add(s.asText()));
    String preset = run.path("preset").asText();
    long seed = run.path("seed").asLong();
    String label = run.path("policy").asText() + " seed " + seed;
    String setting = sets.isEmpty() ? "–" : String.join(", ", sets);
    if (CollabRunKinds.EVAL.equals(kind)) {
      // A non-learning policy on exactly the run's setting, as the run evaluated it.
      CollabEnvBase env = CollabSetup.env(preset, sets);
      Policy policy =
          CollabSetup.policy(run.path("policy").asText(), CollabSetup.config(preset, sets), env);
      return List.of(
          new Labelled(label, setting, of(policy, env, run.path("episodes").asInt(), seed)));
    }
    boolean variants = CollabRunKinds.VARIANTS.equals(kind);
    if (!CollabRunKinds.CURVE.equals(kind) && !variants) {
      throw new ConfigException(
          "run.kind", kind, "must be collab-curve, collab-variants or collab-eval");
    }
    if (!Files.isRegularFile(learnerFile)) {
      throw new ConfigException(
          "run folder", runDir, "a " + kind + " run needs its " + CollabCheckpoints.FINAL);
    }
    boolean quick = run.path("params").path("quick").asText().equals("true");
    CollabConfig config = CollabSetup.config(preset, sets);
    EmhPpo learner =
        CollabSetup.learner(
            run.path("policy").asText(), config, CollabSetup.env(config), quick, seed);
    try {
      learner.load(learnerFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + learnerFile, e);
    }
    int episodes = run.path("episodes").asInt();
    if (variants) {
      // As CollabRunKinds' variants kind evaluates: the evaluation setting extended by each
      // variant, the run's episodes, from the run's seed.
      List<Labelled> out = new ArrayList<>();
      for (List<String> v : CollabRunKinds.variants(run.path("params").path("variants").asText())) {
        List<String> ev = CollabSetup.evalSets(sets);
        ev.addAll(v);
        Profile p = of(learner, CollabSetup.env(preset, ev), episodes, seed);
        out.add(
            new Labelled(v.isEmpty() ? label : label + " · " + String.join(",", v), setting, p));
      }
      return out;
    }
    CollabEnvBase env = CollabSetup.env(preset, CollabSetup.evalSets(sets));
    // The evaluation seed of CollabTraining.trainWithEvaluation.
    Profile p = of(learner, env, episodes, new RandomStreams(seed).seedOf("eval"));
    return List.of(new Labelled(label, setting, p));
  }

  /** One Markdown row: label, setting, latency, energy, then the task-level means. */
  static String row(String label, String setting, Profile p) {
    List<String> names = CollabTraining.metricNames();
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.0f | %.4f | %.2f | %s | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %.1f | %.2f | %.1f"
            + " | %.1f | %.3f |",
        label,
        setting,
        1e3 * p.metrics()[names.indexOf("total_latency_s")],
        p.metrics()[names.indexOf("energy_per_task_j")],
        p.offloadedShare(),
        java.util.Arrays.stream(p.offloadedShareByMd())
            .mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
            .collect(java.util.stream.Collectors.joining(" / ")),
        p.rawInputShare(),
        p.chainCutShare(),
        p.interferedShare(),
        p.powerFraction(),
        p.transmissionMs(),
        p.offloadedMs(),
        p.localMs(),
        p.serverLoad(),
        p.sentKb(),
        p.slowestMs(),
        p.slowerThanLocalShare());
  }

  /**
   * The Markdown table of {@link #row}s, a header first, for the finished run folders {@code
   * runDirs} (each checked before it is profiled).
   *
   * @throws ConfigException when a folder is not a finished {@value CollabRunKinds#CURVE} or
   *     {@value CollabRunKinds#VARIANTS} run with its learner, or {@value CollabRunKinds#EVAL} run
   */
  public static String table(List<Path> runDirs) {
    StringBuilder out =
        new StringBuilder(
            "| run | setting | latency (ms) | energy (J/task) | offloaded | offloaded by MD |"
                + " raw input | chain cut | shared channel | power / P_limit | transmission (ms) | offloaded task (ms) |"
                + " local task (ms) | server load | sent (kB) | slowest task (ms) | offloaded"
                + " slower than local |\n");
    out.append("|---|---|").append("---:|".repeat(15)).append('\n');
    for (Path dir : runDirs) {
      for (Labelled l : labelledRun(dir)) {
        out.append(row(l.label(), l.setting(), l.profile())).append('\n');
      }
    }
    return out.toString();
  }

  /** {@code edgeoffload policy-profile} runs this too; exit 2 on a folder it cannot profile. */
  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: PolicyProfile RUN_DIR...");
      System.exit(2);
    }
    try {
      System.out.print(table(java.util.Arrays.stream(args).map(Path::of).toList()));
    } catch (ConfigException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }
}
