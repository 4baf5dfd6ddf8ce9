/** Small allocation-free helpers for simulators' hot paths. */
package io.edgeoffload.core.util;
