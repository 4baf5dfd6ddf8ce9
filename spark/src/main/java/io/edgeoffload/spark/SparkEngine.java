package io.edgeoffload.spark;

import io.edgeoffload.lab.sweep.RunExecutor;
import io.edgeoffload.lab.sweep.RunResult;
import io.edgeoffload.lab.sweep.RunSpec;
import io.edgeoffload.lab.sweep.SweepEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.api.java.function.Function;

/**
 * Runs the runs of a sweep as Apache Spark tasks, one small Spark job per run, and hands each
 * finished result to the sweep's sink on the driver as soon as its job ends: a killed sweep loses
 * only the runs in flight, as on the thread pool.
 *
 * <p>At most {@link #parallelism()} jobs are in flight (the context's default parallelism: the
 * cores of {@code local[N]}, or of the cluster's executors), each submitted and awaited by one
 * driver thread; the results reach the sink on the calling thread, one at a time. Every job of a
 * call belongs to one Spark job group, cancelled (with its tasks interrupted) when the calling
 * thread is interrupted or the sink throws.
 *
 * <p>Each task calls {@link RunExecutor#execute} with the runs root as a string: on a cluster that
 * path must name the same shared filesystem on the driver and every executor (docs/spark.md).
 */
public final class SparkEngine implements SweepEngine {
  /** The engine's name, recorded with every run it executes. */
  public static final String NAME = "spark";

  /** The master used when neither the options nor the Spark configuration name one. */
  public static final String DEFAULT_MASTER = "local[*]";

  /** A configuration key marking the context an engine made (and so stops). */
  private static final String OWNER = "spark.edgeoffload.engine.owner";

  private final JavaSparkContext spark;
  private final boolean owned;
  private double startSeconds;

  /**
   * An engine on an existing context, which {@link #close()} leaves running (tests share one
   * context between engines; spark-submit applications may make their own).
   */
  public SparkEngine(JavaSparkContext spark) {
    this(spark, false);
  }

  private SparkEngine(JavaSparkContext spark, boolean owned) {
    this.spark = spark;
    this.owned = owned;
  }

  /**
   * An engine on a Spark context: the active one if this JVM has one (left running by {@link
   * #close()}), else a new one that {@link #close()} stops. The master of a new context is {@code
   * master} if not null, else {@code spark.master} from the Spark configuration (spark-submit sets
   * it), else {@value #DEFAULT_MASTER}.
   */
  public static SparkEngine start(String master) {
    // getOrCreate returns the JVM's active context, if any, unchanged: a context carrying our
    // marker is one this call made.
    String marker = UUID.randomUUID().toString();
    long t0 = System.nanoTime();
    SparkContext sc = SparkContext.getOrCreate(conf(master).set(OWNER, marker));
    boolean made = marker.equals(sc.getConf().get(OWNER, ""));
    SparkEngine engine = new SparkEngine(JavaSparkContext.fromSparkContext(sc), made);
    engine.startSeconds = made ? (System.nanoTime() - t0) / 1e9 : 0;
    return engine;
  }

  /** The configuration of a context this engine makes (see {@link #start}). */
  static SparkConf conf(String master) {
    SparkConf conf = new SparkConf(); // spark.* system properties: what spark-submit passes
    String m = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
    conf.setMaster(m);
    conf.setIfMissing("spark.app.name", "edgeoffload sweep");
    if (m.startsWith("local")) {
      // In-process: no web UI to start (a second or more of the session start on 2 cores).
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    return conf;
  }

  /** Seconds it took to start the Spark context (0 for a context this engine did not make). */
  public double startSeconds() {
    return startSeconds;
  }

  /** The context's master URL. */
  public String master() {
    return spark.master();
  }

  /** The Spark context the runs execute on. */
  public JavaSparkContext context() {
    return spark;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Runs at once: the context's default parallelism, read anew (executors may come later). */
  @Override
  public int parallelism() {
    return Math.max(1, spark.defaultParallelism());
  }

  @Override
  public void execute(List<RunSpec> runs, Path runsRoot, Sink sink) throws InterruptedException {
    if (runs.isEmpty()) {
      return;
    }
    String root = runsRoot.toAbsolutePath().normalize().toString();
    String group = "edgeoffload-sweep-" + UUID.randomUUID();
    AtomicInteger n = new AtomicInteger();
    // One driver thread per job in flight; how many may be in flight is read again whenever one
    // ends, so executors that register after the start (a cluster) are used as they come.
    ExecutorService drivers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "spark-sweep-" + n.incrementAndGet());
              t.setDaemon(true); // an interrupted sweep must not keep the JVM alive
              return t;
            });
    ExecutorCompletionService<Object[]> done = new ExecutorCompletionService<>(drivers);
    AtomicBoolean stopping = new AtomicBoolean();
    int submitted = 0;
    int received = 0;
    try {
      while (received < runs.size()) {
        while (submitted < runs.size() && submitted - received < parallelism()) {
          RunSpec spec = runs.get(submitted++);
          done.submit(
              () -> {
                if (stopping.get()) {
                  return null;
                }
                // Job groups are thread-local properties: set on the thread that submits the job.
                spark.setJobGroup(group, "edgeoffload run " + spec.id(), true);
                List<RunResult> out =
                    spark.parallelize(List.of(spec), 1).map(new Execute(root)).collect();
                return new Object[] {spec, out.get(0)};
              });
        }
        Future<Object[]> f = done.take();
        Object[] r;
        try {
          r = f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException(
              "a Spark job failed outside its run (the run itself never throws)", e.getCause());
        }
        received++;
        sink.finished((RunSpec) r[0], (RunResult) r[1]);
      }
    } finally {
      if (received < runs.size()) {
        abandon(drivers, group, stopping);
      }
      drivers.shutdownNow();
    }
  }

  /**
   * Abandons the runs in flight, as the thread pool does: no new job starts, the driver threads end
   * (a thread between the flag and its submission gets its job in before it ends), then the job
   * group is cancelled, which catches every job the call submitted and interrupts its tasks, and
   * last the call waits (at most {@link #STOP_WAIT_S} seconds) until Spark's status tracker shows
   * none of the group's tasks running: an interrupted run stops between two episodes and writes no
   * result. The tracker hears of tasks through Spark's asynchronous listener bus, so the wait is
   * best effort: a task whose start it has not yet heard of is not waited for (seen once in tests);
   * such a task still stops at its next episode.
   */
  private void abandon(ExecutorService drivers, String group, AtomicBoolean stopping) {
    stopping.set(true);
    drivers.shutdownNow(); // interrupts the waits in collect()
    boolean interrupted = Thread.interrupted();
    try {
      drivers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    }
    spark.cancelJobGroup(group);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_S);
    while (activeTasks(group) > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        interrupted = true; // a second interrupt ends the wait
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The longest wait for abandoned runs to stop, seconds. */
  static final long STOP_WAIT_S = 120;

  /** Tasks of the group's jobs still running, as the status tracker last heard. */
  private int activeTasks(String group) {
    JavaSparkStatusTracker tracker = spark.statusTracker();
    int active = 0;
    for (int job : tracker.getJobIdsForGroup(group)) {
      SparkJobInfo info = tracker.getJobInfo(job);
      if (info == null) {
        continue;
      }
      for (int stage : info.stageIds()) {
        SparkStageInfo st = tracker.getStageInfo(stage);
        active += st == null ? 0 : st.numActiveTasks();
      }
    }
    return active;
  }

  /** Stops the Spark context if this engine started it. */
  @Override
  public void close() {
    if (owned) {
      spark.stop();
    }
  }

  /** The task: one run, executed where Spark puts it. */
  static final class Execute implements Function<RunSpec, RunResult> {
    private static final long serialVersionUID = 1L;
    private final String runsRoot;

    Execute(String runsRoot) {
      this.runsRoot = runsRoot;
    }

    @Override
    public RunResult call(RunSpec spec) {
      return RunExecutor.execute(spec, Path.of(runsRoot), NAME);
    }
  }
}
