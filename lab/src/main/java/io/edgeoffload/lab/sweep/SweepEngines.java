package io.edgeoffload.lab.sweep;

import io.edgeoffload.core.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Engines by name: {@code threads} (built in) and whatever {@link SweepEngine.Provider}s the class
 * path carries ({@code spark} when the spark module is on it: the launcher adds it for {@code
 * --engine spark}).
 */
public final class SweepEngines {
  private SweepEngines() {}

  /** Names of the engines on the class path. */
  public static List<String> names() {
    List<String> out = new ArrayList<>(List.of("threads"));
    for (SweepEngine.Provider p : ServiceLoader.load(SweepEngine.Provider.class)) {
      out.add(p.name());
    }
    return out;
  }

  /**
   * The engine {@code name}, made with {@code options}.
   *
   * @throws ConfigException for a name that is not on the class path
   */
  public static SweepEngine create(String name, SweepEngine.Options options) {
    if (name.equals("threads")) {
      return new ThreadPoolEngine(options.parallelism());
    }
    for (SweepEngine.Provider p : ServiceLoader.load(SweepEngine.Provider.class)) {
      if (p.name().equals(name)) {
        return p.create(options);
      }
    }
    throw new ConfigException(
        "--engine",
        name,
        "not on this class path; available: "
            + names()
            + (name.equals("spark")
                ? " (Spark lives in the spark module: run through ./edgeoffload, which adds it)"
                : ""));
  }
}
