package io.edgeoffload.nn.linalg;

/**
 * The one interface every matrix product of the {@code nn} module goes through: a row-major
 * single-precision GEMM over flat arrays with offsets.
 *
 * <p>Shapes follow the row-major convention: {@code C[m×n] = alpha·op(A)·op(B) + beta·C}, where
 * {@code op(A)} is {@code m×k} and {@code op(B)} is {@code k×n}. Without transposition {@code A} is
 * stored {@code m×k} and {@code B} {@code k×n}; with it, {@code A} is stored {@code k×m} and {@code
 * B} {@code n×k}. Leading dimensions are the stored row lengths; {@code C} has rows of length
 * {@code n}. With {@code beta == 0} the old content of {@code C} is ignored (it may hold NaN).
 */
public interface MatOps {

  /** A short name for logs and benchmarks, e.g. {@code netlib:JNIBLAS}. */
  String name();

  /** {@code C = alpha·op(A)·op(B) + beta·C} on row-major matrices; see the class comment. */
  void gemm(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      float alpha,
      float[] a,
      int aOff,
      float[] b,
      int bOff,
      float beta,
      float[] c,
      int cOff);

  /**
   * The process-wide default: netlib BLAS (native OpenBLAS when the system provides it, netlib's
   * pure-Java implementation otherwise). The system property {@code edgeoffload.nn.blas} forces
   * one: {@code netlib} (the default), {@code java} (netlib's pure-Java BLAS) or {@code loops}
   * (this project's plain loops). Which one is in use is logged once.
   */
  static MatOps defaultOps() {
    return MatOpsProvider.DEFAULT;
  }
}
