package dev.clauderelay.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A model's price per million tokens: for a model name, or every model a glob pattern ({@code
 * claude-sonnet-4*}) matches; the most specific pattern wins.
 *
 * @param cacheWritePerMtok a prompt cache write (Anthropic: 1.25x input)
 * @param cacheReadPerMtok a cached prompt token (Anthropic: 0.1x input; OpenAI and Gemini cached
 *     tokens too)
 */
public record PriceView(
    @JsonProperty(required = true) long id,
    String model,
    String currency,
    BigDecimal inputPerMtok,
    BigDecimal outputPerMtok,
    BigDecimal cacheWritePerMtok,
    BigDecimal cacheReadPerMtok,
    String note,
    Instant updatedAt)
    implements Serializable {}
