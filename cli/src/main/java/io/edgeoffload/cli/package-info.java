/** The {@code edgeoffload} command line (picocli): run, list, demo, bench. */
package io.edgeoffload.cli;
