/**
 * Partition points of DAG-structured DNNs (COLLAB Sec. III-B, Algorithm 1, as MODEL-NOTES COLLAB 2
 * reads it): the device runs an ancestor-closed set of compute operators and the server the rest; a
 * partition point is identified by its set of crossing operators and carries the device and server
 * MACs and the bytes sent.
 *
 * <p>Entry points: {@link io.edgeoffload.dnn.partition.PartitionSearch#search} (problem: a {@link
 * io.edgeoffload.dnn.partition.PartitionDag}; result: {@link
 * io.edgeoffload.dnn.partition.PartitionPoints}), {@link
 * io.edgeoffload.dnn.partition.PartitionPoints#chainCuts()} (Neurosurgeon-style cuts), {@link
 * io.edgeoffload.dnn.partition.PartitionTable} (text and CSV rendering) and {@link
 * io.edgeoffload.dnn.partition.SyntheticDags} (benchmark graphs).
 */
package io.edgeoffload.dnn.partition;
