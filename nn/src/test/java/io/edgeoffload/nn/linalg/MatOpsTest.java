package io.edgeoffload.nn.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every implementation against a direct definition of row-major products, all transpositions. */
class MatOpsTest {

  static final List<MatOps> ALL =
      List.of(NetlibMatOps.best(), NetlibMatOps.pureJava(), new LoopMatOps());

  @Test
  void everyImplementationMatchesTheDefinition() {
    SplittableRandom rng = new SplittableRandom(3);
    int m = 5;
    int n = 7;
    int k = 4;
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
