/**
 * The {@code spark} sweep engine: each run of a sweep executes as a Spark task ({@code local[*]} in
 * this JVM by default, or on a cluster through {@code --master} or {@code spark-submit}), and each
 * finished result comes back to the driver, where the sweep records it in its results database.
 *
 * <p>This module is kept apart from the others so that the command-line jar does not carry Spark;
 * the launcher puts it on the class path for {@code sweep --engine spark}. See {@code
 * docs/spark.md}.
 */
package io.edgeoffload.spark;
