package io.edgeoffload.cli;

import io.edgeoffload.core.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code edgeoffload} command. Exit codes: 0 success, 2 bad usage or bad configuration (nothing
 * is written), 1 failure.
 */
@Command(
    name = "edgeoffload",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Decide where AI work runs in mobile edge computing: simulate, compare, reproduce.",
    subcommands = {
      RunCommand.class,
      ListCommand.class,
      DemoCommand.class,
      CompareCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      PartitionCommand.class,
      ExportOnnxCommand.class,
      UaraCommand.class,
      ReproduceCommand.class,
      SweepCommand.class,
      QueryCommand.class,
      ReportCommand.class,
      EdgeServerCommand.class,
      DeviceCommand.class,
      ProfileCommand.class,
      PolicyProfileCommand.class,
      PruneCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for bad usage or configuration. */
  public static final int EXIT_USAGE = 2;

  /** Exit code for failures. */
  public static final int EXIT_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line with the project's error handling, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (ex instanceof ConfigException) {
            err.println("error: " + ex.getMessage());
            err.flush();
            return EXIT_USAGE;
          }
          err.println("error: " + ex);
          if (System.getenv("EDGEOFFLOAD_DEBUG") != null) {
            ex.printStackTrace(err);
          } else {
            err.println("(set EDGEOFFLOAD_DEBUG=1 for the stack trace)");
          }
          err.flush();
          return EXIT_FAILURE;
        });
    return cl;
  }

  public static void main(String[] args) {
    // Log records (e.g. which BLAS the networks use) as one line each on standard error.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    try {
      io.edgeoffload.nn.Parallel.threadsFrom(
          System.getProperty(io.edgeoffload.nn.Parallel.PROPERTY));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
    System.exit(commandLine().execute(args));
  }
}
