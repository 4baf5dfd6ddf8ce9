package io.edgeoffload.ucms;

import io.edgeoffload.core.config.Check;

/**
 * A UCMS configuration file: the system ({@code env}). Learning algorithms add their own blocks in
 * later versions.
 *
 * @param env the system model of Sec. 3 and its parameters (Table 3)
 */
public record UcmsConfig(UcmsEnvConfig env) {
  public UcmsConfig {
    Check.present("env", env);
  }
}
