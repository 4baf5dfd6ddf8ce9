package io.edgeoffload.ucms;

import io.edgeoffload.core.random.RandomStreams;
import io.edgeoffload.core.units.Units;
import java.util.SplittableRandom;

/**
 * Random slot data, as UCMS Sec. 3 and Table 3 describe them: β, c and φ uniform on their ranges;
 * g_{n,m} uniform in dB on [g_min, g_max], redrawn every slot and constant within it (Sec. 3.3);
 * harvest constant, or uniform on [0, 2·d] with mean d. Each quantity has its own stream, so
 * changing one range does not reshuffle the others.
 */
public final class SlotSourceRandom implements SlotSource {
  private final UcmsEnvConfig c;
  private final double gainMinDb;
  private final double gainMaxDb;
  private SplittableRandom tasks;
  private SplittableRandom channel;
  private SplittableRandom harvest;

  public SlotSourceRandom(UcmsEnvConfig config) {
    this.c = config;
    this.gainMinDb = Units.linearToDb(config.channelGainMin().linear());
    this.gainMaxDb = Units.linearToDb(config.channelGainMax().linear());
  }

  @Override
  public void reset(long seed) {
    RandomStreams streams = new RandomStreams(seed);
    tasks = streams.stream("tasks");
    channel = streams.stream("channel");
    harvest = streams.stream("harvest");
  }

  @Override
  public void next(int t, SlotData out) {
    if (tasks == null) {
      throw new IllegalStateException("reset the source before drawing");
    }
    int n = out.taskBits.length;
    for (int u = 0; u < n; u++) {
      out.taskBits[u] =
          RandomStreams.uniform(tasks, c.taskSizeMin().bits(), c.taskSizeMax().bits());
      out.cyclesPerBit[u] = RandomStreams.uniform(tasks, c.cyclesPerBitMin(), c.cyclesPerBitMax());
      out.deadline[u] =
          RandomStreams.uniform(tasks, c.deadlineMin().seconds(), c.deadlineMax().seconds());
      double[] g = out.gain[u];
      for (int s = 0; s < g.length; s++) {
        g[s] = Units.dbToLinear(RandomStreams.uniform(channel, gainMinDb, gainMaxDb));
      }
      double d = c.harvest().joules();
      out.harvest[u] =
          UcmsEnvConfig.HARVEST_UNIFORM.equals(c.harvestModel())
              ? RandomStreams.uniform(harvest, 0.0, 2.0 * d)
              : d;
    }
  }
}
