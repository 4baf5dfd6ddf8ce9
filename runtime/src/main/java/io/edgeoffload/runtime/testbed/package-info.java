/**
 * Analysis of the emulated wireless testbed (COLLAB Sec. V-G, Fig. 15): measured latency of
 * local-only and split runs per number of devices, and the prediction of COLLAB eq. (2) for the
 * same decisions.
 */
package io.edgeoffload.runtime.testbed;
