package io.edgeoffload.dnn.partition;

/** Thrown when a graph has more partition points than the configured cap. */
public final class TooManyPartitionPointsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long cap;

  TooManyPartitionPointsException(String graphName, long cap) {
    super(
        "graph '"
            + graphName
            + "' has more than "
            + cap
            + " partition points (the cap PartitionSearch.Options.maxPoints); raise the cap or"
            + " coarsen the graph");
    this.cap = cap;
  }

  /** The cap that was exceeded. */
  public long cap() {
    return cap;
  }
}
