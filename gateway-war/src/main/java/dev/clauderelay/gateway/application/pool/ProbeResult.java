package dev.clauderelay.gateway.application.pool;

import dev.clauderelay.plugin.api.ErrorClass;

/**
 * What the upstream answered a cheap request made with one key: for an admin's test, an import's
 * check, and the scheduled probes of invalid keys. Never holds the key.
 *
 * @param status the HTTP status, 0 when no answer came (connection failed, timed out)
 * @param errorClass the classification of a failed answer, {@code null} when it passed
 * @param message what the upstream said, in the relay's words or the upstream's own (any echo of
 *     the key masked)
 * @param untilMillis for a limited key, when the upstream said it may be used again; 0 when unknown
 * @param latencyMillis how long the answer took
 */
public record ProbeResult(
    int status, ErrorClass errorClass, String message, long untilMillis, long latencyMillis) {

  /** The upstream accepted the key and answered. */
  public boolean passed() {
    return status >= 200 && status < 300;
  }

  /** The upstream took the key as valid: it answered, or only limited it. */
  public boolean keyAccepted() {
    return passed()
        || errorClass == ErrorClass.RATE_LIMITED
        || errorClass == ErrorClass.QUOTA_EXHAUSTED;
  }
}
