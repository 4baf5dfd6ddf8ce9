package io.edgeoffload.runtime.device;

import io.edgeoffload.dnn.profile.LatencyProfile;
import io.edgeoffload.runtime.model.SplitModel;
import io.edgeoffload.runtime.model.Tensor;
import io.edgeoffload.runtime.policy.SplitDecision;
import io.edgeoffload.runtime.policy.SplitObservation;
import io.edgeoffload.runtime.policy.SplitPolicy;
import io.edgeoffload.runtime.wire.InferReply;
import io.edgeoffload.runtime.wire.InferRequest;
import io.edgeoffload.runtime.wire.ServerLoad;
import io.edgeoffload.runtime.wire.SplitService;
import io.edgeoffload.runtime.wire.WireFormat;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One device. Not thread-safe: one agent runs its requests in sequence on the calling thread;
 * several agents may share one {@link SplitModel} (ONNX Runtime sessions are thread-safe).
 *
 * <p>Estimates kept between requests: the device compute of each candidate (a baseline from a
 * per-operator {@link LatencyProfile} when given, else the fastest of {@value #WARMUP_ROUNDS}
 * interleaved warm-up runs of each head; times one device speed factor, a moving average of
 * measured / baseline over every head run), the uplink rate and base round trip (from probes at
 * start, then from each offloaded request), and the server's last load report.
 */
public final class DeviceAgent implements AutoCloseable {

  /** Weight of a new measurement in the moving averages. */
  public static final double EWMA = 0.3;

  /** Heads faster than this (seconds) do not update the device's speed factor. */
  public static final double MIN_BASELINE_SECONDS = 1e-3;

  /** Timed warm-up rounds over the heads; the fastest run of each is its baseline. */
  public static final int WARMUP_ROUNDS = 10;

  /** Bytes of the larger bandwidth probe. */
  public static final int PROBE_BYTES = 64 * 1024;

  /** Largest reply accepted, bytes. */
  public static final int MAX_REPLY_BYTES = 1 << 20;

  private final DeviceConfig config;
  private final SplitModel model;
  private final SplitPolicy policy;
  private final ManagedChannel channel;
  private final Map<Integer, Double> baselineSeconds = new TreeMap<>();
  private final Map<Integer, Double> deviceSeconds = new TreeMap<>();
  private double speed = 1;
  private final Map<Integer, Long> bytes = new TreeMap<>();
  private final Map<String, Long> fastestNanos = new java.util.HashMap<>();
  private double bandwidthBps = 1e6;
  private double baseSeconds = 1e-3;
  private ServerLoad load;
  private boolean serverUp;
  private long downSinceNanos;

  /**
   * @param profile per-operator latency profile of this device, or null to time the heads once
   */
  public DeviceAgent(
      DeviceConfig config, SplitModel model, SplitPolicy policy, LatencyProfile profile) {
    this.config = config;
    this.model = model;
    this.policy = policy;
    this.channel =
        NettyChannelBuilder.forAddress(config.host(), config.port())
            .usePlaintext()
            .maxInboundMessageSize(MAX_REPLY_BYTES)
            .build();
    if (profile != null) {
      profile.requireMatches(model.graph().computeView());
    }
    Tensor warm = model.randomInput(config.inputSeed() - 1);
    for (int s : model.candidates()) {
      bytes.put(s, model.bytesSent(s));
      if (profile != null) {
        baselineSeconds.put(
            s,
            config.deviceSlowdown()
                * (s == model.localPoint()
                    ? profile.totalSeconds()
                    : profile.deviceSeconds(model.points().get(s))));
      }
    }
    if (profile == null) {
      // The first run of a session allocates: not timed. Then WARMUP_ROUNDS rounds over all heads,
      // interleaved so that a burst of contention on a shared host slows one round of every point
      // rather than every run of one point; the fastest run of each head, times the emulated
      // slowdown (what emulateSlowDevice makes a run take), is its baseline.
      Map<Integer, Long> fastest = new TreeMap<>();
      for (int s : model.candidates()) {
        model.runHead(s, warm);
      }
      for (int r = 0; r < WARMUP_ROUNDS; r++) {
        for (int s : model.candidates()) {
          long t0 = System.nanoTime();
          model.runHead(s, warm);
          fastest.merge(s, System.nanoTime() - t0, Math::min);
        }
      }
      for (Map.Entry<Integer, Long> e : fastest.entrySet()) {
        fastestNanos.put("head" + e.getKey(), e.getValue());
        baselineSeconds.put(e.getKey(), config.deviceSlowdown() * e.getValue() * 1e-9);
      }
    }
    deviceSeconds.putAll(baselineSeconds);
    contactServer();
  }

  /** Asks the server for its load and probes the link; false when it cannot be reached. */
  boolean contactServer() {
    try {
      double deadline = Math.min(2.0, config.deadlineSeconds());
      double empty = Double.POSITIVE_INFINITY;
      double full = Double.POSITIVE_INFINITY;
      byte[] payload = new byte[PROBE_BYTES];
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        load = WireFormat.decodeLoad(call(SplitService.PROBE, new byte[0], deadline));
        long t1 = System.nanoTime();
        call(SplitService.PROBE, payload, deadline);
        long t2 = System.nanoTime();
        empty = Math.min(empty, (t1 - t0) * 1e-9);
        full = Math.min(full, (t2 - t1) * 1e-9);
      }
      baseSeconds = empty;
      bandwidthBps = 8.0 * PROBE_BYTES / Math.max(full - empty, 1e-6);
      serverUp = load.model().equals(model.modelId());
    } catch (StatusRuntimeException | IllegalArgumentException e) {
      serverUp = false;
    }
    if (!serverUp) {
      downSinceNanos = System.nanoTime();
    }
    return serverUp;
  }

  private byte[] call(
      io.grpc.MethodDescriptor<byte[], byte[]> method, byte[] request, double deadlineSeconds) {
    return ClientCalls.blockingUnaryCall(
        channel,
        method,
        CallOptions.DEFAULT.withDeadlineAfter(
            Math.max(1, (long) (deadlineSeconds * 1e9)), TimeUnit.NANOSECONDS),
        request);
  }

  /** The observation for request {@code id}. */
  SplitObservation observe(long id) {
    if (!serverUp && System.nanoTime() - downSinceNanos > config.retrySeconds() * 1e9) {
      contactServer();
    }
    return new SplitObservation(
        id,
        model.localPoint(),
        model.candidates(),
        bytes,
        deviceSeconds,
        serverUp,
        bandwidthBps,
        baseSeconds,
        load,
        config.deadlineSeconds());
  }

  /** Runs the configured requests; one record per request, in order. */
  public List<RequestRecord> run() {
    List<RequestRecord> out = new ArrayList<>(config.requests());
    long start = System.nanoTime();
    for (int i = 0; i < config.requests(); i++) {
      if (config.ratePerSecond() > 0) {
        long due = start + (long) (i / config.ratePerSecond() * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          try {
            TimeUnit.NANOSECONDS.sleep(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      out.add(request(i));
    }
    return out;
  }

  /** Runs one request to completion. */
  public RequestRecord request(long id) {
    Tensor input = model.randomInput(config.inputSeed() + id);
    long t0 = System.nanoTime();
    SplitDecision d = policy.decide(observe(id));
    int s = d.point();
    if (!model.isCandidate(s)) {
      throw new IllegalStateException(
          "policy " + policy.id() + " chose s = " + s + ", not a candidate " + model.candidates());
    }
    Tensor result;
    Outcome outcome;
    double local;
    double transfer = 0;
    double wait = 0;
    double compute = 0;
    long sent = 0;
    String detail = "";
    long tStart = System.nanoTime();
    List<Tensor> crossing = model.runHead(s, input);
    emulateSlowDevice("head" + s, tStart);
    long tHead = System.nanoTime();
    local = (tHead - tStart) * 1e-9;
    learnDevice(s, local);
    if (s == model.localPoint()) {
      result = crossing.get(0);
      outcome = Outcome.LOCAL;
    } else {
      sent = model.bytesSent(s);
      double remaining = config.deadlineSeconds() - (tHead - t0) * 1e-9;
      InferReply reply = null;
      Status failure;
      try {
        if (remaining <= 0) {
          throw Status.DEADLINE_EXCEEDED
              .withDescription("deadline passed on the device")
              .asRuntimeException();
        }
        byte[] req =
            WireFormat.encode(
                new InferRequest(id, config.deviceId(), model.modelId(), s, crossing));
        long tSend = System.nanoTime();
        byte[] bytesBack = call(SplitService.INFER, req, remaining);
        long tBack = System.nanoTime();
        reply = WireFormat.decodeReply(bytesBack);
        if (reply.requestId() != id) {
          throw Status.INTERNAL
              .withDescription("reply for request " + reply.requestId() + ", sent " + id)
              .asRuntimeException();
        }
        wait = reply.waitNanos() * 1e-9;
        compute = reply.computeNanos() * 1e-9;
        transfer = Math.max(0, (tBack - tSend) * 1e-9 - wait - compute);
        learnLink(sent, transfer);
        load = reply.load();
        serverUp = true;
        failure = null;
      } catch (StatusRuntimeException e) {
        failure = e.getStatus();
      } catch (IllegalArgumentException e) {
        failure = Status.INTERNAL.withDescription("bad reply: " + e.getMessage());
      }
      if (failure == null) {
        result = reply.output();
        outcome = Outcome.OFFLOADED;
      } else {
        outcome = classify(failure);
        detail = failure.getCode() + ": " + failure.getDescription();
        wait = 0;
        compute = 0;
        transfer = 0;
        long tTail = System.nanoTime();
        result = model.runTail(s, crossing);
        emulateSlowDevice("tail" + s, tTail);
        local += (System.nanoTime() - tTail) * 1e-9;
      }
    }
    double total = (System.nanoTime() - t0) * 1e-9;
    double err = Double.NaN;
    if (config.verify()) {
      err = result.maxRelativeError(model.runHead(model.localPoint(), input).get(0));
    }
    return new RequestRecord(
        config.deviceId(),
        id,
        s,
        outcome,
        d.predictedSeconds(),
        total,
        local,
        transfer,
        wait,
        compute,
        sent,
        err,
        detail);
  }

  /**
   * A device F times slower: sleeps (F − 1) times the fastest run of this head or tail seen so far
   * (including the one that just ended at now − {@code startNanos}). The minimum, not this run's
   * time, so that contention on the shared host is added once and not multiplied by F.
   */
  private void emulateSlowDevice(String what, long startNanos) {
    double f = config.deviceSlowdown();
    if (f > 1) {
      long took = System.nanoTime() - startNanos;
      long fastest = fastestNanos.merge(what, took, Math::min);
      long extra = (long) ((f - 1) * fastest);
      try {
        TimeUnit.NANOSECONDS.sleep(extra);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Outcome classify(Status status) {
    switch (status.getCode()) {
      case UNAVAILABLE -> {
        serverUp = false;
        downSinceNanos = System.nanoTime();
        return Outcome.FALLBACK_UNREACHABLE;
      }
      case DEADLINE_EXCEEDED -> {
        return Outcome.FALLBACK_DEADLINE;
      }
      case RESOURCE_EXHAUSTED -> {
        if (load != null) {
          // A full server: predict a full queue until the next report says otherwise.
          load =
              new ServerLoad(
                  load.model(),
                  load.maxSessions(),
                  load.running(),
                  load.workers(),
                  load.maxSessions(),
                  load.serviceSeconds());
        }
        return Outcome.FALLBACK_SHED;
      }
      case INVALID_ARGUMENT -> {
        return Outcome.FALLBACK_REJECTED;
      }
      default -> {
        return Outcome.FALLBACK_ERROR;
      }
    }
  }

  /**
   * One speed factor for the whole device: every head run updates the moving average of measured /
   * baseline, and every point's estimate is its baseline times that factor. A point the policy has
   * stopped choosing (local-only, say) is thus re-estimated from the heads it does run; a per-point
   * average would keep a bad first estimate for ever. Heads shorter than {@value
   * #MIN_BASELINE_SECONDS} s (s = 1 only forwards the input) carry no information about speed.
   */
  private void learnDevice(int s, double seconds) {
    double base = baselineSeconds.getOrDefault(s, 0.0);
    if (base < MIN_BASELINE_SECONDS) {
      return;
    }
    speed = (1 - EWMA) * speed + EWMA * (seconds / base);
    for (Map.Entry<Integer, Double> e : baselineSeconds.entrySet()) {
      deviceSeconds.put(e.getKey(), e.getValue() * speed);
    }
  }

  private void learnLink(long sentBytes, double transferSeconds) {
    double payload = transferSeconds - baseSeconds;
    if (sentBytes >= PROBE_BYTES && payload > 0) {
      double rate = 8.0 * sentBytes / payload;
      bandwidthBps = (1 - EWMA) * bandwidthBps + EWMA * rate;
    }
  }

  /** Estimated uplink rate, bit/s. */
  public double bandwidthBitsPerSecond() {
    return bandwidthBps;
  }

  /** Whether the server answered at the last contact. */
  public boolean serverUp() {
    return serverUp;
  }

  @Override
  public void close() {
    channel.shutdownNow();
    try {
      channel.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
