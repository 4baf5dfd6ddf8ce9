/**
 * Non-learning COLLAB policies: local inference only, uniform random, and Neurosurgeon-style greedy
 * partitioning over chain cuts ({@code neurosurgeon}) or every operator-level point ({@code
 * greedy}).
 */
package io.edgeoffload.collab.baseline;
