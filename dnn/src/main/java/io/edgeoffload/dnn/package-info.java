/**
 * DNN operator graphs for split inference (COLLAB, seed 002): exact MAC, parameter and tensor-size
 * accounting, the compute view of COLLAB footnote 1 and the partition-point search of COLLAB
 * Algorithm 1.
 *
 * <p>Sub-packages: {@link io.edgeoffload.dnn.graph} (operators, graphs, compute view), {@link
 * io.edgeoffload.dnn.models} (ResNet-50 v1.5, GoogLeNet, MobileNetV2 builders and the model
 * registry) and {@link io.edgeoffload.dnn.partition} (partition points, chain cuts, tables). This
 * module knows nothing of the papers' environments.
 */
package io.edgeoffload.dnn;
