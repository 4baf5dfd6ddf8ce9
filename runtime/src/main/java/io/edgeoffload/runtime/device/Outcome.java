package io.edgeoffload.runtime.device;

/** How a request was completed. */
public enum Outcome {
  /** The policy chose s = S: everything ran on the device. */
  LOCAL,
  /** The server ran the tail and answered in time. */
  OFFLOADED,
  /**
   * The server could not be reached or died mid-request ({@code UNAVAILABLE}): tail run locally.
   */
  FALLBACK_UNREACHABLE,
  /** The server did not answer before the deadline: tail run locally. */
  FALLBACK_DEADLINE,
  /** The server shed the request ({@code RESOURCE_EXHAUSTED}): tail run locally. */
  FALLBACK_SHED,
  /** The server rejected the request ({@code INVALID_ARGUMENT}): tail run locally. */
  FALLBACK_REJECTED,
  /**
   * Any other failure (a bad reply, {@code INTERNAL}, {@code CANCELLED} by the server's side): tail
   * run locally.
   */
  FALLBACK_ERROR;

  /** Whether the device completed the request itself after trying the server. */
  public boolean isFallback() {
    return this != LOCAL && this != OFFLOADED;
  }
}
