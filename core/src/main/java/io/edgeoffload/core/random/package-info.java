/** Seeded random streams: one root seed per run, named child streams for every consumer. */
package io.edgeoffload.core.random;
