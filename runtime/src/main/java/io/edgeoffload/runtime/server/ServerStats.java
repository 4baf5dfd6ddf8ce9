package io.edgeoffload.runtime.server;

/**
 * Counters of an edge server since it started.
 *
 * @param received Infer calls received
 * @param rejected malformed or invalid requests ({@code INVALID_ARGUMENT}) and oversized ones
 *     ({@code RESOURCE_EXHAUSTED} naming the size limit)
 * @param shed requests refused because {@code maxSessions} were admitted ({@code
 *     RESOURCE_EXHAUSTED})
 * @param completed requests answered with a result
 * @param expired admitted requests whose caller had gone (deadline or cancel) before they ran
 * @param failed requests that failed while running ({@code INTERNAL})
 * @param maxInFlight the most requests admitted at once
 */
public record ServerStats(
    long received,
    long rejected,
    long shed,
    long completed,
    long expired,
    long failed,
    int maxInFlight) {}
