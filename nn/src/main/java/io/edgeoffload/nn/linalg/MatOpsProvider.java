package io.edgeoffload.nn.linalg;

import java.util.Locale;

/** Chooses the default {@link MatOps} once per process and logs the choice. */
final class MatOpsProvider {

  static final String PROPERTY = "edgeoffload.nn.blas";

  static final MatOps DEFAULT = choose(System.getProperty(PROPERTY, "netlib"));

  private MatOpsProvider() {}

  static MatOps choose(String kind) {
    MatOps ops =
        switch (kind.trim().toLowerCase(Locale.ROOT)) {
          case "netlib", "" -> NetlibMatOps.best();
          case "java" -> NetlibMatOps.pureJava();
          case "loops" -> new LoopMatOps();
          default ->
              throw new IllegalArgumentException(
                  "system property "
                      + PROPERTY
                      + "='"
                      + kind
                      + "' is not one of: netlib, java, loops");
        };
    System.getLogger("io.edgeoffload.nn")
        .log(System.Logger.Level.INFO, "nn: matrix products on " + ops.name());
    return ops;
  }
}
