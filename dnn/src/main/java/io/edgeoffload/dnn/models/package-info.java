/**
 * Builders of the three reference models at a configurable input size: {@link
 * io.edgeoffload.dnn.models.ResNet50} (v1.5), {@link io.edgeoffload.dnn.models.GoogLeNet} (3x3 or
 * true 5x5 third branch) and {@link io.edgeoffload.dnn.models.MobileNetV2}, and the registry {@link
 * io.edgeoffload.dnn.models.ModelZoo} that maps model ids to them.
 */
package io.edgeoffload.dnn.models;
