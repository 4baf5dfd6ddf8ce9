/**
 * The exact solver for small instances: every one of the (N_ES+1)^N_MD associations with its
 * closed-form allocation, used by tests and by {@code uara solve --verify}.
 */
package io.edgeoffload.uara.exhaustive;
