package io.edgeoffload.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that choose and adjust a configuration, shared by the subcommands. */
final class ConfigOptions {
  @Option(
      names = "--scheme",
      defaultValue = "ucms",
      description = "Scheme id (see `edgeoffload list`). Default: ${DEFAULT-VALUE}.")
  String scheme;

  @Option(
      names = "--preset",
      description = "Preset of the scheme (see `edgeoffload list`). Default: the scheme's first.")
  String preset;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file layered on the preset (a run's config.yaml works too).")
  Path configFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one key, e.g. --set env.numUsers=12 --set env.txPowerMax=20dBm.")
  List<String> overrides = new ArrayList<>();
}
