package io.edgeoffload.cli;

import io.edgeoffload.core.config.ConfigException;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.models.GoogLeNet;
import io.edgeoffload.dnn.models.ModelOptions;
import io.edgeoffload.dnn.models.ModelZoo;
import io.edgeoffload.dnn.partition.PartitionPoint;
import io.edgeoffload.dnn.partition.PartitionPoints;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The model options shared by {@code partition} and {@code export-onnx} ({@code --model}, {@code
 * --input-size}, {@code --googlenet-branch}), and their translation into a built {@link OpGraph}.
 * Every refusal of the {@code dnn} module is turned into a {@link ConfigException} naming the
 * option, so that the command exits 2 before writing anything.
 */
final class ModelArgs {
  /** Value of {@code --googlenet-branch} for the 3x3 branch of common implementations. */
  static final String BRANCH_3X3 = "3x3";

  /** Value of {@code --googlenet-branch} for the paper's 5x5 branch. */
  static final String BRANCH_5X5 = "5x5";

  @Option(
      names = "--model",
      required = true,
      paramLabel = "MODEL",
      description = "Model id: resnet50, googlenet or mobilenetv2.")
  String model;

  @Option(
      names = "--input-size",
      defaultValue = "224",
      paramLabel = "N|HxW",
      description =
          "Input size in pixels: N for N x N, or HxW; each side in [1, 4096] and large enough for"
              + " the model. Default: ${DEFAULT-VALUE}.")
  String inputSize;

  @Option(
      names = "--googlenet-branch",
      paramLabel = "3x3|5x5",
      description =
          "GoogLeNet's third Inception branch: 3x3 (torchvision and most implementations, the"
              + " default) or 5x5 (the paper). Only with --model googlenet.")
  String googLeNetBranch;

  /** The validated model id. */
  String modelId() {
    if (!ModelZoo.ids().contains(model)) {
      throw new ConfigException(
          "--model", model, "must be one of " + String.join(", ", ModelZoo.ids()));
    }
    return model;
  }

  /** Input height and width in pixels, parsed and range-checked. */
  int[] inputSizePx() {
    String text = inputSize.trim().toLowerCase(Locale.ROOT);
    String[] parts = text.split("x", -1);
    if (parts.length > 2) {
      throw badSize("must be N or HxW");
    }
    int[] hw = new int[2];
    for (int i = 0; i < parts.length; i++) {
      try {
        hw[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw badSize("must be N or HxW with integer sides");
      }
    }
    if (parts.length == 1) {
      hw[1] = hw[0];
    }
    for (int side : hw) {
      if (side < 1 || side > ModelOptions.MAX_INPUT_PX) {
        throw badSize("each side must be an integer in [1, " + ModelOptions.MAX_INPUT_PX + "]");
      }
    }
    return hw;
  }

  private ConfigException badSize(String problem) {
    return new ConfigException(
        "--input-size", inputSize, problem + " pixels (N for N x N, or HxW; e.g. 224 or 224x320)");
  }

  /** The options for {@link ModelZoo#build(String, ModelOptions)}. */
  ModelOptions options() {
    String id = modelId();
    int[] hw = inputSizePx();
    ModelOptions o = ModelOptions.defaults().withInputSize(hw[0], hw[1]);
    if (googLeNetBranch != null) {
      if (!id.equals(GoogLeNet.ID)) {
        throw new ConfigException(
            "--googlenet-branch", googLeNetBranch, "applies only to --model " + GoogLeNet.ID);
      }
      o = o.withGoogLeNetBranch(branch(googLeNetBranch));
    }
    return o;
  }

  private static GoogLeNet.Branch branch(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case BRANCH_3X3 -> GoogLeNet.Branch.THREE_BY_THREE;
      case BRANCH_5X5 -> GoogLeNet.Branch.FIVE_BY_FIVE;
      default ->
          throw new ConfigException(
              "--googlenet-branch",
              text,
              "must be "
                  + BRANCH_3X3
                  + " (common implementations, the default) or "
                  + BRANCH_5X5
                  + " (the paper)");
    };
  }

  /** The model's operator graph. */
  OpGraph build() {
    ModelOptions o = options();
    try {
      return ModelZoo.build(model, o);
    } catch (IllegalArgumentException e) {
      // The id was checked above: what remains is an input the model shrinks to nothing.
      throw new ConfigException("--input-size", inputSize, e.getMessage());
    }
  }

  /** A human-readable description: "googlenet, 224x224 input, 3x3 branch". */
  String describe(OpGraph graph) {
    ModelOptions o = options();
    String s = graph.name() + ", " + o.heightPx() + "x" + o.widthPx() + " input";
    if (graph.name().equals(GoogLeNet.ID)) {
      s += ", " + branchName(o.googLeNetBranch()) + " branch";
    }
    return s;
  }

  /** The {@code --googlenet-branch} value of a branch: "3x3" or "5x5". */
  static String branchName(GoogLeNet.Branch branch) {
    return branch.kernel() + "x" + branch.kernel();
  }

  /** Point s, or a {@link ConfigException} on {@code option} naming the range [1, S]. */
  static PartitionPoint point(PartitionPoints points, String option, int s, String modelId) {
    if (s < 1 || s > points.size()) {
      throw new ConfigException(
          option,
          s,
          "must be in [1, "
              + points.size()
              + "] for "
              + modelId
              + " (s = 1 sends the input, s = "
              + points.size()
              + " runs everything on the device; list them with `edgeoffload partition --model "
              + modelId
              + "`)");
    }
    return points.get(s);
  }
}
