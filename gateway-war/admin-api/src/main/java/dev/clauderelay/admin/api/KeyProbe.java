package dev.clauderelay.admin.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a provider's upstream answered a cheap request made with one key: a key test, an import's
 * test, a maintenance probe. Never holds the key.
 *
 * @param status the HTTP status; null when no answer came (connection refused, timed out)
 * @param passed the upstream answered 2xx
 * @param keyAccepted the upstream took the key: it answered, or only rate-limited it
 * @param errorClass the relay's class of a failure ({@code key_invalid}, {@code rate_limited}...),
 *     null when it passed
 * @param retryAt for a limited key, when the upstream said to come back; may be null
 */
public record KeyProbe(
    Integer status,
    boolean passed,
    boolean keyAccepted,
    String errorClass,
    String message,
    Instant retryAt,
    long latencyMs)
    implements Serializable {}
