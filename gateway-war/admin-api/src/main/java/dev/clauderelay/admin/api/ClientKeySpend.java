package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a client key spent in the current UTC day, week and month (cost in the prices' currency,
 * tokens), its requests in flight now, and when each period resets. Live, from the relay's memory.
 */
public record ClientKeySpend(
    BigDecimal dayCost,
    BigDecimal weekCost,
    BigDecimal monthCost,
    long dayTokens,
    long weekTokens,
    long monthTokens,
    int inFlight,
    Instant dayResetsAt,
    Instant weekResetsAt,
    Instant monthResetsAt)
    implements Serializable {}
