/**
 * Physics shared by the schemes: radio (Shannon rate), compute (cycles, dynamic energy), battery.
 * Paper-specific formulas live in the scheme packages and cite their equations there.
 */
package io.edgeoffload.core.physics;
