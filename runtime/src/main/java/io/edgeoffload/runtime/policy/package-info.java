/**
 * Split policies: per request, the partition point s (s = S: everything local) from what the device
 * observes. {@link io.edgeoffload.runtime.policy.SplitPolicies} is the registry; the COLLAB learned
 * policies register there when they exist (issue 7).
 */
package io.edgeoffload.runtime.policy;
