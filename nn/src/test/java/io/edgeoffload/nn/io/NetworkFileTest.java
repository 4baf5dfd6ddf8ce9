package io.edgeoffload.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgeoffload.nn.Activation;
import io.edgeoffload.nn.Mlp;
import io.edgeoffload.nn.MlpSpec;
import io.edgeoffload.nn.linalg.MatOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkFileTest {

  @TempDir Path dir;

  static final MlpSpec SPEC =
      new MlpSpec(
          new int[] {6, 5, 4, 2},
          new Activation[] {Activation.GELU, Activation.SIGMOID, Activation.SOFTMAX},
          0.5);

  @Test
  void roundTripRestoresArchitectureParametersAndOutputs() throws IOException {
    Mlp net = new Mlp(SPEC, 77);
    Path file = dir.resolve("net.eonn");
    NetworkFile.save(file, net);
    Mlp back = NetworkFile.load(file, MatOps.defaultOps());
    assertThat(back.spec()).isEqualTo(SPEC);
    assertThat(back.params()).containsExactly(net.params());
    float[] x = {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.6f};
    assertThat(back.forward(x, 1).clone()).containsExactly(net.forward(x, 1).clone());
  }

  @Test
  void damagedTruncatedOrForeignFilesAreRefusedWithAReason() throws IOException {
    Mlp net = new Mlp(SPEC, 1);
    Path file = dir.resolve("net.eonn");
    NetworkFile.save(file, net);
    byte[] bytes = Files.readAllBytes(file);

    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x10;
    Path f1 = dir.resolve("flipped");
    Files.write(f1, flipped);
    assertThatThrownBy(() -> NetworkFile.load(f1, MatOps.defaultOps()))
        .hasMessageContaining("checksum mismatch");

    Path f2 = dir.resolve("truncated");
    Files.write(f2, java.util.Arrays.copyOf(bytes, bytes.length - 20));
    assertThatThrownBy(() -> NetworkFile.load(f2, MatOps.defaultOps()))
        .hasMessageContaining("checksum mismatch");

    Path f3 = dir.resolve("text");
    Files.writeString(f3, "hello, this is not a network at all");
    assertThatThrownBy(() -> NetworkFile.load(f3, MatOps.defaultOps()))
        .hasMessageContaining("not a network file");

    assertThatThrownBy(() -> NetworkFile.load(file, "ddpg", (in, v) -> null))
        .hasMessageContaining("holds a 'mlp', expected a 'ddpg'");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Mlp net = new Mlp(SPEC, 1);
    Path file = dir.resolve("net.eonn");
    NetworkFile.save(file, net);
    byte[] good = Files.readAllBytes(file);
    assertThatThrownBy(
            () ->
                NetworkFile.save(
                    file,
                    "mlp",
                    1,
                    out -> {
                      out.writeInt(3);
                      throw new IOException("disk full (simulated)");
                    }))
        .hasMessageContaining("simulated");
    assertThat(Files.readAllBytes(file)).isEqualTo(good);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("net.eonn");
    }
  }

  @Test
  void newerLayoutVersionsAreRefused() throws IOException {
    Path file = dir.resolve("v2");
    NetworkFile.save(file, "mlp", 2, out -> out.writeInt(0));
    assertThatThrownBy(() -> NetworkFile.load(file, MatOps.defaultOps()))
        .hasMessageContaining("mlp layout version 2, this build reads 1");
  }
}
