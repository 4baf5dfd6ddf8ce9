package io.edgeoffload.runtime.server;

import io.edgeoffload.runtime.model.CandidatePoints;
import io.edgeoffload.runtime.model.SplitModel;
import io.edgeoffload.runtime.model.Tensor;
import io.edgeoffload.runtime.model.TensorSpec;
import io.edgeoffload.runtime.wire.InferReply;
import io.edgeoffload.runtime.wire.InferRequest;
import io.edgeoffload.runtime.wire.MalformedMessageException;
import io.edgeoffload.runtime.wire.ServerLoad;
import io.edgeoffload.runtime.wire.SplitService;
import io.edgeoffload.runtime.wire.WireFormat;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The edge server. {@link #start} loads the tails, runs each once (warm-up, and the first service
 * time estimate) and listens.
 *
 * <p>An Infer call is handled in three steps. (1) Decode and validate on the gRPC thread: the bytes
 * must decode ({@link WireFormat}), the model must be the server's, the point one it has a tail
 * for, and the tensors exactly the tail's inputs (names, order, float32, shapes, byte counts);
 * otherwise {@code INVALID_ARGUMENT} and nothing runs. A message larger than the limit is refused
 * with {@code RESOURCE_EXHAUSTED} (one larger than twice the limit is cut off by gRPC's transport
 * before it is buffered). (2) Admission: at most {@code maxSessions} requests are admitted (queued
 * or running); beyond, {@code RESOURCE_EXHAUSTED} at once. (3) A worker of the fixed pool runs the
 * tail, unless the caller has gone (deadline passed, cancelled), and replies with the output, the
 * wait and compute times and the current load.
 */
public final class EdgeServer implements AutoCloseable {

  /** Service times averaged per point. */
  public static final int SERVICE_WINDOW = 16;

  private final EdgeServerConfig config;
  private final SplitModel model;
  private final ExecutorService pool;
  private final Server server;
  private final ServiceTimes serviceTimes = new ServiceTimes(SERVICE_WINDOW);
  private final Map<Integer, Double> warmup = new TreeMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong shed = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong expired = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final int maxMessageBytes;
  private volatile Consumer<InferRequest> beforeRun = r -> {};

  private EdgeServer(EdgeServerConfig config, SplitModel model) {
    this.config = config;
    this.model = model;
    for (int s : model.candidates()) {
      if (model.hasTail(s)) {
        List<Tensor> zeros = new ArrayList<>();
        for (TensorSpec spec : model.crossing(s)) {
          zeros.add(new Tensor(spec.name(), spec.shapeArray(), new float[(int) spec.elements()]));
        }
        long t0 = System.nanoTime();
        model.runTail(s, zeros);
        warmup.put(s, (System.nanoTime() - t0) * 1e-9);
      }
    }
    long largest = 0;
    for (int s : model.candidates()) {
      largest = Math.max(largest, model.bytesSent(s) + 64L * model.crossing(s).size());
    }
    this.maxMessageBytes =
        config.maxMessageBytes() > 0
            ? config.maxMessageBytes()
            : Math.toIntExact(largest + EdgeServerConfig.HEADER_SLACK_BYTES);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            config.workers(),
            config.workers(),
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "edge-worker-" + n.getAndIncrement());
              t.setDaemon(true);
              return t;
            });
    ServerServiceDefinition service =
        ServerServiceDefinition.builder(SplitService.SERVICE)
            .addMethod(SplitService.INFER, ServerCalls.asyncUnaryCall(this::infer))
            .addMethod(
                SplitService.LOAD,
                ServerCalls.asyncUnaryCall(
                    (byte[] req, StreamObserver<byte[]> obs) -> {
                      obs.onNext(WireFormat.encode(load()));
                      obs.onCompleted();
                    }))
            .addMethod(
                SplitService.PROBE,
                ServerCalls.asyncUnaryCall(
                    (byte[] req, StreamObserver<byte[]> obs) -> {
                      obs.onNext(WireFormat.encode(load()));
                      obs.onCompleted();
                    }))
            .build();
    this.server =
        NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
            // The transport's own limit is twice the application's: a message a little too large
            // reaches the handler and gets a clear RESOURCE_EXHAUSTED; a much larger one is cut off
            // by gRPC before it is buffered (the client then sees CANCELLED or RESOURCE_EXHAUSTED).
            .maxInboundMessageSize((int) Math.min(Integer.MAX_VALUE, 2L * maxMessageBytes))
            .addService(service)
            .build();
  }

  /**
   * Loads the model's tails, warms them up and starts listening.
   *
   * @throws io.edgeoffload.core.config.ConfigException for a bad model id or point list
   */
  public static EdgeServer start(EdgeServerConfig config) {
    if (!io.edgeoffload.dnn.models.ModelZoo.ids().contains(config.model())) {
      throw new io.edgeoffload.core.config.ConfigException(
          "--model", config.model(), "must be one of " + io.edgeoffload.dnn.models.ModelZoo.ids());
    }
    var points =
        io.edgeoffload.dnn.partition.PartitionSearch.search(
            io.edgeoffload.dnn.models.ModelZoo.build(config.model()));
    List<Integer> s = CandidatePoints.parse("--points", config.points(), points);
    SplitModel model = SplitModel.load(config.model(), s, SplitModel.Side.SERVER, config.seed());
    EdgeServer es = new EdgeServer(config, model);
    try {
      es.server.start();
    } catch (IOException e) {
      es.close();
      throw new UncheckedIOException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    return es;
  }

  /** The port listened on (the ephemeral one when configured 0). */
  public int port() {
    return server.getPort();
  }

  /** The configuration. */
  public EdgeServerConfig config() {
    return config;
  }

  /** The split model (tails only). */
  public SplitModel model() {
    return model;
  }

  /** Largest request accepted, bytes. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Current load and service times. */
  public ServerLoad load() {
    Map<Integer, Double> service = new TreeMap<>(warmup);
    service.putAll(serviceTimes.means());
    return new ServerLoad(
        model.modelId(),
        queued.get(),
        running.get(),
        config.workers(),
        config.maxSessions(),
        service);
  }

  /** Counters since start. */
  public ServerStats stats() {
    return new ServerStats(
        received.get(),
        rejected.get(),
        shed.get(),
        completed.get(),
        expired.get(),
        failed.get(),
        maxInFlight.get());
  }

  /**
   * Fault injection for tests and demonstrations: runs on the worker thread after a request is
   * dequeued and before its tail runs (a hook that blocks holds a worker, as a slow tail would).
   */
  public void setBeforeRun(Consumer<InferRequest> hook) {
    this.beforeRun = hook == null ? r -> {} : hook;
  }

  private void infer(byte[] bytes, StreamObserver<byte[]> obs) {
    received.incrementAndGet();
    if (bytes.length > maxMessageBytes) {
      rejected.incrementAndGet();
      obs.onError(
          Status.RESOURCE_EXHAUSTED
              .withDescription(
                  "message of "
                      + bytes.length
                      + " bytes exceeds the limit of "
                      + maxMessageBytes
                      + " bytes (--max-message)")
              .asRuntimeException());
      return;
    }
    InferRequest req;
    try {
      req = WireFormat.decodeRequest(bytes);
      validate(req);
    } catch (MalformedMessageException e) {
      rejected.incrementAndGet();
      obs.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    int now = inFlight.incrementAndGet();
    if (now > config.maxSessions()) {
      inFlight.decrementAndGet();
      shed.incrementAndGet();
      obs.onError(
          Status.RESOURCE_EXHAUSTED
              .withDescription(
                  "server busy: "
                      + config.maxSessions()
                      + " requests admitted (--max-sessions "
                      + config.maxSessions()
                      + "); compute locally or retry later")
              .asRuntimeException());
      return;
    }
    maxInFlight.accumulateAndGet(now, Math::max);
    queued.incrementAndGet();
    long admitted = System.nanoTime();
    ServerCallStreamObserver<byte[]> call = (ServerCallStreamObserver<byte[]>) obs;
    pool.execute(() -> work(req, call, admitted));
  }

  private void work(InferRequest req, ServerCallStreamObserver<byte[]> call, long admitted) {
    queued.decrementAndGet();
    if (call.isCancelled()) {
      expired.incrementAndGet();
      inFlight.decrementAndGet();
      return;
    }
    running.incrementAndGet();
    long start = System.nanoTime();
    Tensor out;
    try {
      beforeRun.accept(req);
      start = System.nanoTime();
      out = model.runTail(req.point(), req.tensors());
    } catch (RuntimeException e) {
      running.decrementAndGet();
      inFlight.decrementAndGet();
      failed.incrementAndGet();
      call.onError(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
      return;
    }
    long end = System.nanoTime();
    serviceTimes.add(req.point(), (end - start) * 1e-9);
    running.decrementAndGet();
    inFlight.decrementAndGet();
    if (call.isCancelled()) {
      expired.incrementAndGet();
      return;
    }
    byte[] reply =
        WireFormat.encode(
            new InferReply(req.requestId(), out, start - admitted, end - start, load()));
    // Counted before the reply leaves, so that a device holding its reply finds it in the stats
    // (counted after, a test once read the stats between the reply and the count).
    completed.incrementAndGet();
    try {
      call.onNext(reply);
      call.onCompleted();
    } catch (RuntimeException e) {
      // The call was cancelled between the check and the reply: the device completes it locally.
      completed.decrementAndGet();
      expired.incrementAndGet();
    }
  }

  private void validate(InferRequest r) {
    if (!r.model().equals(model.modelId())) {
      throw new MalformedMessageException(
          "model '" + r.model() + "': this server runs '" + model.modelId() + "'");
    }
    if (!model.hasTail(r.point())) {
      throw new MalformedMessageException(
          "point s = "
              + r.point()
              + " is not served; served points: "
              + model.candidates().stream().filter(model::hasTail).toList());
    }
    List<TensorSpec> specs = model.crossing(r.point());
    if (r.tensors().size() != specs.size()) {
      throw new MalformedMessageException(
          "s = " + r.point() + " takes " + specs.size() + " tensors, got " + r.tensors().size());
    }
    for (int i = 0; i < specs.size(); i++) {
      Tensor t = r.tensors().get(i);
      TensorSpec spec = specs.get(i);
      if (!spec.matches(t.name(), t.shape())) {
        throw new MalformedMessageException(
            "tensor "
                + i
                + " of s = "
                + r.point()
                + " must be '"
                + spec.name()
                + "' "
                + spec.shape()
                + ", got '"
                + t.name()
                + "' "
                + java.util.Arrays.toString(t.shape()));
      }
    }
  }

  /** Stops accepting calls, cancels the running ones and frees the sessions. */
  @Override
  public void close() {
    server.shutdownNow();
    pool.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    model.close();
  }

  /** Blocks until the server stops. */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }
}
