/** Reusable contract tests that every environment and policy test extends. */
package io.edgeoffload.core.testing;
