package io.edgeoffload.nn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BulkTest {
  @Test
  void sameBytesAsElementWiseWritesAndExactRoundTrips() throws IOException {
    SplittableRandom rng = new SplittableRandom(1);
    int n = (1 << 16) + 123; // more than one chunk
    float[] f = new float[n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) rng.nextGaussian();
      d[i] = rng.nextGaussian();
    }
    f[5] = Float.NaN;
    d[7] = Double.NEGATIVE_INFINITY;
    ByteArrayOutputStream bulk = new ByteArrayOutputStream();
    ByteArrayOutputStream each = new ByteArrayOutputStream();
    DataOutputStream b = new DataOutputStream(bulk);
    DataOutputStream e = new DataOutputStream(each);
    Bulk.writeFloats(b, f, 3, n - 3);
    Bulk.writeDoubles(b, d, 0, n);
    for (int i = 3; i < n; i++) {
      e.writeFloat(f[i]);
    }
    for (int i = 0; i < n; i++) {
      e.writeDouble(d[i]);
    }
    assertThat(bulk.toByteArray()).isEqualTo(each.toByteArray());
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bulk.toByteArray()));
    float[] f2 = new float[n];
    double[] d2 = new double[n];
    Bulk.readFloats(in, f2, 3, n - 3);
    Bulk.readDoubles(in, d2, 0, n);
    for (int i = 3; i < n; i++) {
      assertThat(Float.floatToRawIntBits(f2[i])).isEqualTo(Float.floatToRawIntBits(f[i]));
    }
    assertThat(d2).containsExactly(d);
  }
}
