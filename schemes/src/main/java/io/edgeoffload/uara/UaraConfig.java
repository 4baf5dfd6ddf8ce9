package io.edgeoffload.uara;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.uara.pricing.PricingConfig;

/**
 * A UARA configuration file.
 *
 * @param env the system (Sec. 3, Tables 3 and 4)
 * @param pricing the pricing algorithm's steps and stopping rule (Algorithm 1)
 * @param baseline the baselines' settings (Sec. 6.1)
 */
public record UaraConfig(UaraEnvConfig env, PricingConfig pricing, BaselineConfig baseline) {
  public UaraConfig {
    Check.present("env", env);
    Check.present("pricing", pricing);
    Check.present("baseline", baseline);
  }

  /**
   * @param epsilon probability that a baseline device computes locally (Sec. 6.1: 0.2)
   */
  public record BaselineConfig(double epsilon) {
    public BaselineConfig {
      Check.range("epsilon", epsilon, 0.0, 1.0);
    }
  }
}
