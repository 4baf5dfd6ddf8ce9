/**
 * The lab: resolves configurations, runs policies on schemes, and writes what a reader needs (run
 * folders, statistics with confidence intervals, comparisons, plots). Algorithms never write files;
 * the lab does.
 */
package io.edgeoffload.lab;
