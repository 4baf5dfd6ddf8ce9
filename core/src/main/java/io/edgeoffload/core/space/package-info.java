/** Observation and action spaces. */
package io.edgeoffload.core.space;
