package io.edgeoffload.runtime.policy;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.core.registry.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The registry of split policies. {@link #create} also accepts {@code point:S} (always s, when the
 * server serves it) and, later, a directory holding a trained COLLAB policy.
 */
public final class SplitPolicies {

  /** Prefix of the fixed-point family. */
  public static final String POINT_PREFIX = "point:";

  private static final Registry<Supplier<SplitPolicy>> REGISTRY = build();

  private SplitPolicies() {}

  private static Registry<Supplier<SplitPolicy>> build() {
    Registry<Supplier<SplitPolicy>> r = new Registry<>("split policy");
    r.register(
        LatencyOptimalPolicy.ID,
        "per request, the point (or local) minimising predicted latency (COLLAB eq. 2) from"
            + " measured bandwidth, server queue and service times, and the device profile",
        LatencyOptimalPolicy::new);
    r.register(
        "local-only",
        "everything on the device (s = S)",
        () -> new FixedPointPolicy("local-only", Integer.MAX_VALUE));
    return r;
  }

  /** The registry (ids and descriptions, for {@code list}). */
  public static Registry<Supplier<SplitPolicy>> registry() {
    return REGISTRY;
  }

  /**
   * A policy from an id, {@code point:S}, or a directory.
   *
   * @throws ConfigException naming {@code --policy} and what is allowed
   */
  public static SplitPolicy create(String idOrDir) {
    if (idOrDir.startsWith(POINT_PREFIX)) {
      try {
        int s = Integer.parseInt(idOrDir.substring(POINT_PREFIX.length()));
        if (s < 1) {
          throw new NumberFormatException();
        }
        return new FixedPointPolicy(idOrDir, s);
      } catch (NumberFormatException e) {
        throw new ConfigException("--policy", idOrDir, "point:S needs a positive integer S");
      }
    }
    if (REGISTRY.contains(idOrDir)) {
      return REGISTRY.get(idOrDir).get();
    }
    if (Files.isDirectory(Path.of(idOrDir))) {
      throw new ConfigException(
          "--policy",
          idOrDir,
          "loading a trained policy from a directory needs the COLLAB policies (issue 7), which do"
              + " not exist yet; use one of "
              + REGISTRY.ids()
              + " or point:S");
    }
    throw new ConfigException(
        "--policy",
        idOrDir,
        "unknown split policy; valid: " + REGISTRY.ids() + ", point:S, or a trained policy's DIR");
  }
}
