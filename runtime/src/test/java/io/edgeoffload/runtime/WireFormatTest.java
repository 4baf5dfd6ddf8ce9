package io.edgeoffload.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.runtime.model.Tensor;
import io.edgeoffload.runtime.wire.InferReply;
import io.edgeoffload.runtime.wire.InferRequest;
import io.edgeoffload.runtime.wire.MalformedMessageException;
import io.edgeoffload.runtime.wire.ServerLoad;
import io.edgeoffload.runtime.wire.WireFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  static Tensor tensor(String name, SplittableRandom rng, long... shape) {
    int n = 1;
    for (long d : shape) {
      n *= (int) d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rng.nextGaussian();
    }
    return new Tensor(name, shape, v);
  }

  @Test
  void roundTripsEveryMessageBitForBit() {
    SplittableRandom rng = new SplittableRandom(5);
    InferRequest req =
        new InferRequest(
            42,
            "dévice",
            "googlenet",
            17,
            List.of(tensor("a", rng, 1, 3, 4, 4), tensor("b", rng, 1, 8), tensor("c", rng)));
    InferRequest back = WireFormat.decodeRequest(WireFormat.encode(req));
    assertThat(back.requestId()).isEqualTo(42);
    assertThat(back.deviceId()).isEqualTo("dévice");
    assertThat(back.point()).isEqualTo(17);
    for (int i = 0; i < 3; i++) {
      assertThat(back.tensors().get(i).name()).isEqualTo(req.tensors().get(i).name());
      assertThat(back.tensors().get(i).shape()).isEqualTo(req.tensors().get(i).shape());
      assertThat(back.tensors().get(i).data()).isEqualTo(req.tensors().get(i).data());
    }
    ServerLoad load = new ServerLoad("googlenet", 3, 1, 2, 8, Map.of(1, 0.5, 17, 0.25));
    InferReply reply = new InferReply(42, tensor("out", rng, 1, 1000), 123, 456, load);
    InferReply r = WireFormat.decodeReply(WireFormat.encode(reply));
    assertThat(r.output().data()).isEqualTo(reply.output().data());
    assertThat(r.waitNanos()).isEqualTo(123);
    assertThat(r.computeNanos()).isEqualTo(456);
    assertThat(r.load()).isEqualTo(load);
    assertThat(WireFormat.decodeLoad(WireFormat.encode(load))).isEqualTo(load);
  }

  @Test
  void everyTruncationAndAnyTrailingByteIsRejected() {
    SplittableRandom rng = new SplittableRandom(6);
    byte[] ok =
        WireFormat.encode(new InferRequest(1, "d", "m", 2, List.of(tensor("x", rng, 2, 3))));
    for (int len = 0; len < ok.length; len++) {
      byte[] cut = java.util.Arrays.copyOf(ok, len);
      assertThatThrownBy(() -> WireFormat.decodeRequest(cut))
          .isInstanceOf(MalformedMessageException.class);
    }
    byte[] longer = java.util.Arrays.copyOf(ok, ok.length + 1);
    assertThatThrownBy(() -> WireFormat.decodeRequest(longer)).hasMessageContaining("trailing");
  }

  @Test
  void hostileLengthsAreRefusedBeforeAllocating() {
    // A request claiming a 2^31-element tensor in a few bytes.
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(WireFormat.REQUEST_MAGIC).putLong(1).putShort((short) 0).putShort((short) 0);
    b.putInt(1).put((byte) 1).putShort((short) 1).put((byte) 'x').put((byte) 1).put((byte) 1);
    b.putLong(1L << 40);
    byte[] msg = java.util.Arrays.copyOf(b.array(), b.position());
    assertThatThrownBy(() -> WireFormat.decodeRequest(msg))
        .isInstanceOf(MalformedMessageException.class);
    // Byte count that disagrees with the shape; a non-float dtype.
    SplittableRandom rng = new SplittableRandom(7);
    byte[] ok = WireFormat.encode(new InferRequest(1, "", "", 2, List.of(tensor("x", rng, 2))));
    byte[] dtype = ok.clone();
    int tensorStart = 4 + 8 + 2 + 2 + 4 + 1 + 2 + 1;
    dtype[tensorStart] = 7;
    assertThatThrownBy(() -> WireFormat.decodeRequest(dtype)).hasMessageContaining("dtype");
    byte[] count = ok.clone();
    ByteBuffer.wrap(count).order(ByteOrder.LITTLE_ENDIAN).putLong(tensorStart + 2 + 8, 12);
    assertThatThrownBy(() -> WireFormat.decodeRequest(count)).hasMessageContaining("data bytes");
  }
}
