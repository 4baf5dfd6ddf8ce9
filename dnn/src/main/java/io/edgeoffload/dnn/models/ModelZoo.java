package io.edgeoffload.dnn.models;

import io.edgeoffload.dnn.graph.OpGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The registry of model builders by id; an unknown id errors with the list of valid ids. */
public final class ModelZoo {

  private static final Map<String, Function<ModelOptions, OpGraph>> BUILDERS = builders();

  private ModelZoo() {}

  private static Map<String, Function<ModelOptions, OpGraph>> builders() {
    Map<String, Function<ModelOptions, OpGraph>> m = new LinkedHashMap<>();
    m.put(ResNet50.ID, ResNet50::build);
    m.put(GoogLeNet.ID, GoogLeNet::build);
    m.put(MobileNetV2.ID, MobileNetV2::build);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The valid model ids, in a stable order. */
  public static List<String> ids() {
    return List.copyOf(BUILDERS.keySet());
  }

  /**
   * Builds a model.
   *
   * @param id one of {@link #ids()}
   * @param options input size, element size, GoogLeNet branch
   * @throws IllegalArgumentException for an unknown id (the message lists the valid ids) or for an
   *     input too small for the model
   */
  public static OpGraph build(String id, ModelOptions options) {
    Function<ModelOptions, OpGraph> builder = BUILDERS.get(id);
    if (builder == null) {
      throw new IllegalArgumentException("unknown model '" + id + "'; valid ids: " + ids());
    }
    return builder.apply(options);
  }

  /** Builds a model at 224x224, float32, default GoogLeNet branch. */
  public static OpGraph build(String id) {
    return build(id, ModelOptions.defaults());
  }
}
