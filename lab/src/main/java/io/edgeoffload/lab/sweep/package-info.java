/**
 * Sweeps: many runs declared once ({@link io.edgeoffload.lab.sweep.SweepSpec}: a grid over
 * configuration keys × policies and learners × seeds, with a budget per run), each identified by
 * the hash of its resolved configuration ({@link io.edgeoffload.lab.sweep.RunIds}), executed in its
 * own folder by a {@link io.edgeoffload.lab.sweep.SweepEngine} (a thread pool here, Spark in the
 * {@code spark} module) and recorded in the embedded DuckDB database {@code ROOT/results.duckdb}
 * ({@link io.edgeoffload.lab.sweep.ResultsDb}). {@link io.edgeoffload.lab.sweep.Sweeper} ties them
 * together: it skips what is done, recovers what a killed sweep finished but did not record, and
 * records failures without stopping. Every paper reproduction runs on this machinery ({@code
 * io.edgeoffload.lab.recipe.RecipeRunner}).
 */
package io.edgeoffload.lab.sweep;
