package io.edgeoffload.runtime.device;

import io.edgeoffload.dnn.profile.LatencyProfile;
import io.edgeoffload.runtime.model.SplitModel;
import io.edgeoffload.runtime.policy.SplitPolicies;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * N device agents in one process, one thread each, sharing one {@link SplitModel}: the load test (N
 * devices × M requests against one server), bounded by a wall-clock limit.
 */
public final class DeviceFleet {

  private DeviceFleet() {}

  /** The records of every device and the summary. */
  public record Result(List<RequestRecord> records, LoadSummary summary) {}

  /**
   * Runs {@code devices} agents named {@code base.deviceId()-k} with input seeds {@code
   * base.inputSeed() + k·1e6}.
   *
   * @param policyId for each agent, a fresh policy from {@link SplitPolicies#create}
   * @param timeLimitSeconds the whole run's limit; requests not done by then count as lost
   */
  public static Result run(
      DeviceConfig base,
      SplitModel model,
      String policyId,
      LatencyProfile profile,
      int devices,
      double timeLimitSeconds)
      throws InterruptedException {
    List<DeviceAgent> agents = new ArrayList<>();
    try {
      for (int k = 0; k < devices; k++) {
        DeviceConfig c =
            base.forDevice(
                devices == 1 ? base.deviceId() : base.deviceId() + "-" + k,
                base.inputSeed() + 1_000_000L * k);
        agents.add(new DeviceAgent(c, model, SplitPolicies.create(policyId), profile));
      }
      ExecutorService pool = Executors.newFixedThreadPool(devices);
      List<RequestRecord> records = Collections.synchronizedList(new ArrayList<>());
      long t0 = System.nanoTime();
      List<Future<List<RequestRecord>>> futures = new ArrayList<>();
      for (DeviceAgent a : agents) {
        futures.add(pool.submit(a::run));
      }
      pool.shutdown();
      if (!pool.awaitTermination((long) (timeLimitSeconds * 1000), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
      double wall = (System.nanoTime() - t0) * 1e-9;
      for (Future<List<RequestRecord>> f : futures) {
        if (f.isDone() && !f.isCancelled()) {
          try {
            records.addAll(f.get());
          } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a device failed: " + e.getCause(), e.getCause());
          }
        }
      }
      List<RequestRecord> all = List.copyOf(records);
      return new Result(all, LoadSummary.of(all, (long) devices * base.requests(), wall));
    } finally {
      for (DeviceAgent a : agents) {
        a.close();
      }
    }
  }
}
