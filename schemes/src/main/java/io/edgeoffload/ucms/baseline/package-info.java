/** UCMS's non-learning policies: all-local, all-offload, random, greedy. */
package io.edgeoffload.ucms.baseline;
