package io.edgeoffload.nn.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;

/**
 * {@link MatOps} on netlib BLAS. {@link #best()} takes what {@code BLAS.getInstance()} finds: the
 * JNI binding to the system's {@code libblas.so.3} (native OpenBLAS when Debian's {@code
 * libopenblas0-pthread} provides it) or, failing that, netlib's pure-Java implementation.
 *
 * <p>Row-major products map onto column-major BLAS by computing {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}: a
 * row-major matrix is its transpose in column-major order, so the operands swap and the leading
 * dimensions are the stored row lengths.
 */
public final class NetlibMatOps implements MatOps {

  private final BLAS blas;
  private final String name;

  private NetlibMatOps(BLAS blas) {
    this.blas = blas;
    this.name = "netlib:" + blas.getClass().getSimpleName();
  }

  /** The fastest implementation netlib finds on this machine. */
  public static NetlibMatOps best() {
    return new NetlibMatOps(BLAS.getInstance());
  }

  /** netlib's pure-Java implementation, whatever the system provides. */
  public static NetlibMatOps pureJava() {
    return new NetlibMatOps(JavaBLAS.getInstance());
  }

  /** Whether this instance calls native code (the JNI binding). */
  public boolean isNative() {
    return blas.getClass().getSimpleName().contains("JNI");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void gemm(
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
      int cOff) {
    if (m == 0 || n == 0) {
      return;
    }
    int ldb = transB ? k : n;
    if (m == 1) {
      // One row (a batch-1 forward pass): a matrix-vector product. OpenBLAS's sgemm packs all of
      // B for a single row; its sgemv reads B once, 4-14 times faster at the networks' sizes
      // (docs/performance.md). op(A) is 1×k and contiguous either way (stored k×1 when
      // transposed). Row-major B (k×n) is column-major n×k: cᵀ = Bᵀ·aᵀ is sgemv "N" on it, and
      // with transB the stored n×k is column-major k×n, so "T".
      if (beta == 0f) {
        // BLAS scales y by beta before adding; 0·NaN would keep an old NaN that gemm ignores.
        java.util.Arrays.fill(c, cOff, cOff + n, 0f);
      }
      blas.sgemv(
          transB ? "T" : "N",
          transB ? k : n,
          transB ? n : k,
          alpha,
          b,
          bOff,
          Math.max(1, ldb),
          a,
          aOff,
          1,
          beta,
          c,
          cOff,
          1);
      return;
    }
    int lda = transA ? m : k;
    blas.sgemm(
        transB ? "T" : "N",
        transA ? "T" : "N",
        n,
        m,
        k,
        alpha,
        b,
        bOff,
        Math.max(1, ldb),
        a,
        aOff,
        Math.max(1, lda),
        beta,
        c,
        cOff,
        Math.max(1, n));
  }
}
