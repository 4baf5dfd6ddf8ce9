package io.edgeoffload.dnn.models;

import io.edgeoffload.dnn.graph.Op;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.graph.OpGraphBuilder;

/**
 * MobileNetV2 at width multiplier 1.0 (Sandler et al. 2018, "MobileNetV2: Inverted Residuals and
 * Linear Bottlenecks", Table 2): a 3x3 stem, 17 inverted-residual bottlenecks (1x1 expansion unless
 * t = 1, 3x3 depthwise, linear 1x1 projection, residual add when stride 1 and the channels match),
 * a 1x1 convolution to 1280 channels, global average pooling and a 1000-way fully connected layer
 * with bias. Convolutions have no bias and are followed by batch-norm (epsilon 1e-5) and, except
 * the projections, ReLU6. At 224x224: 300,774,272 MACs and 3,504,872 parameters.
 */
public final class MobileNetV2 {

  /** Model id. */
  public static final String ID = "mobilenetv2";

  private static final double BN_EPS = 1e-5;
  private static final int CLASSES = 1000;
  private static final int STEM_CHANNELS = 32;
  private static final int LAST_CHANNELS = 1280;

  // Table 2 of the paper: expansion t, output channels c, repeats n, first stride s.
  private static final int[][] SETTINGS = {
    {1, 16, 1, 1},
    {6, 24, 2, 2},
    {6, 32, 3, 2},
    {6, 64, 4, 2},
    {6, 96, 3, 1},
    {6, 160, 3, 2},
    {6, 320, 1, 1}
  };

  private MobileNetV2() {}

  /** Builds the graph. */
  public static OpGraph build(ModelOptions options) {
    OpGraphBuilder b = new OpGraphBuilder(ID, options.elementBytes());
    Op x = b.input("input", 3, options.heightPx(), options.widthPx());
    x = b.conv("stem.conv", x, STEM_CHANNELS, 3, 2, 1, 1);
    x = b.batchNorm("stem.bn", x, BN_EPS);
    x = b.relu6("stem.relu6", x);
    int channels = STEM_CHANNELS;
    int block = 1;
    for (int[] s : SETTINGS) {
      for (int i = 0; i < s[2]; i++) {
        int stride = i == 0 ? s[3] : 1;
        x = invertedResidual(b, "block" + block, x, channels, s[1], stride, s[0]);
        channels = s[1];
        block++;
      }
    }
    x = b.conv("last.conv", x, LAST_CHANNELS, 1, 1, 0, 1);
    x = b.batchNorm("last.bn", x, BN_EPS);
    x = b.relu6("last.relu6", x);
    x = b.globalAvgPool("avgpool", x);
    x = b.flatten("flatten", x);
    b.fc("classifier", x, CLASSES, true);
    return b.build();
  }

  private static Op invertedResidual(
      OpGraphBuilder b, String p, Op in, int inChannels, int outChannels, int stride, int t) {
    int hidden = inChannels * t;
    Op x = in;
    if (t != 1) {
      x = b.conv(p + ".expand.conv", x, hidden, 1, 1, 0, 1);
      x = b.batchNorm(p + ".expand.bn", x, BN_EPS);
      x = b.relu6(p + ".expand.relu6", x);
    }
    x = b.conv(p + ".dw.conv", x, hidden, 3, stride, 1, hidden);
    x = b.batchNorm(p + ".dw.bn", x, BN_EPS);
    x = b.relu6(p + ".dw.relu6", x);
    x = b.conv(p + ".project.conv", x, outChannels, 1, 1, 0, 1);
    x = b.batchNorm(p + ".project.bn", x, BN_EPS);
    if (stride == 1 && inChannels == outChannels) {
      x = b.add(p + ".add", x, in);
    }
    return x;
  }
}
