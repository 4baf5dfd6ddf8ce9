package io.edgeoffload.lab;

import io.edgeoffload.collab.CollabScheme;
import io.edgeoffload.core.Scheme;
import io.edgeoffload.core.registry.Registry;
import io.edgeoffload.uara.UaraScheme;
import io.edgeoffload.ucms.UcmsScheme;

/** The registry of schemes: every paper's system, by command-line id. */
public final class Schemes {
  private static final Registry<Scheme<?, ?>> REGISTRY =
      new Registry<Scheme<?, ?>>("scheme")
          .register("ucms", new UcmsScheme().description(), new UcmsScheme())
          .register("uara", new UaraScheme().description(), new UaraScheme())
          .register("collab", new CollabScheme().description(), new CollabScheme());

  private Schemes() {}

  public static Registry<Scheme<?, ?>> registry() {
    return REGISTRY;
  }

  /** The scheme with this id, or a configuration error listing the valid ids. */
  public static Scheme<?, ?> get(String id) {
    return REGISTRY.get(id);
  }
}
