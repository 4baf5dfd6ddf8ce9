package io.edgeoffload.dnn.models;

import io.edgeoffload.dnn.graph.Op;
import io.edgeoffload.dnn.graph.OpAttributes;
import io.edgeoffload.dnn.graph.OpGraph;
import io.edgeoffload.dnn.graph.OpGraphBuilder;

/**
 * ResNet-50 v1.5 (He et al. 2016, "Deep Residual Learning", Table 1, 50-layer column; v1.5 puts the
 * stride of a down-sampling bottleneck on its 3x3 convolution instead of the first 1x1).
 *
 * <p>Convolutions have no bias and are followed by batch-norm (epsilon 1e-5); the projection
 * shortcut is a strided 1x1 convolution plus batch-norm in the first block of each stage; the head
 * is global average pooling and a 1000-way fully connected layer with bias. At 224x224:
 * 4,089,184,256 MACs and 25,557,032 parameters.
 */
public final class ResNet50 {

  /** Model id. */
  public static final String ID = "resnet50";

  private static final int[] BLOCKS = {3, 4, 6, 3};
  private static final int EXPANSION = 4;
  private static final double BN_EPS = 1e-5;
  private static final int CLASSES = 1000;

  private ResNet50() {}

  /** Builds the graph. */
  public static OpGraph build(ModelOptions options) {
    OpGraphBuilder b = new OpGraphBuilder(ID, options.elementBytes());
    Op x = b.input("input", 3, options.heightPx(), options.widthPx());
    x = b.conv("conv1", x, 64, 7, 2, 3, 1);
    x = b.batchNorm("bn1", x, BN_EPS);
    x = b.relu("relu", x);
    x = b.maxPool("maxpool", x, OpAttributes.Pool.square(3, 2, 1, false));
    for (int stage = 0; stage < BLOCKS.length; stage++) {
      int width = 64 << stage;
      for (int block = 0; block < BLOCKS[stage]; block++) {
        int stride = (block == 0 && stage > 0) ? 2 : 1;
        x = bottleneck(b, "layer" + (stage + 1) + "." + block, x, width, stride, block == 0);
      }
    }
    x = b.globalAvgPool("avgpool", x);
    x = b.flatten("flatten", x);
    b.fc("fc", x, CLASSES, true);
    return b.build();
  }

  private static Op bottleneck(
      OpGraphBuilder b, String p, Op in, int width, int stride, boolean project) {
    Op identity = in;
    if (project) {
      Op ds = b.conv(p + ".downsample.0", in, width * EXPANSION, 1, stride, 0, 1);
      identity = b.batchNorm(p + ".downsample.1", ds, BN_EPS);
    }
    Op x = b.conv(p + ".conv1", in, width, 1, 1, 0, 1);
    x = b.batchNorm(p + ".bn1", x, BN_EPS);
    x = b.relu(p + ".relu1", x);
    x = b.conv(p + ".conv2", x, width, 3, stride, 1, 1); // v1.5: stride on the 3x3
    x = b.batchNorm(p + ".bn2", x, BN_EPS);
    x = b.relu(p + ".relu2", x);
    x = b.conv(p + ".conv3", x, width * EXPANSION, 1, 1, 0, 1);
    x = b.batchNorm(p + ".bn3", x, BN_EPS);
    x = b.add(p + ".add", x, identity);
    return b.relu(p + ".relu3", x);
  }
}
