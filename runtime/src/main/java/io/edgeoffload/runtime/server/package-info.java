/**
 * The edge server: loads the tails of the candidate points, serves {@code
 * edgeoffload.runtime.Split} over gRPC, validates every request against the partition before
 * running anything, admits at most {@code maxSessions} requests at once (sheds the rest with {@code
 * RESOURCE_EXHAUSTED}) and runs them on a bounded worker pool, and reports its queue and recent
 * service times with every reply.
 */
package io.edgeoffload.runtime.server;
