package io.edgeoffload.ucms.selection;

import io.edgeoffload.core.registry.Registry;
import io.edgeoffload.ucms.UcmsEnvConfig;
import java.util.function.Supplier;

/** The registry of UD–ES selection policies ({@code env.selection}). */
public final class SelectionPolicies {
  private SelectionPolicies() {}

  /** A new registry (each environment gets its own policy instance: they keep scratch arrays). */
  public static Registry<Supplier<SelectionPolicy>> registry() {
    return new Registry<Supplier<SelectionPolicy>>("selection")
        .register(
            UcmsEnvConfig.SELECTION_CO,
            "user-server co-selection, Algorithm 1",
            SelectionPolicyCoSelection::new)
        .register(
            UcmsEnvConfig.SELECTION_RANDOM,
            "random UD-ES pairing (RD_UCMS_MADDPG)",
            SelectionPolicyRandom::new);
  }
}
