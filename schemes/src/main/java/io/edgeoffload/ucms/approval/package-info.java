/**
 * The ES's approval step (UCMS action A_m, eq. 24) as a pluggable strategy; the environment
 * enforces subchannels (15i) and storage (15j) whatever the strategy ranks.
 */
package io.edgeoffload.ucms.approval;
