/** Episode metrics defined from per-step info, and the metrics sink. */
package io.edgeoffload.core.metrics;
