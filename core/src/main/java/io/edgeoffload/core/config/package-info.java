/**
 * Configuration: layered YAML (preset &lt; experiment &lt; --set) bound to immutable records that
 * validate themselves; errors name the key, the value and what is allowed.
 */
package io.edgeoffload.core.config;
