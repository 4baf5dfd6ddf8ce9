package io.edgeoffload.runtime.server;

import io.edgeoffload.core.config.ConfigException;
import java.util.List;

/**
 * Configuration of an edge server, validated.
 *
 * @param model model id
 * @param host address to bind ({@code 127.0.0.1} in tests)
 * @param port port, 0 for an ephemeral one
 * @param maxSessions most requests admitted at once (queued + running), at least 1
 * @param workers worker threads running tails, in [1, maxSessions]
 * @param points the {@code --points} text: auto, chain, all or a list (see CandidatePoints)
 * @param seed weights seed; must equal the devices'
 * @param maxMessageBytes largest request accepted, bytes; 0 chooses the largest valid request of
 *     the loaded points plus {@value #HEADER_SLACK_BYTES} bytes
 */
public record EdgeServerConfig(
    String model,
    String host,
    int port,
    int maxSessions,
    int workers,
    String points,
    long seed,
    int maxMessageBytes) {

  /** Room for the header fields of a request, bytes. */
  public static final int HEADER_SLACK_BYTES = 4096;

  /** Validates. */
  public EdgeServerConfig {
    if (port < 0 || port > 65535) {
      throw new ConfigException("--port", port, "must be in [0, 65535] (0: any free port)");
    }
    if (maxSessions < 1 || maxSessions > 100_000) {
      throw new ConfigException("--max-sessions", maxSessions, "must be in [1, 100000]");
    }
    if (workers < 1 || workers > maxSessions) {
      throw new ConfigException(
          "--workers", workers, "must be in [1, --max-sessions = " + maxSessions + "]");
    }
    if (maxMessageBytes < 0) {
      throw new ConfigException(
          "--max-message", maxMessageBytes, "must be a positive byte count, or 0 for automatic");
    }
    if (host == null || host.isBlank()) {
      throw new ConfigException("--host", host, "must be an address to bind, e.g. 127.0.0.1");
    }
  }

  /** Defaults for tests: loopback, ephemeral port, 4 sessions, 1 worker. */
  public static EdgeServerConfig loopback(String model, List<Integer> points) {
    return new EdgeServerConfig(
        model,
        "127.0.0.1",
        0,
        4,
        1,
        String.join(",", points.stream().map(String::valueOf).toList()),
        io.edgeoffload.runtime.model.SplitModel.DEFAULT_SEED,
        0);
  }

  /** This configuration with other session and worker limits. */
  public EdgeServerConfig withSessions(int newMaxSessions, int newWorkers) {
    return new EdgeServerConfig(
        model, host, port, newMaxSessions, newWorkers, points, seed, maxMessageBytes);
  }

  /** This configuration with another message limit. */
  public EdgeServerConfig withMaxMessageBytes(int bytes) {
    return new EdgeServerConfig(model, host, port, maxSessions, workers, points, seed, bytes);
  }

  /** This configuration on another port. */
  public EdgeServerConfig withPort(int newPort) {
    return new EdgeServerConfig(
        model, host, newPort, maxSessions, workers, points, seed, maxMessageBytes);
  }
}
