/**
 * Closed-form resource allocation for a fixed association (UARA eqs. 22–24), the objective it
 * yields (problem P5 plus the local costs), the memory constraint (13), and a breakdown of an
 * association into delays and energies for the metrics.
 */
package io.edgeoffload.uara.allocation;
