package io.edgeoffload.ucms;

/**
 * Where the slot data come from: random draws by default ({@link SlotSourceRandom}); tests inject
 * fixed values to check the equations against hand computation.
 */
public interface SlotSource {
  /** Restarts the source for a new episode. */
  void reset(long seed);

  /** Fills {@code out} with the data of slot {@code t} (0-based). */
  void next(int t, SlotData out);
}
