/**
 * The pricing-based distributed association of UARA Algorithm 1: servers broadcast prices, each
 * device picks by (29), each server updates its prices by sub-gradient steps (31), with the best
 * dual value tracked (Proposition 1) and the best recovered association kept.
 */
package io.edgeoffload.uara.pricing;
