package io.edgeoffload.runtime.wire;

/** A message that does not decode, or does not fit what the server loaded. */
public final class MalformedMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A message naming what is wrong. */
  public MalformedMessageException(String message) {
    super(message);
  }
}
