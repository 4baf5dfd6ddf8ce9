/** The versioned, checksummed, atomically written file format of networks and checkpoints. */
package io.edgeoffload.nn.io;
