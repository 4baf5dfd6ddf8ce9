/**
 * COLLAB (seed 002): task-aware collaborative DNN inference. The system model of Sec. III (eqs.
 * 1–3), the task-aware MDP of Sec. IV-A (eqs. 5–8, {@code collab-v1}) and its time-based
 * counterpart ({@code collab-slotted-v1}), presets from Table III and the scheme wiring.
 */
package io.edgeoffload.collab;
