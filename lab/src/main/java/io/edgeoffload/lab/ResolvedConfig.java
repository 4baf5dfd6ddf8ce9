package io.edgeoffload.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * A scheme's configuration resolved from its layers: preset &lt; experiment file &lt; {@code --set}
 * overrides, then bound and validated.
 *
 * @param <C> the scheme's configuration record
 * @param scheme the scheme
 * @param preset the preset name
 * @param config the bound, validated configuration
 * @param configFile the experiment file layered on the preset, or null
 * @param overrides the {@code key=value} overrides, in order
 */
public record ResolvedConfig<C>(
    Scheme<C, ?> scheme, String preset, C config, Path configFile, List<String> overrides) {

  /**
   * Resolves the layers. An experiment file may hold the scheme's keys at the top level, or be a
   * run's {@code config.yaml}, whose {@code config} block is then used.
   *
   * @throws io.edgeoffload.core.config.ConfigException for anything unknown or out of range
   */
  public static <C> ResolvedConfig<C> resolve(
      Scheme<C, ?> scheme, String preset, Path configFile, List<String> overrides) {
    ObjectNode tree = ConfigLoader.readResource(scheme.presetResource(preset));
    if (configFile != null) {
      ObjectNode overlay = ConfigLoader.readFile(configFile);
      JsonNode inner = overlay.get("config");
      if (inner instanceof ObjectNode o && overlay.has("run")) {
        overlay = o;
      }
      ConfigLoader.merge(tree, overlay);
    }
    for (String assignment : overrides) {
      ConfigLoader.set(tree, assignment);
    }
    C config = ConfigLoader.bind(tree, scheme.configType());
    return new ResolvedConfig<>(scheme, preset, config, configFile, List.copyOf(overrides));
  }
}
