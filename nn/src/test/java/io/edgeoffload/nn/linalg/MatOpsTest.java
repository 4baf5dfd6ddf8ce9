package io.edgeoffload.nn.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every implementation against a direct definition of row-major products, all transpositions. */
class MatOpsTest {

  static final List<MatOps> ALL =
      List.of(NetlibMatOps.best(), NetlibMatOps.pureJava(), new LoopMatOps());

  /**
   * Shapes (m, n, k): a general product, one row (a batch-1 forward pass, which the netlib
   * implementation computes as a matrix-vector product), one column, a rank-1 update, and one row
   * of a network layer's size.
   */
  @ParameterizedTest
  @CsvSource({"5, 7, 4", "1, 7, 4", "5, 1, 4", "5, 7, 1", "1, 1, 3", "1, 130, 67"})
  void everyImplementationMatchesTheDefinition(int m, int n, int k) {
    SplittableRandom rng = new SplittableRandom(3);
    for (MatOps ops : ALL) {
      for (int t = 0; t < 4; t++) {
        boolean ta = (t & 1) != 0;
        boolean tb = (t & 2) != 0;
        int aOff = 3;
        int bOff = 2;
        int cOff = 1;
        float[] a = random(rng, aOff + m * k);
        float[] b = random(rng, bOff + k * n);
        float[] c = random(rng, cOff + m * n);
        float[] expected = c.clone();
        float alpha = 0.7f;
        float beta = 0.3f;
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            double s = 0;
            for (int p = 0; p < k; p++) {
              double av = ta ? a[aOff + p * m + i] : a[aOff + i * k + p]; // A stored k×m
              double bv = tb ? b[bOff + j * k + p] : b[bOff + p * n + j]; // B stored n×k
              s += av * bv;
            }
            expected[cOff + i * n + j] = (float) (alpha * s + beta * c[cOff + i * n + j]);
          }
        }
        ops.gemm(ta, tb, m, n, k, alpha, a, aOff, b, bOff, beta, c, cOff);
        for (int i = 0; i < c.length; i++) {
          assertThat(c[i])
              .as("%s transA=%s transB=%s index %d", ops.name(), ta, tb, i)
              .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
        }
      }
    }
  }

  @Test
  void betaZeroIgnoresOldContentEvenNaN() {
    for (MatOps ops : ALL) {
      float[] a = {1, 2};
      float[] b = {3, 4};
      float[] c = {Float.NaN};
      ops.gemm(false, false, 1, 1, 2, 1f, a, 0, b, 0, 0f, c, 0);
      assertThat(c[0]).as(ops.name()).isEqualTo(11f);
      // Two rows (sgemm) and one row of two columns (sgemv), each transposition of B.
      float[] a2 = {1, 2, 3, 4};
      float[] c2 = {Float.NaN, Float.NaN};
      ops.gemm(false, false, 2, 1, 2, 1f, a2, 0, b, 0, 0f, c2, 0);
      assertThat(c2).as(ops.name()).containsExactly(11f, 25f);
      for (boolean tb : new boolean[] {false, true}) {
        float[] b2 = {3, 4, 5, 6}; // 2×2: [[3, 4], [5, 6]]
        float[] c3 = {Float.NaN, Float.NaN, 7f};
        ops.gemm(false, tb, 1, 2, 2, 1f, a, 0, b2, 0, 0f, c3, 0);
        // a·B = (13, 16); a·Bᵀ = (11, 17); the element after the row is untouched.
        assertThat(c3)
            .as("%s transB=%s", ops.name(), tb)
            .containsExactly(tb ? 11f : 13f, tb ? 17f : 16f, 7f);
      }
    }
  }

  @Test
  void defaultIsNetlibAndNamesItsImplementation() {
    assertThat(MatOps.defaultOps().name()).startsWith("netlib:");
    assertThat(MatOpsProvider.choose("loops").name()).isEqualTo("loops");
    assertThat(MatOpsProvider.choose("java").name()).contains("Java");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> MatOpsProvider.choose("cuda"))
        .hasMessageContaining("edgeoffload.nn.blas")
        .hasMessageContaining("netlib, java, loops");
  }

  private static float[] random(SplittableRandom rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return v;
  }
}
