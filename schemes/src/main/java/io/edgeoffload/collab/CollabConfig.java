package io.edgeoffload.collab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.collab.learn.CollabLearnerConfig;
import io.edgeoffload.core.config.Check;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.core.config.IdentityTree;

/**
 * A COLLAB configuration file: the system ({@code env}) and the hyper-parameters the learners share
 * ({@code learner}; Table III's and ours where the paper gives none when the block is absent).
 *
 * @param env the system model of Sec. III and its parameters (Table III)
 * @param learner EMH-PPO's and its learned baselines' shared hyper-parameters
 */
public record CollabConfig(CollabEnvConfig env, CollabLearnerConfig learner)
    implements IdentityTree {
  public CollabConfig {
    Check.present("env", env);
    if (learner == null) {
      learner = CollabLearnerConfig.paper();
    }
  }

  /** The system with the paper's learner settings. */
  public CollabConfig(CollabEnvConfig env) {
    this(env, null);
  }

  /**
   * The whole tree, less what came after the first full-budget runs while it holds its default, so
   * that those runs keep their ids: {@code learner} while it equals {@link
   * CollabLearnerConfig#paper()}, {@code env.rewardPerTask} while true (eq. 8 as printed) and
   * {@code env.slotReward} while {@code elapsed}.
   */
  @Override
  public ObjectNode identityTree() {
    ObjectNode tree = ConfigLoader.toTree(this);
    if (learner.equals(CollabLearnerConfig.paper())) {
      tree.remove("learner");
    }
    if (env.rewardPerTask()) {
      ((ObjectNode) tree.get("env")).remove("rewardPerTask");
    }
    if (env.slotReward().equals(CollabEnvConfig.SLOT_REWARD_ELAPSED)) {
      ((ObjectNode) tree.get("env")).remove("slotReward");
    }
    return tree;
  }
}
