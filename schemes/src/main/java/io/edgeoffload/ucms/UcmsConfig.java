package io.edgeoffload.ucms;

import io.edgeoffload.core.config.Check;
import io.edgeoffload.rl.maddpg.MaddpgConfig;
import io.edgeoffload.ucms.learn.UcmsLearners;

/**
 * A UCMS configuration file: the system ({@code env}) and the learners' hyper-parameters ({@code
 * maddpg}, shared by UCMS_MADDPG and its baselines; Sec. 5.1's values when the block is absent).
 *
 * @param env the system model of Sec. 3 and its parameters (Table 3)
 * @param maddpg the learners' hyper-parameters
 */
public record UcmsConfig(UcmsEnvConfig env, MaddpgConfig maddpg) {
  public UcmsConfig {
    Check.present("env", env);
    if (maddpg == null) {
      maddpg = UcmsLearners.paperDefaults(env);
    }
  }

  /** The system with Sec. 5.1's learner settings. */
  public UcmsConfig(UcmsEnvConfig env) {
    this(env, null);
  }
}
