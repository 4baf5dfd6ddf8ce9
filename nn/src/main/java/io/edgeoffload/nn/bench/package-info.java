/** The learning core's benchmark, run by {@code edgeoffload bench nn}. */
package io.edgeoffload.nn.bench;
