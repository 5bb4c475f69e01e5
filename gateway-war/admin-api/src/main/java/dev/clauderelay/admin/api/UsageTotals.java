package dev.clauderelay.admin.api;

import java.io.Serializable;

/** Requests, errors and tokens summed over a time: a day of a provider, an hour of a series. */
public record UsageTotals(
    long requests,
    long successes,
    long errors,
    long rateLimited,
    long inputTokens,
    long outputTokens,
    long cacheCreationTokens,
    long cacheReadTokens,
    long averageLatencyMs)
    implements Serializable {}
