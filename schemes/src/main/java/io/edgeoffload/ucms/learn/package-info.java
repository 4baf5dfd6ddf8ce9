/**
 * UCMS learners: UCMS_MADDPG (UD actors and critics plus the ESs' critics that approve requests)
 * and its MADDPG baselines, all registered in {@link io.edgeoffload.ucms.learn.UcmsLearners}.
 */
package io.edgeoffload.ucms.learn;
