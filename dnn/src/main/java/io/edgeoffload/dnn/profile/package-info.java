/**
 * Per-operator latency profiles: the measured latency of each compute node of a model on one
 * machine, written by {@code edgeoffload profile} and read by anything that predicts the latency of
 * a partition point (the runtime's policies, later the COLLAB environment in place of its
 * proportional-to-MACs model, MODEL-NOTES COLLAB 3).
 */
package io.edgeoffload.dnn.profile;
