package io.edgeoffload.cli;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.uara.AssociationSolver;
import io.edgeoffload.uara.Scenario;
import io.edgeoffload.uara.UaraConfig;
import io.edgeoffload.uara.UaraInstance;
import io.edgeoffload.uara.UaraScheme;
import io.edgeoffload.uara.allocation.ClosedForm;
import io.edgeoffload.uara.allocation.Outcome;
import io.edgeoffload.uara.exhaustive.ExhaustiveSolver;
import io.edgeoffload.uara.pricing.PricingConfig;
import io.edgeoffload.uara.pricing.PricingSolver;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edgeoffload uara}: the UARA solver directly, without the online simulation. */
@Command(
    name = "uara",
    mixinStandardHelpOptions = true,
    description = "UARA (seed 004) solver commands: solve one instance, or benchmark the pricing.",
    subcommands = {UaraCommand.Solve.class, UaraCommand.Bench.class})
final class UaraCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options shared by solve and bench: the preset and its adjustments. */
  static class Problem {
    @Option(
        names = "--preset",
        defaultValue = "uara",
        description = "Preset (uara, uara-literal). Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(
        names = "--alpha",
        description = "α, weight of battery-weighted energy (default: the preset's).")
    Double alpha;

    @Option(
        names = "--load",
        description = "Task mix: balanced, comm or comp (default: the preset's).")
    String load;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "Override one key, e.g. --set pricing.activeShare=1.")
    List<String> overrides = new ArrayList<>();

    UaraConfig resolve(int devices, int servers) {
      List<String> sets = new ArrayList<>();
      if (devices > 0) {
        sets.add("env.numDevices=" + devices);
      }
      if (servers > 0) {
        sets.add("env.numServers=" + servers);
      }
      if (alpha != null) {
        if (!(alpha >= 0 && Double.isFinite(alpha))) {
          throw new ConfigException("--alpha", alpha, "must be >= 0 and finite");
        }
        sets.add("env.alpha=" + alpha);
      }
      if (load != null) {
        if (!List.of("balanced", "comm", "comp").contains(load)) {
          throw new ConfigException("--load", load, "allowed values: balanced, comm, comp");
        }
        sets.add("env.load=" + load);
      }
      sets.addAll(overrides);
      return ResolvedConfig.resolve(new UaraScheme(), preset, null, sets).config();
    }
  }

  @Command(
      name = "solve",
      mixinStandardHelpOptions = true,
      description = {
        "Draw one instance and solve it: association summary, iterations, dual value, primal"
            + " objective and time. --verify adds the exhaustive optimum and the optimality gap.",
        "Example: edgeoffload uara solve --devices 80 --servers 4 --alpha 1 --load comm --seed 3"
      })
  static final class Solve implements Callable<Integer> {
    @CommandLine.Mixin Problem problem = new Problem();

    @Option(
        names = "--devices",
        defaultValue = "80",
        description = "N_MD. Default: ${DEFAULT-VALUE}.")
    int devices;

    @Option(
        names = "--servers",
        defaultValue = "4",
        description = "N_ES. Default: ${DEFAULT-VALUE}.")
    int servers;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "Instance seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
        names = "--solver",
        defaultValue = "pricing",
        description =
            "pricing, pricing-polish, random, max-sinr, max-compute, combined, or exhaustive."
                + " Default: ${DEFAULT-VALUE}.")
    String solver;

    @Option(
        names = "--verify",
        description = "Also solve exactly over all (N_ES+1)^N_MD associations and report the gap.")
    boolean verify;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Configs.positive("--devices", devices);
      Configs.positive("--servers", servers);
      UaraConfig config = problem.resolve(devices, servers);
      AssociationSolver s =
          solver.equals("exhaustive")
              ? new ExhaustiveSolver()
              : UaraScheme.solvers().get(solver).apply(config);
      if (verify || solver.equals("exhaustive")) {
        ExhaustiveSolver.checkSize(devices, servers);
      }
      UaraInstance inst = new Scenario(config.env()).sample(new SplittableRandom(seed));
      int[] x = new int[devices];
      long t0 = System.nanoTime();
      AssociationSolver.SolveStats stats = s.solve(inst, new SplittableRandom(seed + 1), x);
      double ms = (System.nanoTime() - t0) / 1e6;
      PrintWriter w = spec.commandLine().getOut();
      w.printf(
          Locale.ROOT,
          "uara solve: %d devices, %d servers, load %s, α = %s, seed %d, solver %s (preset %s)%n",
          devices,
          servers,
          config.env().load(),
          config.env().alpha(),
          seed,
          s.id(),
          problem.preset);
      int[] count = new int[servers];
      int local = 0;
      for (int v : x) {
        if (v < 0) {
          local++;
        } else {
          count[v]++;
        }
      }
      StringBuilder sb = new StringBuilder("  association: local " + local);
      for (int j = 0; j < servers; j++) {
        String type = config.env().servers().get(j % config.env().servers().size()).name();
        sb.append(", ES ").append(j).append(" (").append(type).append(") ").append(count[j]);
      }
      w.println(sb);
      Outcome o =
          new ClosedForm(servers).evaluate(inst, x, config.env().lowBattery(), new Outcome());
      w.printf(
          Locale.ROOT,
          "  iterations %d%s, dual value %.6g, primal objective %.6g%s, time %.3f ms%n",
          stats.iterations(),
          stats.iterations() > 0 ? (stats.converged() ? " (gap tolerance met)" : " (stopped)") : "",
          stats.dual(),
          stats.objective(),
          Double.isNaN(stats.dual())
              ? ""
              : String.format(
                  Locale.ROOT,
                  " (duality gap %.3g%%)",
                  100 * (stats.objective() - stats.dual()) / Math.abs(stats.objective())),
          ms);
      w.printf(
          Locale.ROOT,
          "  mean latency %.4g s (transmission %.4g s, computation %.4g s), device energy %.4g J"
              + " per task, offloaded %.1f%%%n",
          o.latency / devices,
          o.commLatency / devices,
          o.computeLatency / devices,
          o.deviceEnergy / devices,
          100.0 * o.offloaded / devices);
      if (verify && !solver.equals("exhaustive")) {
        int[] opt = new int[devices];
        long t1 = System.nanoTime();
        double best = new ExhaustiveSolver().solve(inst, null, opt).objective();
        w.printf(
            Locale.ROOT,
            "  verify: exhaustive optimum %.6g over %.0f associations (%.1f ms); optimality gap"
                + " %.4f%%%n",
            best,
            Math.pow(servers + 1.0, devices),
            (System.nanoTime() - t1) / 1e6,
            100 * (stats.objective() - best) / best);
      }
      w.flush();
      return 0;
    }
  }

  @Command(
      name = "bench",
      mixinStandardHelpOptions = true,
      description = {
        "Pricing speed on one thread: time per iteration and to convergence, and the memory of"
            + " the instance, from 100 to 100,000 devices.",
        "Example: edgeoffload uara bench --servers 100 --devices 100,1000,10000,100000"
      })
  static final class Bench implements Callable<Integer> {
    @CommandLine.Mixin Problem problem = new Problem();

    @Option(
        names = "--devices",
        split = ",",
        defaultValue = "100,300,1000,3000,10000,30000,100000",
        description = "Device counts. Default: ${DEFAULT-VALUE}.")
    int[] devices;

    @Option(
        names = "--servers",
        defaultValue = "100",
        description = "N_ES. Default: ${DEFAULT-VALUE}.")
    int servers;

    @Option(
        names = "--iterations",
        defaultValue = "20",
        description =
            "Fixed iterations timed for the per-iteration figure. Default: ${DEFAULT-VALUE}.")
    int iterations;

    @Option(
        names = "--repeats",
        defaultValue = "5",
        description = "Repeats per size (median reported). Default: ${DEFAULT-VALUE}.")
    int repeats;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Configs.positive("--servers", servers);
      Configs.positive("--iterations", iterations);
      Configs.positive("--repeats", repeats);
      for (int d : devices) {
        Configs.positive("--devices", d);
      }
      PrintWriter w = spec.commandLine().getOut();
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      w.printf(
          Locale.ROOT,
          "uara bench: %d servers, preset %s, one thread, median of %d repeats (CPU time of this"
              + " thread)%n",
          servers,
          problem.preset,
          repeats);
      w.printf(
          Locale.ROOT,
          "%9s %14s %12s %11s %13s %15s%n",
          "devices",
          "ms/iteration",
          "iterations",
          "converge ms",
          "instance MB",
          "MB/(dev·srv)·1e6");
      w.flush();
      // Warm-up: let the JIT compile the hot loops on a mid-sized instance.
      UaraConfig warm = problem.resolve(2000, servers);
      UaraInstance wi = new Scenario(warm.env()).sample(new SplittableRandom(0));
      int[] wx = new int[2000];
      for (int k = 0; k < 30; k++) {
        new PricingSolver(warm.pricing()).solve(wi, null, wx);
      }
      for (int n : devices) {
        UaraConfig config = problem.resolve(n, servers);
        PricingConfig pc = config.pricing();
        PricingConfig fixed =
            new PricingConfig(
                iterations,
                pc.stepMu(),
                pc.stepNu(),
                pc.stepMemory(),
                pc.schedule(),
                0.0,
                1_000_000,
                false,
                pc.activeShare());
        UaraInstance inst = new Scenario(config.env()).sample(new SplittableRandom(n));
        int[] x = new int[n];
        double[] perIteration = new double[repeats];
        double[] converge = new double[repeats];
        int iters = 0;
        PricingSolver fixedSolver = new PricingSolver(fixed);
        PricingSolver solver = new PricingSolver(pc);
        for (int r = 0; r < repeats; r++) {
          long c0 = cpu.getCurrentThreadCpuTime();
          AssociationSolver.SolveStats s = fixedSolver.solve(inst, null, x);
          perIteration[r] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6 / s.iterations();
          long c1 = cpu.getCurrentThreadCpuTime();
          iters = solver.solve(inst, null, x).iterations();
          converge[r] = (cpu.getCurrentThreadCpuTime() - c1) / 1e6;
        }
        // The instance's arrays: two of devices × servers (rates, √(d/R)), the rest linear.
        double mb = (2.0 * n * servers + 20.0 * n + 6.0 * servers) * 8 / 1e6;
        w.printf(
            Locale.ROOT,
            "%9d %14.3f %12d %11.1f %13.1f %15.2f%n",
            n,
            median(perIteration),
            iters,
            median(converge),
            mb,
            mb / ((double) n * servers) * 1e6);
        w.flush();
      }
      return 0;
    }

    private static double median(double[] v) {
      double[] s = v.clone();
      Arrays.sort(s);
      return s[s.length / 2];
    }
  }
}
