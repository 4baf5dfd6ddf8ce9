/**
 * Unit conversions (dBm, dB, MB, GHz, MJ) and typed configuration quantities. Everything inside the
 * code is SI; this package is the only place that knows other units.
 */
package io.edgeoffload.core.units;
