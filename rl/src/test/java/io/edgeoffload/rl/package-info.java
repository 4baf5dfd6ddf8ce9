/** Tests that span the rl packages. */
package io.edgeoffload.rl;
