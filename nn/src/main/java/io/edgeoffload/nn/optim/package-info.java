/** Optimisers over flat parameter arrays: Adam with optional global-norm gradient clipping. */
package io.edgeoffload.nn.optim;
