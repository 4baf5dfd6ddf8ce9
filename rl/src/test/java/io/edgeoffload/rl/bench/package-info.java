/** A benchmark of the rl data structures, run by hand (not a test); see docs/performance.md. */
package io.edgeoffload.rl.bench;
