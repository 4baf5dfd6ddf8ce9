package io.edgeoffload.runtime.device;

import io.edgeoffload.core.config.ConfigException;

/**
 * Configuration of one device agent, validated.
 *
 * @param deviceId name in records and requests
 * @param host server host
 * @param port server port
 * @param requests number of requests, in [1, {@value #MAX_REQUESTS}]
 * @param ratePerSecond request rate; 0 sends the next request as soon as one completes
 * @param deadlineSeconds per-request deadline for the server's answer, seconds, in (0, 600]
 * @param retrySeconds after the server was unreachable, how long before contacting it again
 * @param inputSeed seed of the inputs (request i uses inputSeed + i)
 * @param verify whether to run the full model locally as well and record the error
 * @param deviceSlowdown emulate a device this many times slower than this machine, at least 1:
 *     after each head or tail run the agent sleeps (F − 1)·t, t the fastest run of that head or
 *     tail so far (the testbed's stand-in for a Raspberry Pi, without burning the shared cores)
 */
public record DeviceConfig(
    String deviceId,
    String host,
    int port,
    int requests,
    double ratePerSecond,
    double deadlineSeconds,
    double retrySeconds,
    long inputSeed,
    boolean verify,
    double deviceSlowdown) {

  /** Most requests per device. */
  public static final int MAX_REQUESTS = 1_000_000;

  /** Validates. */
  public DeviceConfig {
    if (requests < 1 || requests > MAX_REQUESTS) {
      throw new ConfigException("--requests", requests, "must be in [1, " + MAX_REQUESTS + "]");
    }
    if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
      throw new ConfigException(
          "--rate", ratePerSecond, "must be a finite rate >= 0 requests/s (0: back to back)");
    }
    if (!(deadlineSeconds > 0) || deadlineSeconds > 600) {
      throw new ConfigException("--deadline", deadlineSeconds + " s", "must be in (0, 600] s");
    }
    if (!(retrySeconds >= 0) || retrySeconds > 3600) {
      throw new ConfigException("--retry", retrySeconds + " s", "must be in [0, 3600] s");
    }
    if (!(deviceSlowdown >= 1) || deviceSlowdown > 1000) {
      throw new ConfigException("--device-slowdown", deviceSlowdown, "must be in [1, 1000]");
    }
    if (port < 1 || port > 65535) {
      throw new ConfigException("--server", host + ":" + port, "port must be in [1, 65535]");
    }
  }

  /** Parses HOST:PORT. */
  public static String[] parseServer(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new ConfigException("--server", hostPort, "must be HOST:PORT, e.g. 127.0.0.1:50051");
    }
    try {
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new ConfigException("--server", hostPort, "port must be an integer in [1, 65535]");
    }
    return new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
  }

  /** This configuration under another name and input seed (for several devices). */
  public DeviceConfig forDevice(String id, long seed) {
    return new DeviceConfig(
        id,
        host,
        port,
        requests,
        ratePerSecond,
        deadlineSeconds,
        retrySeconds,
        seed,
        verify,
        deviceSlowdown);
  }
}
