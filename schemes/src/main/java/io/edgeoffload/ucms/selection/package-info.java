/**
 * UD–ES selection (UCMS Sec. 4.1, problem P2): the problem data and the policies that solve it,
 * co-selection (Algorithm 1) and random.
 */
package io.edgeoffload.ucms.selection;
