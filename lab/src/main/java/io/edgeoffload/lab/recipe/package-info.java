/**
 * Reproduction recipes: one class per paper figure or table, registered in {@link
 * io.edgeoffload.lab.recipe.Recipes} and run by {@code edgeoffload reproduce ID [--quick] --out
 * DIR}. Each writes CSV data, a Markdown table and PNG/SVG figures.
 */
package io.edgeoffload.lab.recipe;
