/**
 * The report of a sweep root: reads {@code ROOT/results.duckdb}, aggregates each headline metric
 * over seeds per point and policy (mean and Student-t 95% interval), and writes a self-contained
 * {@code report.html} with its figures inline, the tables as Markdown and booktabs LaTeX, and the
 * figures as PNG and SVG for papers ({@code edgeoffload report ROOT}).
 */
package io.edgeoffload.lab.report;
