package io.edgeoffload.cli;

import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.Schemes;

/** Resolution of {@link ConfigOptions} into a validated configuration. */
final class Configs {
  private Configs() {}

  static ResolvedConfig<?> resolve(ConfigOptions o) {
    Scheme<?, ?> scheme = Schemes.get(o.scheme);
    String preset = o.preset != null ? o.preset : scheme.presets().ids().get(0);
    return resolveTyped(scheme, preset, o);
  }

  private static <C> ResolvedConfig<C> resolveTyped(
      Scheme<C, ?> scheme, String preset, ConfigOptions o) {
    return ResolvedConfig.resolve(scheme, preset, o.configFile, o.overrides);
  }

  static void positive(String option, long value) {
    if (value < 1) {
      throw new ConfigException(option, value, "must be >= 1");
    }
  }
}
