package io.edgeoffload.dnn.partition;

import java.util.SplittableRandom;

/** Synthetic partitioning problems for tests and benchmarks, seeded. */
public final class SyntheticDags {

  /** How the parallel branches of a block meet. */
  public enum Join {
    /** A join operator reads all branch ends (one tensor between blocks, like a ResNet add). */
    OPERATOR,
    /**
     * No join operator: every branch head of the next block reads all branch ends of the previous
     * one (a folded concat, as in GoogLeNet's compute view); a final head operator reads the last
     * block's branch ends.
     */
    CONCAT
  }

  private SyntheticDags() {}

  /**
   * A series of Inception-like blocks with join operators; see {@link #branchy(int, int, int, Join,
   * long)}. {@code branchy(48, 4, 5, seed)} has 1,009 operators with four-way branches and 62,210
   * partition points, the benchmark graph of issue 4.
   */
  public static PartitionDag branchy(int blocks, int branches, int branchLength, long seed) {
    return branchy(blocks, branches, branchLength, Join.OPERATOR, seed);
  }

  /**
   * A series of Inception-like blocks: a stem operator reads the input; each block has {@code
   * branches} parallel chains of {@code branchLength} operators that start from the previous
   * block's output. MACs are drawn uniformly in [1e6, 1e8) and output bytes in [1e4, 1e6).
   *
   * <p>Operators: {@code 1 + blocks * (branches * branchLength + 1)} with join operators, {@code 2
   * + blocks * branches * branchLength} with concat joins. Partition points: {@code 2 + blocks *
   * (branchLength + 1)^branches} with join operators, {@code 3 + blocks * ((branchLength +
   * 1)^branches - 1)} with concat joins.
   */
  public static PartitionDag branchy(
      int blocks, int branches, int branchLength, Join join, long seed) {
    if (blocks < 1 || branches < 1 || branchLength < 1) {
      throw new IllegalArgumentException(
          "blocks, branches and branchLength must be positive, got "
              + blocks
              + ", "
              + branches
              + ", "
              + branchLength);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    PartitionDag.Builder b =
        PartitionDag.builder(
            "branchy-" + blocks + "x" + branches + "x" + branchLength + "-" + join,
            "input",
            3L * 224 * 224 * 4);
    int[] previous = {b.add("stem", macs(rng), bytes(rng), true)};
    for (int blk = 0; blk < blocks; blk++) {
      int[] ends = new int[branches];
      for (int br = 0; br < branches; br++) {
        int[] heads = previous;
        for (int k = 0; k < branchLength; k++) {
          int op = b.add("b" + blk + ".br" + br + "." + k, macs(rng), bytes(rng), false, heads);
          heads = new int[] {op};
        }
        ends[br] = heads[0];
      }
      previous =
          join == Join.OPERATOR
              ? new int[] {b.add("b" + blk + ".join", macs(rng), bytes(rng), false, ends)}
              : ends;
    }
    if (join == Join.CONCAT) {
      b.add("head", macs(rng), bytes(rng), false, previous);
    }
    return b.build();
  }

  private static long macs(SplittableRandom rng) {
    return rng.nextLong(1_000_000L, 100_000_000L);
  }

  private static long bytes(SplittableRandom rng) {
    return rng.nextLong(10_000L, 1_000_000L);
  }
}
