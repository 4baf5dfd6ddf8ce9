package io.edgeoffload.lab.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a sweep, complete enough to execute anywhere (a thread here, a Spark task on another
 * machine): what to do ({@code kind}), on which scenario ({@code scheme}, {@code preset}, {@code
 * overrides} in order), with which policy or learner, for how long, from which root seed.
 *
 * <p>A run is identified by {@link #id()}, a hash of its <em>resolved</em> configuration (the
 * scheme's bound config tree after every layer), the kind, policy, budget and seed, computed once
 * when the sweep is planned ({@link Sweeps#plan}). Two specs that resolve to the same configuration
 * are the same run, whatever their labels say.
 *
 * @param id the run's hash (16 hex digits), from {@link RunIds#of}
 * @param sweep the name of the sweep that planned it (a label, not part of the identity)
 * @param kind how to execute it: a {@link RunKinds} id ({@code eval}, {@code train}, ...)
 * @param scheme scheme id
 * @param preset preset name
 * @param overrides {@code key=value} assignments applied to the preset, in order
 * @param policy policy id for {@code eval}, learner (algorithm) id for {@code train}
 * @param seed root seed
 * @param episodes evaluation episodes
 * @param trainEpisodes training episodes ({@code 0} for runs that do not train)
 * @param params kind-specific settings that are part of the identity (e.g. training steps), sorted
 * @param point the sweep point's labels (grid key → value), for grouping in reports and queries
 */
public record RunSpec(
    String id,
    String sweep,
    String kind,
    String scheme,
    String preset,
    List<String> overrides,
    String policy,
    long seed,
    int episodes,
    int trainEpisodes,
    Map<String, String> params,
    Map<String, String> point)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public RunSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(policy, "policy");
    overrides = List.copyOf(overrides);
    params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
    point = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(point));
  }

  /** The point's labels as one string, {@code key=value, key=value} (empty for no grid). */
  public String pointLabel() {
    StringBuilder sb = new StringBuilder();
    point.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          sb.append(k).append('=').append(v);
        });
    return sb.toString();
  }

  /** A kind-specific setting, or {@code fallback}. */
  public String param(String key, String fallback) {
    return params.getOrDefault(key, fallback);
  }
}
