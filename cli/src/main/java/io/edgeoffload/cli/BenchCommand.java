package io.edgeoffload.cli;

import io.edgeoffload.core.ParallelEnv;
import io.edgeoffload.core.Policy;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.StepResult;
import io.edgeoffload.lab.ResolvedConfig;
import io.edgeoffload.lab.Stats;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code edgeoffload bench}: environment throughput in agent-steps per second on one thread, with
 * warm-up iterations and the mean ± 95% interval over measured iterations.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    subcommands = {BenchNnCommand.class},
    description = {
      "Measure environment throughput (agent-steps per second, one thread) under a policy.",
      "Example: edgeoffload bench --scheme ucms --preset ucms-kb --policy random",
      "Subcommand: 'bench nn' measures the neural-network training steps."
    })
final class BenchCommand implements Callable<Integer> {
  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(
      names = "--policy",
      defaultValue = "random",
      description = "Policy. Default: ${DEFAULT-VALUE}.")
  String policy;

  @Option(
      names = "--warmup",
      defaultValue = "3",
      description = "Warm-up iterations. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(
      names = "--iterations",
      defaultValue = "5",
      description = "Measured iterations. Default: ${DEFAULT-VALUE}.")
  int iterations;

  @Option(
      names = "--seconds",
      defaultValue = "2",
      description = "Seconds per iteration. Default: ${DEFAULT-VALUE}.")
  double seconds;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Configs.positive("--iterations", iterations);
    ResolvedConfig<?> resolved = Configs.resolve(config);
    bench(resolved);
    return 0;
  }

  private <C, E extends ParallelEnv> void bench(ResolvedConfig<C> resolved) {
    @SuppressWarnings("unchecked")
    Scheme<C, E> scheme = (Scheme<C, E>) resolved.scheme();
    E env = scheme.createEnv(resolved.config());
    Policy p = scheme.policies().get(policy).create(resolved.config(), env);
    int agents = env.numAgents();
    float[][] actions = new float[agents][env.actionSpace(0).dim()];
    int slots = scheme.episodeLength(resolved.config());
    PrintWriter w = spec.commandLine().getOut();
    double[] rates = new double[iterations];
    long[] seed = {0};
    for (int it = -warmup; it < iterations; it++) {
      long steps = 0;
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      double sink = 0;
      while (System.nanoTime() < deadline) {
        float[][] obs = env.reset(seed[0]);
        p.reset(seed[0]++);
        for (int t = 0; t < slots; t++) {
          p.act(obs, actions);
          StepResult r = env.step(actions);
          obs = r.observations();
          sink += r.rewards()[0];
          steps++;
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      double rate = steps * agents / elapsed;
      w.printf(
          Locale.ROOT,
          "%s %d: %.0f agent-steps/s (%d env steps in %.2f s)%s%n",
          it < 0 ? "warm-up" : "iteration",
          it < 0 ? it + warmup + 1 : it + 1,
          rate,
          steps,
          elapsed,
          Double.isNaN(sink) ? " NaN!" : "");
      if (it >= 0) {
        rates[it] = rate;
      }
    }
    Stats.Summary s = Stats.summarize(rates);
    w.printf(
        Locale.ROOT,
        "%s/%s, %s, N=%d agents: %.0f ± %.0f agent-steps/s (mean ± 95%% CI over %d iterations;"
            + " %.1f µs per env step)%n",
        scheme.id(),
        resolved.preset(),
        policy,
        agents,
        s.mean(),
        s.halfWidth(),
        iterations,
        1e6 * agents / s.mean());
    w.flush();
  }
}
