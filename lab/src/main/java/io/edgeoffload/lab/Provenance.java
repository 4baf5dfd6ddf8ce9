package io.edgeoffload.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Where a result came from: the code's commit, the Java runtime and the library versions. Written
 * into every run's {@code config.yaml}.
 */
public final class Provenance {
  private Provenance() {}

  private static volatile Map<String, Object> cached;

  /**
   * The provenance block, collected once per JVM (it asks git, which costs milliseconds: too much
   * for every short run of a sweep).
   */
  public static Map<String, Object> cached() {
    Map<String, Object> c = cached;
    if (c == null) {
      c = java.util.Collections.unmodifiableMap(collect());
      cached = c;
    }
    return c;
  }

  /** The provenance block. */
  public static Map<String, Object> collect() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("edgeoffload_version", versions().getProperty("edgeoffload", "unknown"));
    p.put("git_commit", gitCommit());
    p.put("java_version", System.getProperty("java.version"));
    p.put("java_vendor", System.getProperty("java.vendor"));
    p.put("java_vm", System.getProperty("java.vm.name"));
    p.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    p.put("available_processors", Runtime.getRuntime().availableProcessors());
    Map<String, String> libs = new LinkedHashMap<>();
    Properties v = versions();
    for (String name : new String[] {"picocli", "jackson", "xchart", "duckdb"}) {
      libs.put(name, v.getProperty(name, "unknown"));
    }
    p.put("libraries", libs);
    return p;
  }

  private static Properties versions() {
    Properties props = new Properties();
    try (InputStream in = Provenance.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      // Versions are informative; a missing file leaves them "unknown".
    }
    return props;
  }

  /**
   * The git commit of the code: the launcher passes it as {@code -Dedgeoffload.git.commit};
   * otherwise git is asked in the working directory; otherwise "unknown".
   */
  public static String gitCommit() {
    String prop = System.getProperty("edgeoffload.git.commit");
    if (prop != null && !prop.isBlank()) {
      return prop;
    }
    String head = git("rev-parse", "HEAD");
    if (head == null) {
      return "unknown";
    }
    String status = git("status", "--porcelain", "--untracked-files=no");
    return status != null && !status.isBlank() ? head + "-dirty" : head;
  }

  private static String git(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    try {
      Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = proc.getInputStream().readAllBytes();
      if (!proc.waitFor(5, TimeUnit.SECONDS) || proc.exitValue() != 0) {
        return null;
      }
      return new String(out, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
