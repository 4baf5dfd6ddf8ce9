package io.edgeoffload.collab;

import io.edgeoffload.core.config.Check;

/**
 * A COLLAB configuration file: the system ({@code env}).
 *
 * @param env the system model of Sec. III and its parameters (Table III)
 */
public record CollabConfig(CollabEnvConfig env) {
  public CollabConfig {
    Check.present("env", env);
  }
}
