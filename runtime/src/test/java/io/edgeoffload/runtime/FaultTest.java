package io.edgeoffload.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgeoffload.runtime.device.DeviceAgent;
import io.edgeoffload.runtime.device.DeviceConfig;
import io.edgeoffload.runtime.device.DeviceFleet;
import io.edgeoffload.runtime.device.Outcome;
import io.edgeoffload.runtime.device.RequestRecord;
import io.edgeoffload.runtime.model.SplitModel;
import io.edgeoffload.runtime.model.Tensor;
import io.edgeoffload.runtime.policy.SplitPolicies;
import io.edgeoffload.runtime.server.EdgeServer;
import io.edgeoffload.runtime.server.EdgeServerConfig;
import io.edgeoffload.runtime.wire.InferRequest;
import io.edgeoffload.runtime.wire.SplitService;
import io.edgeoffload.runtime.wire.WireFormat;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faults: a killed server, malformed and oversized messages, load shedding, deadlines. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FaultTest {

  static final String MODEL = "mobilenetv2";
  static final int S = 10;
  static SplitModel device;

  @BeforeAll
  static void load() {
    device = SplitModel.load(MODEL, List.of(S), SplitModel.Side.DEVICE, SplitModel.DEFAULT_SEED);
  }

  @AfterAll
  static void unload() {
    device.close();
  }

  static DeviceConfig config(int port, int requests, double deadlineSeconds) {
    return new DeviceConfig(
        "d0", "127.0.0.1", port, requests, 0, deadlineSeconds, 0.2, 500, true, 1);
  }

  static EdgeServer server(int maxSessions, int workers) {
    return EdgeServer.start(
        EdgeServerConfig.loopback(MODEL, List.of(S)).withSessions(maxSessions, workers));
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  static ManagedChannel channel(int port) {
    return NettyChannelBuilder.forAddress("127.0.0.1", port)
        .usePlaintext()
        .maxInboundMessageSize(1 << 20)
        .build();
  }

  static byte[] infer(ManagedChannel ch, byte[] request) {
    return ClientCalls.blockingUnaryCall(
        ch,
        SplitService.INFER,
        CallOptions.DEFAULT.withDeadlineAfter(60, TimeUnit.SECONDS),
        request);
  }

  static byte[] goodRequest(long id) {
    List<Tensor> crossing = device.runHead(S, device.randomInput(id));
    return WireFormat.encode(new InferRequest(id, "raw", MODEL, S, crossing));
  }

  static Status.Code codeOf(ManagedChannel ch, byte[] request) {
    try {
      infer(ch, request);
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  static void assertExactlyOnce(List<RequestRecord> records, int n) {
    Set<Long> ids = new HashSet<>();
    for (RequestRecord r : records) {
      assertThat(ids.add(r.requestId())).as("request %d answered twice", r.requestId()).isTrue();
      assertThat(r.maxRelativeError()).as("request %d", r.requestId()).isLessThanOrEqualTo(1e-5);
    }
    assertThat(ids).hasSize(n);
  }

  @Test
  void deviceFallsBackLocallyWhenTheServerProcessIsKilledMidRun(@TempDir Path dir)
      throws Exception {
    Path portFile = dir.resolve("port");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "io.edgeoffload.runtime.server.EdgeServerMain",
                MODEL,
                Integer.toString(S),
                portFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    try {
      await(() -> Files.exists(portFile) || !p.isAlive(), "the server process to listen");
      assertThat(p.isAlive()).as("server process started").isTrue();
      int port = Integer.parseInt(Files.readString(portFile).trim());
      int n = 16;
      AtomicInteger done = new AtomicInteger();
      CompletableFuture<Void> killer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  await(() -> done.get() >= 4, "four requests");
                  p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      List<RequestRecord> records = new ArrayList<>();
      try (DeviceAgent agent =
          new DeviceAgent(config(port, n, 10), device, SplitPolicies.create("point:" + S), null)) {
        assertThat(agent.serverUp()).isTrue();
        for (int i = 0; i < n; i++) {
          records.add(agent.request(i));
          done.incrementAndGet();
          if (i == n / 2) {
            killer.get(60, TimeUnit.SECONDS); // the second half surely runs without a server
          }
        }
      }
      assertExactlyOnce(records, n);
      assertThat(records.get(0).outcome()).isEqualTo(Outcome.OFFLOADED);
      int firstFailure = -1;
      for (int i = 0; i < n; i++) {
        if (records.get(i).outcome() != Outcome.OFFLOADED) {
          firstFailure = i;
          break;
        }
      }
      assertThat(firstFailure).as("some request ran after the kill").isPositive();
      // The request the kill caught (or the first after it) completed locally and says why; gRPC
      // reports a connection lost mid-call as UNAVAILABLE, and a refused one certainly so.
      RequestRecord failed = records.get(firstFailure);
      assertThat(failed.outcome().isFallback()).as(failed.toString()).isTrue();
      assertThat(failed.detail()).isNotEmpty();
      assertThat(records.subList(firstFailure, n))
          .anySatisfy(
              r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.FALLBACK_UNREACHABLE);
                assertThat(r.detail()).contains("UNAVAILABLE");
              });
      // After the failure the server stays dead: nothing is offloaded again.
      for (RequestRecord r : records.subList(firstFailure, n)) {
        assertThat(r.outcome()).isNotEqualTo(Outcome.OFFLOADED);
      }
      assertThat(records.get(n - 1).outcome()).isEqualTo(Outcome.LOCAL);
    } finally {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void serverClosedWhileARequestRunsIsCompletedLocally() throws Exception {
    EdgeServer server = server(4, 1);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    server.setBeforeRun(
        r -> {
          inside.countDown();
          try {
            never.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    try (DeviceAgent agent =
        new DeviceAgent(
            config(server.port(), 1, 30), device, SplitPolicies.create("point:" + S), null)) {
      CompletableFuture<RequestRecord> f = CompletableFuture.supplyAsync(() -> agent.request(0));
      assertThat(inside.await(60, TimeUnit.SECONDS)).isTrue();
      server.close();
      RequestRecord r = f.get(60, TimeUnit.SECONDS);
      assertThat(r.outcome().isFallback()).as(r.toString()).isTrue();
      assertThat(r.maxRelativeError()).isLessThanOrEqualTo(1e-5);
    } finally {
      never.countDown();
      server.close();
    }
  }

  @Test
  void malformedAndOversizedRequestsAreRejectedWhileAConcurrentGoodOneSucceeds() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (EdgeServer server = server(4, 1)) {
      server.setBeforeRun(
          r -> {
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      ManagedChannel ch = channel(server.port());
      try (DeviceAgent agent =
          new DeviceAgent(
              config(server.port(), 1, 60), device, SplitPolicies.create("point:" + S), null)) {
        CompletableFuture<RequestRecord> good =
            CompletableFuture.supplyAsync(() -> agent.request(3));
        await(() -> server.load().running() == 1, "the good request to run");

        List<Tensor> crossing = device.runHead(S, device.randomInput(1));
        Tensor t = crossing.get(0);
        long[] wrongShape = t.shape().clone();
        wrongShape[1] -= 1;
        float[] bigger = new float[(int) (t.data().length / t.shape()[1] * wrongShape[1])];
        assertThat(codeOf(ch, new byte[] {1, 2, 3, 4, 5})).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(
                codeOf(
                    ch,
                    WireFormat.encode(
                        new InferRequest(
                            1,
                            "bad",
                            MODEL,
                            S,
                            List.of(new Tensor(t.name(), wrongShape, bigger))))))
            .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(
                codeOf(
                    ch,
                    WireFormat.encode(
                        new InferRequest(
                            1,
                            "bad",
                            MODEL,
                            S,
                            List.of(new Tensor("other", t.shape(), t.data()))))))
            .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(ch, WireFormat.encode(new InferRequest(1, "bad", MODEL, 11, crossing))))
            .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(
                codeOf(ch, WireFormat.encode(new InferRequest(1, "bad", "googlenet", S, crossing))))
            .isEqualTo(Status.Code.INVALID_ARGUMENT);
        byte[] valid = goodRequest(2);
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length - 1);
        assertThat(codeOf(ch, truncated)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(codeOf(ch, new byte[server.maxMessageBytes() + 1]))
            .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(server.stats().rejected()).isEqualTo(7);
        // Far beyond the limit gRPC's transport cuts the message off before buffering it.
        assertThat(codeOf(ch, new byte[3 * server.maxMessageBytes()]))
            .isIn(Status.Code.RESOURCE_EXHAUSTED, Status.Code.CANCELLED);
        assertThat(server.stats().rejected()).isEqualTo(7);

        release.countDown();
        RequestRecord r = good.get(60, TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(Outcome.OFFLOADED);
        assertThat(r.maxRelativeError()).isLessThanOrEqualTo(1e-5);
        assertThat(codeOf(ch, valid)).isEqualTo(Status.Code.OK);
      } finally {
        release.countDown();
        ch.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void shedsLoadBeyondMaxSessions() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    int max = 2;
    try (EdgeServer server = server(max, 1)) {
      server.setBeforeRun(
          r -> {
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      ManagedChannel ch = channel(server.port());
      try {
        List<Future<byte[]>> admitted = new ArrayList<>();
        for (int i = 0; i < max; i++) {
          byte[] req = goodRequest(i);
          admitted.add(CompletableFuture.supplyAsync(() -> infer(ch, req)));
        }
        await(
            () -> server.load().running() == 1 && server.load().queued() == max - 1,
            "two admitted requests");
        for (int i = 0; i < 3; i++) {
          assertThat(codeOf(ch, goodRequest(10 + i))).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        }
        try (DeviceAgent agent =
            new DeviceAgent(
                config(server.port(), 1, 60), device, SplitPolicies.create("point:" + S), null)) {
          RequestRecord r = agent.request(20);
          assertThat(r.outcome()).isEqualTo(Outcome.FALLBACK_SHED);
          assertThat(r.detail()).contains("--max-sessions 2");
          assertThat(r.maxRelativeError()).isLessThanOrEqualTo(1e-5);
        }
        release.countDown();
        for (Future<byte[]> f : admitted) {
          assertThat(WireFormat.decodeReply(f.get(60, TimeUnit.SECONDS)).output().data())
              .hasSize(1000);
        }
        assertThat(server.stats().shed()).isEqualTo(4);
        assertThat(server.stats().maxInFlight()).isEqualTo(max);
        assertThat(server.stats().completed()).isEqualTo(max);
      } finally {
        release.countDown();
        ch.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aServerSlowerThanTheDeadlineIsOvertakenByLocalCompute() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (EdgeServer server = server(4, 1)) {
      server.setBeforeRun(
          r -> {
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      try (DeviceAgent agent =
          new DeviceAgent(
              config(server.port(), 2, 1.0), device, SplitPolicies.create("point:" + S), null)) {
        RequestRecord r = agent.request(0);
        assertThat(r.outcome()).isEqualTo(Outcome.FALLBACK_DEADLINE);
        assertThat(r.maxRelativeError()).isLessThanOrEqualTo(1e-5);
        release.countDown();
        await(() -> server.stats().expired() == 1, "the server to drop the expired request");
        assertThat(server.stats().completed()).isZero();
        RequestRecord next = agent.request(1);
        assertThat(next.outcome()).isEqualTo(Outcome.OFFLOADED);
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void anUnreachableServerMeansLocalCompute() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    for (String policy : List.of("latency-optimal", "point:" + S)) {
      try (DeviceAgent agent =
          new DeviceAgent(config(port, 3, 2), device, SplitPolicies.create(policy), null)) {
        assertThat(agent.serverUp()).isFalse();
        List<RequestRecord> records = agent.run();
        assertExactlyOnce(records, 3);
        assertThat(records).allMatch(r -> r.outcome() == Outcome.LOCAL);
      }
    }
  }

  @Test
  void manyDevicesNoRequestLostOrAnsweredTwice() throws Exception {
    try (EdgeServer server = server(2, 1)) {
      DeviceConfig base = config(server.port(), 6, 30);
      DeviceFleet.Result res = DeviceFleet.run(base, device, "point:" + S, null, 3, 240);
      assertThat(res.summary().lost()).isZero();
      assertThat(res.summary().duplicates()).isZero();
      assertThat(res.records()).hasSize(18);
      assertThat(res.summary().maxRelativeError()).isLessThanOrEqualTo(1e-5);
      long offloaded = res.records().stream().filter(r -> r.outcome() == Outcome.OFFLOADED).count();
      // Every answer the server sent was used once; what it shed was computed locally once.
      assertThat(server.stats().completed()).isEqualTo(offloaded);
      assertThat(server.stats().completed() + server.stats().shed())
          .isEqualTo(res.records().size());
      assertThat(server.stats().maxInFlight()).isLessThanOrEqualTo(2);
    }
  }
}
