package io.edgeoffload.dnn.models;

import io.edgeoffload.dnn.graph.Op;
import io.edgeoffload.dnn.graph.OpAttributes;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.graph.OpGraphBuilder;
import java.util.List;

/**
 * GoogLeNet (Szegedy et al. 2015, "Going Deeper with Convolutions", Table 1) in the form common
 * implementations use: every convolution is followed by batch-norm (epsilon 1e-3) and ReLU, no
 * local response normalisation, no auxiliary classifiers, max-pooling in ceil mode, global average
 * pooling and a 1000-way fully connected layer with bias.
 *
 * <p>The third Inception branch is a {@link Branch}: the paper's 5x5 convolution or the 3x3
 * convolution that common implementations (torchvision among them) use by mistake. The default is
 * {@link Branch#THREE_BY_THREE}, because that is the model people actually run and measure (the
 * 1.50 GMACs / 6.62 M parameters the issue asks to match) and the one COLLAB's PyTorch experiments
 * most likely split. At 224x224: 3x3 branch 1,498,376,192 MACs and 6,624,904 parameters; true 5x5
 * 1,582,671,872 and 7,005,832.
 */
public final class GoogLeNet {

  /** Model id. */
  public static final String ID = "googlenet";

  private static final double BN_EPS = 1e-3;
  private static final int CLASSES = 1000;

  /** The convolution of the third Inception branch. */
  public enum Branch {
    /** 3x3, padding 1, as in torchvision and most other implementations (the default). */
    THREE_BY_THREE(3),
    /** 5x5, padding 2, as in the paper. */
    FIVE_BY_FIVE(5);

    /** The default branch. */
    public static final Branch DEFAULT = THREE_BY_THREE;

    private final int kernel;

    Branch(int kernel) {
      this.kernel = kernel;
    }

    /** Kernel side of the branch's second convolution. */
    public int kernel() {
      return kernel;
    }
  }

  // Table 1 of the paper: #1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj.
  private record Inception(String name, int c1, int c3r, int c3, int c5r, int c5, int pool) {}

  private GoogLeNet() {}

  /** Builds the graph. */
  public static OpGraph build(ModelOptions options) {
    Branch branch = options.googLeNetBranch();
    OpGraphBuilder b = new OpGraphBuilder(ID, options.elementBytes());
    Op x = b.input("input", 3, options.heightPx(), options.widthPx());
    x = basicConv(b, "conv1", x, 64, 7, 2, 3);
    x = b.maxPool("maxpool1", x, OpAttributes.Pool.square(3, 2, 0, true));
    x = basicConv(b, "conv2", x, 64, 1, 1, 0);
    x = basicConv(b, "conv3", x, 192, 3, 1, 1);
    x = b.maxPool("maxpool2", x, OpAttributes.Pool.square(3, 2, 0, true));
    x = inception(b, x, new Inception("inception3a", 64, 96, 128, 16, 32, 32), branch);
    x = inception(b, x, new Inception("inception3b", 128, 128, 192, 32, 96, 64), branch);
    x = b.maxPool("maxpool3", x, OpAttributes.Pool.square(3, 2, 0, true));
    x = inception(b, x, new Inception("inception4a", 192, 96, 208, 16, 48, 64), branch);
    x = inception(b, x, new Inception("inception4b", 160, 112, 224, 24, 64, 64), branch);
    x = inception(b, x, new Inception("inception4c", 128, 128, 256, 24, 64, 64), branch);
    x = inception(b, x, new Inception("inception4d", 112, 144, 288, 32, 64, 64), branch);
    x = inception(b, x, new Inception("inception4e", 256, 160, 320, 32, 128, 128), branch);
    x = b.maxPool("maxpool4", x, OpAttributes.Pool.square(2, 2, 0, true));
    x = inception(b, x, new Inception("inception5a", 256, 160, 320, 32, 128, 128), branch);
    x = inception(b, x, new Inception("inception5b", 384, 192, 384, 48, 128, 128), branch);
    x = b.globalAvgPool("avgpool", x);
    x = b.flatten("flatten", x);
    b.fc("fc", x, CLASSES, true);
    return b.build();
  }

  private static Op inception(OpGraphBuilder b, Op in, Inception m, Branch branch) {
    String p = m.name();
    Op b1 = basicConv(b, p + ".branch1", in, m.c1(), 1, 1, 0);
    Op b2 = basicConv(b, p + ".branch2.0", in, m.c3r(), 1, 1, 0);
    b2 = basicConv(b, p + ".branch2.1", b2, m.c3(), 3, 1, 1);
    Op b3 = basicConv(b, p + ".branch3.0", in, m.c5r(), 1, 1, 0);
    b3 = basicConv(b, p + ".branch3.1", b3, m.c5(), branch.kernel(), 1, branch.kernel() / 2);
    Op b4 = b.maxPool(p + ".branch4.pool", in, OpAttributes.Pool.square(3, 1, 1, true));
    b4 = basicConv(b, p + ".branch4.1", b4, m.pool(), 1, 1, 0);
    return b.concat(p + ".concat", List.of(b1, b2, b3, b4));
  }

  // Convolution without bias, batch-norm, ReLU.
  private static Op basicConv(
      OpGraphBuilder b, String name, Op in, int outChannels, int kernel, int stride, int pad) {
    Op x = b.conv(name + ".conv", in, outChannels, kernel, stride, pad, 1);
    x = b.batchNorm(name + ".bn", x, BN_EPS);
    return b.relu(name + ".relu", x);
  }
}
