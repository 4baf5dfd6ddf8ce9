package io.edgeoffload.cli;

import static io.edgeoffload.cli.CliHarness.exec;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.profile.LatencyProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile}, {@code edge-server} and {@code device}, in-process on loopback. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RuntimeCliTest {

  @Test
  void profileWritesAProfileTheLoaderAccepts(@TempDir Path dir) {
    Path out = dir.resolve("p.csv");
    CliHarness.Outcome o =
        exec(
            "profile",
            "--model",
            "mobilenetv2",
            "--runs",
            "2",
            "--warmup",
            "1",
            "--out",
            out.toString());
    assertThat(o.code()).as(o.err()).isZero();
    LatencyProfile p = LatencyProfile.read(out);
    p.requireMatches(ModelZoo.build("mobilenetv2").computeView());
    assertThat(p.runs()).isEqualTo(2);
    assertThat(o.out()).contains("53 compute nodes");
  }

  @Test
  void serverAndDevicesRunEndToEndWithNothingLost(@TempDir Path dir) throws Exception {
    Path portFile = dir.resolve("port");
    CompletableFuture<CliHarness.Outcome> server =
        CompletableFuture.supplyAsync(
            () ->
                exec(
                    "edge-server",
                    "--port",
                    "0",
                    "--port-file",
                    portFile.toString(),
                    "--model",
                    "mobilenetv2",
                    "--points",
                    "1,21",
                    "--max-sessions",
                    "4",
                    "--duration",
                    "60"));
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!Files.exists(portFile) && !server.isDone() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(Files.exists(portFile)).as("server listening").isTrue();
    String port = Files.readString(portFile).trim();
    Path csv = dir.resolve("d.csv");
    CliHarness.Outcome d =
        exec(
            "device",
            "--server",
            "127.0.0.1:" + port,
            "--model",
            "mobilenetv2",
            "--points",
            "1,21",
            "--policy",
            "point:21",
            "--devices",
            "2",
            "--requests",
            "3",
            "--verify",
            "--out",
            csv.toString());
    assertThat(d.code()).as(d.err()).isZero();
    assertThat(d.out()).contains("requests 6/6 completed, lost 0, answered twice 0");
    assertThat(d.out()).contains("OFFLOADED=6");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(7);
    for (String line : lines.subList(1, 7)) {
      String[] cells = line.split(",", -1);
      assertThat(Double.parseDouble(cells[11])).isLessThanOrEqualTo(1e-5);
    }
  }

  @Test
  void listShowsTheSplitPolicies() {
    CliHarness.Outcome o = exec("list");
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("split policies")
        .contains("latency-optimal")
        .contains("local-only");
  }

  @Test
  void badOptionsExit2AndNameTheOption() {
    CliHarness.Outcome o =
        exec("device", "--server", "nowhere", "--model", "mobilenetv2", "--requests", "1");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--server");
    o = exec("device", "--server", "127.0.0.1:1", "--model", "vgg", "--requests", "1");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--model");
    o =
        exec(
            "device",
            "--server",
            "127.0.0.1:1",
            "--model",
            "mobilenetv2",
            "--requests",
            "1",
            "--policy",
            "best");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("latency-optimal");
    o =
        exec(
            "device",
            "--server",
            "127.0.0.1:1",
            "--model",
            "mobilenetv2",
            "--requests",
            "1",
            "--device-slowdown",
            "0.5");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--device-slowdown");
    o = exec("edge-server", "--port", "0", "--model", "mobilenetv2", "--max-sessions", "0");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--max-sessions");
    o = exec("edge-server", "--port", "0", "--model", "mobilenetv2", "--points", "999");
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--points");
  }
}
