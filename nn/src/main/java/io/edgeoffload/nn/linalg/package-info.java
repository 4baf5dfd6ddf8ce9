/**
 * Matrix products: the {@link io.edgeoffload.nn.linalg.MatOps} interface, its netlib BLAS
 * implementation (native OpenBLAS or pure Java) and a plain-loop reference.
 */
package io.edgeoffload.nn.linalg;
