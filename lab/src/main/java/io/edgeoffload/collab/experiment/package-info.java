/**
 * The COLLAB figures and tables as library classes ({@code Fig6}, {@code Fig7}, {@code Table4},
 * {@code Table5}, …): each takes an output folder, a quick flag and a seed count, trains and
 * evaluates through {@code io.edgeoffload.collab.learn}, and writes CSV, Markdown and PNG/SVG plots
 * atomically. The {@code reproduce} command wires them in.
 */
package io.edgeoffload.collab.experiment;
