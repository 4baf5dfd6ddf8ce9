/** Registries: ids to factories, one visible registry per kind, clear errors for unknown ids. */
package io.edgeoffload.core.registry;
