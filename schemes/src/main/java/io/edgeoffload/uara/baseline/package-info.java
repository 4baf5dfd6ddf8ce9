/**
 * The reference schemes of UARA Sec. 6.1: random, max-SINR, max-compute and combined association,
 * each computing locally with probability ε.
 */
package io.edgeoffload.uara.baseline;
