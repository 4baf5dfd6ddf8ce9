package io.edgeoffload.lab.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.lab.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep, as written in YAML: a grid (and/or a list of points) over configuration keys × policies
 * (and learners) × seeds, with a budget per run.
 *
 * <pre>
 * name: ucms-small                # required; labels the runs
 * scheme: ucms                    # required
 * preset: ucms-kb                 # required
 * set: [env.slotsPerEpisode=10]   # fixed overrides of every run
 * grid:                           # cartesian product over keys (values as in --set)
 *   env.numUsers: [6, 12]
 * points:                         # explicit points (each a map of key: value), crossed with grid
 *   - {env.numServers: 2}
 * policies: [random, greedy]      # evaluation runs
 * train:                          # learner runs: train, then evaluate
 *   algos: [ucms-maddpg]
 *   episodes: 50                  # training episodes per run
 *   set: [maddpg.batchSize=32]    # overrides for the learner runs only
 *   probe: {every: 100, episodes: 10}  # optional: the deterministic policy every 100 episodes
 *                                 # (add select: best to evaluate the best probed learner)
 *   kind: collab-curve            # optional: another run kind for the learner runs (default
 *   params: {steps: 1500000, every: 150000, quick: false}  # train), with that kind's params
 *                                 # instead of episodes and probe (see `edgeoffload list`)
 * seeds: 1-5                      # or a list [1, 2, 3]
 * episodes: 20                    # evaluation episodes per run
 * </pre>
 *
 * Every problem is a {@link ConfigException} naming the key (exit code 2).
 *
 * @param text the spec as written (stored with the results)
 */
public record SweepSpec(
    String name,
    String scheme,
    String preset,
    List<String> set,
    List<Map<String, String>> points,
    List<String> policies,
    List<String> trainAlgos,
    int trainEpisodes,
    List<String> trainSet,
    String trainKind,
    Map<String, String> trainParams,
    int probeEvery,
    int probeEpisodes,
    boolean selectBest,
    List<Long> seeds,
    int episodes,
    String text) {

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "description",
          "scheme",
          "preset",
          "set",
          "grid",
          "points",
          "policies",
          "train",
          "seeds",
          "episodes");
  private static final Set<String> TRAIN_KEYS =
      Set.of("algos", "episodes", "set", "probe", "kind", "params");

  /** The learner runs' kind unless {@code train.kind} names another. */
  public static final String TRAIN = "train";

  private static final Set<String> PROBE_KEYS = Set.of("every", "episodes", "select");

  public SweepSpec {
    set = List.copyOf(set);
    points = List.copyOf(points);
    policies = List.copyOf(policies);
    trainAlgos = List.copyOf(trainAlgos);
    trainSet = List.copyOf(trainSet);
    trainParams = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(trainParams));
    seeds = List.copyOf(seeds);
  }

  /** Reads and checks a spec file. */
  public static SweepSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("sweep", file, "cannot be read: " + e.getMessage());
    }
    return parse(text);
  }

  /** Parses and checks a spec. */
  public static SweepSpec parse(String text) {
    JsonNode root;
    try {
      root = ConfigLoader.yaml().readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("sweep", "(file)", "is not valid YAML: " + e.getOriginalMessage());
    }
    if (!(root instanceof ObjectNode o)) {
      throw new ConfigException("sweep", "(file)", "must be a map of keys " + sorted(KEYS));
    }
    unknown(o, KEYS, "");
    String name = string(o, "name", null);
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new ConfigException("name", name, "use letters, digits, '.', '_' and '-' only");
    }
    String scheme = string(o, "scheme", null);
    String preset = string(o, "preset", null);
    List<String> set = strings(o.get("set"), "set");
    List<Map<String, String>> points = points(o);
    List<String> policies = strings(o.get("policies"), "policies");
    List<String> algos = List.of();
    int trainEpisodes = 0;
    List<String> trainSet = List.of();
    String trainKind = TRAIN;
    Map<String, String> trainParams = Map.of();
    int probeEvery = 0;
    int probeEpisodes = 0;
    boolean selectBest = false;
    JsonNode train = o.get("train");
    if (train != null) {
      if (!(train instanceof ObjectNode t)) {
        throw new ConfigException("train", train, "must be a map of keys " + sorted(TRAIN_KEYS));
      }
      unknown(t, TRAIN_KEYS, "train.");
      algos = strings(t.get("algos"), "train.algos");
      if (algos.isEmpty()) {
        throw new ConfigException("train.algos", "[]", "name at least one learner");
      }
      trainKind = string(t, "kind", TRAIN);
      trainParams = params(t.get("params"));
      if (trainKind.equals(TRAIN)) {
        if (!trainParams.isEmpty()) {
          throw new ConfigException(
              "train.params", t.get("params"), "only with another train.kind than train");
        }
        trainEpisodes = integer(t, "episodes", "train.episodes", 1);
      } else {
        for (String k : List.of("episodes", "probe")) {
          if (t.has(k)) {
            throw new ConfigException(
                "train." + k,
                t.get(k),
                "belongs to train.kind train; kind " + trainKind + " takes its budget in params");
          }
        }
      }
      trainSet = strings(t.get("set"), "train.set");
      JsonNode probe = t.get("probe");
      if (probe != null) {
        if (!(probe instanceof ObjectNode pr)) {
          throw new ConfigException(
              "train.probe", probe, "must be a map of keys " + sorted(PROBE_KEYS));
        }
        unknown(pr, PROBE_KEYS, "train.probe.");
        probeEvery = integer(pr, "every", "train.probe.every", 1);
        probeEpisodes = integer(pr, "episodes", "train.probe.episodes", 1);
        JsonNode select = pr.get("select");
        if (select != null) {
          String v = select.asText();
          if (!select.isTextual() || !(v.equals("best") || v.equals("last"))) {
            throw new ConfigException(
                "train.probe.select",
                select,
                "must be best (evaluate the learner of the best probe) or last (the default)");
          }
          selectBest = v.equals("best");
        }
      }
    }
    if (policies.isEmpty() && algos.isEmpty()) {
      throw new ConfigException(
          "policies", "[]", "name at least one policy (or learners under train.algos)");
    }
    List<Long> seeds = seeds(o.get("seeds"));
    int episodes = integer(o, "episodes", "episodes", policies.isEmpty() ? 0 : 1);
    return new SweepSpec(
        name,
        scheme,
        preset,
        set,
        points,
        policies,
        algos,
        trainEpisodes,
        trainSet,
        trainKind,
        trainParams,
        probeEvery,
        probeEpisodes,
        selectBest,
        seeds,
        episodes,
        text);
  }

  /** {@code train.params}: a map of single values, read as text. */
  private static Map<String, String> params(JsonNode v) {
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!(v instanceof ObjectNode o)) {
      throw new ConfigException("train.params", v, "must be a map of key: value");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<String> it = o.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!o.get(k).isValueNode()) {
        throw new ConfigException("train.params." + k, o.get(k), "must be a single value");
      }
      out.put(k, o.get(k).asText());
    }
    return out;
  }

  private static void unknown(ObjectNode o, Set<String> allowed, String prefix) {
    Iterator<String> it = o.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new ConfigException(
            prefix + k, o.get(k), "unknown key; valid keys: " + sorted(allowed));
      }
    }
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  private static String string(ObjectNode o, String key, String fallback) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw new ConfigException(key, "(missing)", "is required");
      }
      return fallback;
    }
    if (!v.isValueNode()) {
      throw new ConfigException(key, v, "must be a single value");
    }
    return v.asText();
  }

  private static int integer(ObjectNode o, String key, String label, int min) {
    JsonNode v = o.get(key);
    if (v == null) {
      if (min == 0) {
        return 0;
      }
      throw new ConfigException(label, "(missing)", "is required (an integer ≥ " + min + ")");
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min) {
      throw new ConfigException(label, v, "must be an integer ≥ " + min);
    }
    return v.asInt();
  }

  private static List<String> strings(JsonNode v, String key) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode e : v) {
        if (!e.isValueNode()) {
          throw new ConfigException(key, e, "must be a list of single values");
        }
        out.add(e.asText());
      }
    } else if (v.isValueNode()) {
      out.add(v.asText());
    } else {
      throw new ConfigException(key, v, "must be a list");
    }
    return out;
  }

  /** The value of a grid or point entry as {@code --set} reads it, and as a label. */
  private static String valueText(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** points × grid, in order; one empty point when neither is given. */
  private static List<Map<String, String>> points(ObjectNode o) {
    List<Map<String, String>> base = new ArrayList<>();
    JsonNode pts = o.get("points");
    if (pts != null && !pts.isNull()) {
      if (!pts.isArray() || pts.isEmpty()) {
        throw new ConfigException("points", pts, "must be a non-empty list of maps key: value");
      }
      int i = 0;
      for (JsonNode p : pts) {
        if (!(p instanceof ObjectNode po)) {
          throw new ConfigException("points[" + i + "]", p, "must be a map key: value");
        }
        Map<String, String> m = new LinkedHashMap<>();
        po.fields().forEachRemaining(e -> m.put(e.getKey(), valueText(e.getValue())));
        base.add(m);
        i++;
      }
    } else {
      base.add(new LinkedHashMap<>());
    }
    JsonNode grid = o.get("grid");
    if (grid == null || grid.isNull()) {
      return base;
    }
    if (!(grid instanceof ObjectNode g) || g.isEmpty()) {
      throw new ConfigException("grid", grid, "must be a map key: [values]");
    }
    List<Map<String, String>> out = base;
    Iterator<Map.Entry<String, JsonNode>> it = g.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode values = e.getValue();
      if (!values.isArray() || values.isEmpty()) {
        throw new ConfigException(
            "grid." + e.getKey(), values, "must be a non-empty list of values");
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> p : out) {
        for (JsonNode v : values) {
          Map<String, String> m = new LinkedHashMap<>(p);
          m.put(e.getKey(), valueText(v));
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  private static List<Long> seeds(JsonNode v) {
    if (v == null || v.isNull()) {
      throw new ConfigException("seeds", "(missing)", "is required: a list [1, 2] or a range 1-5");
    }
    List<Long> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode e : v) {
        if (!e.isIntegralNumber()) {
          throw new ConfigException("seeds", e, "must be integers");
        }
        out.add(e.asLong());
      }
    } else if (v.isIntegralNumber()) {
      out.add(v.asLong());
    } else {
      out.addAll(Seeds.parse("seeds", v.asText().trim()));
    }
    if (out.isEmpty()) {
      throw new ConfigException("seeds", v, "name at least one seed");
    }
    return Seeds.distinct("seeds", v, out);
  }
}
