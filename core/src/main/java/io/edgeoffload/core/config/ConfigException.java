package io.edgeoffload.core.config;

/**
 * Bad configuration or bad usage: an unknown key or id, a value out of range, a malformed value.
 * The message names the key, the value and what is allowed. The command line maps it to exit code
 * 2, and nothing is written.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String value;
  private final String problem;

  /**
   * @param key the configuration key (dotted path) or what was given ("policy", "--out")
   * @param value the value given
   * @param problem what is wrong and what is allowed
   */
  public ConfigException(String key, Object value, String problem) {
    super(format(key, value, problem));
    this.key = key;
    this.value = String.valueOf(value);
    this.problem = problem;
  }

  /** A problem that is not about one key's value (e.g. a malformed file). */
  public ConfigException(String message) {
    super(message);
    this.key = "";
    this.value = "";
    this.problem = message;
  }

  private static String format(String key, Object value, String problem) {
    return key + " = '" + value + "': " + problem;
  }

  public String key() {
    return key;
  }

  public String value() {
    return value;
  }

  public String problem() {
    return problem;
  }

  /** The same problem, with the key placed under {@code prefix} ("env" + "numUsers"). */
  public ConfigException under(String prefix) {
    if (prefix.isEmpty() || key.isEmpty()) {
      return this;
    }
    ConfigException e = new ConfigException(prefix + "." + key, value, problem);
    e.initCause(this);
    return e;
  }
}
