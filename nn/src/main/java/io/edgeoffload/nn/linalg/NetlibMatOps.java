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
    int lda = transA ? m : k;
    int ldb = transB ? k : n;
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
