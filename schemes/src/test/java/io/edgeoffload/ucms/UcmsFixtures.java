package io.edgeoffload.ucms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeoffload.core.config.ConfigLoader;
import io.edgeoffload.ucms.approval.ApprovalStrategyFirstCome;
import io.edgeoffload.ucms.selection.SelectionPolicyCoSelection;

/** Configurations and fixed slot data for UCMS tests. */
final class UcmsFixtures {
  private UcmsFixtures() {}

  /** A preset with overrides, bound and validated. */
  static UcmsEnvConfig config(String preset, String... sets) {
    ObjectNode tree = ConfigLoader.readResource("presets/ucms/" + preset + ".yaml");
    for (String s : sets) {
      ConfigLoader.set(tree, s);
    }
    return ConfigLoader.bind(tree, UcmsConfig.class).env();
  }

  /** Slot data fixed by the test, the same in every slot. */
  static final class FixedSlots implements SlotSource {
    final SlotData data;

    FixedSlots(int users, int servers) {
      data = new SlotData(users, servers);
    }

    FixedSlots task(int u, double bits, double cyclesPerBit, double deadline, double harvest) {
      data.taskBits[u] = bits;
      data.cyclesPerBit[u] = cyclesPerBit;
      data.deadline[u] = deadline;
      data.harvest[u] = harvest;
      return this;
    }

    FixedSlots gain(int u, int s, double linear) {
      data.gain[u][s] = linear;
      return this;
    }

    @Override
    public void reset(long seed) {}

    @Override
    public void next(int t, SlotData out) {
      for (int u = 0; u < data.taskBits.length; u++) {
        out.taskBits[u] = data.taskBits[u];
        out.cyclesPerBit[u] = data.cyclesPerBit[u];
        out.deadline[u] = data.deadline[u];
        out.harvest[u] = data.harvest[u];
        System.arraycopy(data.gain[u], 0, out.gain[u], 0, data.gain[u].length);
      }
    }
  }

  static UcmsEnv env(UcmsEnvConfig c, SlotSource slots) {
    return new UcmsEnv(c, slots, new SelectionPolicyCoSelection(), new ApprovalStrategyFirstCome());
  }
}
