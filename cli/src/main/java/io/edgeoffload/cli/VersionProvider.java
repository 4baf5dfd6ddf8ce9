package io.edgeoffload.cli;

import io.edgeoffload.lab.Provenance;
import java.util.Map;
import picocli.CommandLine;

/** {@code --version}: the project version, commit and runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    Map<String, Object> p = Provenance.collect();
    return new String[] {
      "edgeoffload " + p.get("edgeoffload_version"),
      "commit " + p.get("git_commit"),
      "java " + p.get("java_version") + " (" + p.get("java_vendor") + ")"
    };
  }
}
