/**
 * UCMS (seed 001, Li et al.): the system model of Sec. 3 (eqs. 1–15), the MDP of Sec. 4.2 (eqs.
 * 20–26), presets from Table 3, the environment {@code ucms-v1} and its scheme wiring.
 */
package io.edgeoffload.ucms;
