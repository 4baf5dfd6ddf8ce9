package io.edgeoffload.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A configuration record whose run identity is not its whole tree. A block or key added to a
 * scheme's configuration after runs were made (COLLAB's {@code learner} block and {@code
 * env.rewardPerTask}) is left out of the identity while it holds its default, so that those runs
 * keep their ids; a changed value enters it.
 */
public interface IdentityTree {
  /** The tree a run id hashes: {@link ConfigLoader#toTree} less what holds its late default. */
  ObjectNode identityTree();
}
