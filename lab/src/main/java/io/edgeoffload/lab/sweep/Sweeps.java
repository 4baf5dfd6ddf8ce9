package io.edgeoffload.lab.sweep;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.Schemes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Planning: from a {@link SweepSpec} to its runs, each resolved, validated and identified. */
public final class Sweeps {
  private Sweeps() {}

  /**
   * The runs of a sweep, in the order points × (policies, then learners) × seeds. Every point's
   * configuration is resolved and validated here, so a bad key fails before anything runs.
   *
   * @throws ConfigException naming the bad key (under {@code set.}, {@code grid.}/{@code points.}
   *     or {@code train.set.}), policy or learner
   */
  public static List<RunSpec> plan(SweepSpec spec) {
    Scheme<?, ?> scheme = Schemes.get(spec.scheme());
    if (!scheme.presets().contains(spec.preset())) {
      throw new ConfigException(
          "preset",
          spec.preset(),
          "unknown preset of " + spec.scheme() + "; valid: " + scheme.presets().ids());
    }
    for (String p : spec.policies()) {
      if (!scheme.policies().contains(p)) {
        throw new ConfigException(
            "policies",
            p,
            "unknown policy of " + spec.scheme() + "; valid: " + scheme.policies().ids());
      }
    }
    for (String a : spec.trainAlgos()) {
      if (!scheme.learners().contains(a)) {
        throw new ConfigException(
            "train.algos",
            a,
            "unknown learner of " + spec.scheme() + "; valid: " + scheme.learners().ids());
      }
    }
    if (!RunKinds.registry().contains(spec.trainKind())) {
      throw new ConfigException(
          "train.kind", spec.trainKind(), "unknown run kind; valid: " + RunKinds.registry().ids());
    }
    resolve(spec, List.of(), "set", spec.set());
    List<RunSpec> runs = new ArrayList<>();
    for (Map<String, String> point : spec.points()) {
      List<String> pointSets = new ArrayList<>();
      point.forEach((k, v) -> pointSets.add(k + "=" + v));
      List<String> overrides = new ArrayList<>(spec.set());
      overrides.addAll(pointSets);
      ResolvedConfig<?> evalConfig = resolve(spec, spec.set(), "grid", pointSets);
      for (String policy : spec.policies()) {
        for (long seed : spec.seeds()) {
          runs.add(
              spec(
                  spec,
                  "eval",
                  overrides,
                  evalConfig.config(),
                  policy,
                  seed,
                  spec.episodes(),
                  0,
                  point));
        }
      }
      if (!spec.trainAlgos().isEmpty()) {
        List<String> trainOverrides = new ArrayList<>(overrides);
        trainOverrides.addAll(spec.trainSet());
        ResolvedConfig<?> trainConfig = resolve(spec, overrides, "train.set", spec.trainSet());
        for (String algo : spec.trainAlgos()) {
          for (long seed : spec.seeds()) {
            runs.add(
                identified(
                    spec.name(),
                    spec.trainKind(),
                    spec.scheme(),
                    spec.preset(),
                    trainOverrides,
                    trainConfig.config(),
                    algo,
                    seed,
                    spec.episodes(),
                    spec.trainEpisodes(),
                    spec.trainKind().equals(SweepSpec.TRAIN)
                        ? trainParams(spec)
                        : spec.trainParams(),
                    point));
          }
        }
      }
    }
    // Two points that resolve to one configuration are one run (listed once).
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<RunSpec> unique = new ArrayList<>();
    for (RunSpec r : runs) {
      if (seen.add(r.id())) {
        RunKinds.get(r.kind()).validate(r);
        unique.add(r);
      }
    }
    return unique;
  }

  /** A training run's kind parameters: the probes, when the spec asks for them (else none). */
  private static Map<String, String> trainParams(SweepSpec spec) {
    if (spec.probeEvery() == 0) {
      return Map.of();
    }
    Map<String, String> p = new java.util.LinkedHashMap<>();
    p.put(RunKinds.Train.PROBE_EVERY, Integer.toString(spec.probeEvery()));
    p.put(RunKinds.Train.PROBE_EPISODES, Integer.toString(spec.probeEpisodes()));
    if (spec.selectBest()) { // only when asked: the ids of runs without it do not change
      p.put(RunKinds.Train.SELECT, "best");
    }
    return p;
  }

  /** A run spec, identified by the hash of its resolved configuration. */
  public static RunSpec spec(
      SweepSpec sweep,
      String kind,
      List<String> overrides,
      Object config,
      String policy,
      long seed,
      int episodes,
      int trainEpisodes,
      Map<String, String> point) {
    return identified(
        sweep.name(),
        kind,
        sweep.scheme(),
        sweep.preset(),
        overrides,
        config,
        policy,
        seed,
        episodes,
        trainEpisodes,
        Map.of(),
        point);
  }

  /** A run spec with any kind's parameters, its id computed from the resolved {@code config}. */
  public static RunSpec identified(
      String sweep,
      String kind,
      String scheme,
      String preset,
      List<String> overrides,
      Object config,
      String policy,
      long seed,
      int episodes,
      int trainEpisodes,
      Map<String, String> params,
      Map<String, String> point) {
    String id =
        RunIds.of(
            RunIds.canonical(kind, scheme, config, policy, seed, episodes, trainEpisodes, params));
    return new RunSpec(
        id,
        sweep,
        kind,
        scheme,
        preset,
        overrides,
        policy,
        seed,
        episodes,
        trainEpisodes,
        params,
        point);
  }

  private static ResolvedConfig<?> resolve(
      SweepSpec spec, List<String> base, String where, List<String> more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(more);
    try {
      return ResolvedConfig.resolve(Schemes.get(spec.scheme()), spec.preset(), null, all);
    } catch (ConfigException e) {
      // The base was resolved before, so the bad key is one of `more`: name where it was written.
      throw e.under(where);
    }
  }
}
