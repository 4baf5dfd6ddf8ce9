package io.edgeoffload.collab.experiment;

import java.nio.file.Path;

/**
 * Hand-run entry point until {@code reproduce} wires the classes in: {@code java -cp
 * cli/target/edgeoffload.jar io.edgeoffload.collab.experiment.ExperimentMain ID OUT [quick|full]
 * [SEEDS] [STEPS]} with ID one of fig6 … fig12, table4, table5.
 */
public final class ExperimentMain {
  private ExperimentMain() {}

  private static void replot(Path dir) {
    try {
      String name = dir.getFileName().toString();
      Convergence.replot(dir, "COLLAB " + name.replace("fig", "Fig. "));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println(
          "usage: ExperimentMain fig6|fig7|fig8|fig9|fig10|fig11|fig12|table4|replot|table5 OUT [quick|full] [SEEDS]"
              + " [STEPS]");
      System.exit(2);
    }
    boolean quick = args.length < 3 || args[2].equals("quick");
    int seeds = args.length > 3 ? Integer.parseInt(args[3]) : quick ? 3 : 5;
    long steps = args.length > 4 ? Long.parseLong(args[4]) : 0;
    ExperimentOptions opt =
        new ExperimentOptions(Path.of(args[1]), quick, seeds, "collab-wide", steps);
    switch (args[0]) {
      case "fig6" -> Fig6.run(opt);
      case "fig7" -> Fig7.run(opt);
      case "fig8" -> Fig8.run(opt);
      case "fig9" -> Fig9.run(opt);
      case "fig10" -> Fig10.run(opt);
      case "fig11" -> Fig11.run(opt);
      case "fig12" -> Fig12.run(opt);
      case "table4" -> Table4.run(opt);
      case "table5" -> Table5.run(opt);
      case "replot" -> replot(opt.out());
      default -> {
        System.err.println("unknown experiment " + args[0]);
        System.exit(2);
      }
    }
  }
}
