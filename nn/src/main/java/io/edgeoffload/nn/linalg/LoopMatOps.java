package io.edgeoffload.nn.linalg;

/**
 * Plain Java loops, the reference the BLAS path is tested against. Accumulates in {@code double}
 * per output element for the transposed cases and in {@code float} row updates otherwise; both
 * orders give results within float rounding of BLAS.
 */
public final class LoopMatOps implements MatOps {

  @Override
  public String name() {
    return "loops";
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
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * n;
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          float av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
          float bv = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
          s += (double) av * bv;
        }
        float old = beta == 0f ? 0f : beta * c[ci + j];
        c[ci + j] = (float) (alpha * s) + old;
      }
    }
  }
}
