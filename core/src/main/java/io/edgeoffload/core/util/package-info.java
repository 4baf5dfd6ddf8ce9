/**
 * Small helpers for simulators' hot paths: allocation-free sorting, and how episode loops end when
 * interrupted.
 */
package io.edgeoffload.core.util;
