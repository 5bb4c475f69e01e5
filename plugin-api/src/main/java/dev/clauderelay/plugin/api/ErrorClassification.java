package dev.clauderelay.plugin.api;

import java.util.Objects;

/**
 * The meaning of one upstream error answer: what the pool does with the key and what the client is
 * told.
 *
 * @param errorClass what the pool does
 * @param untilEpochMillis for {@link ErrorClass#RATE_LIMITED} and {@link
 *     ErrorClass#QUOTA_EXHAUSTED}: when the key becomes usable again, 0 when the upstream did not
 *     say (the relay then applies its default cooldown)
 * @param clientType the Anthropic error type the client sees if no retry succeeds
 * @param message the message the client sees; upstream text only where it is safe to show
 */
public record ErrorClassification(
    ErrorClass errorClass, long untilEpochMillis, ErrorType clientType, String message) {

  public ErrorClassification {
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(clientType, "clientType");
    Objects.requireNonNull(message, "message");
  }

  /** This classification as the error the client is answered with. */
  public GatewayError toGatewayError(int upstreamStatus) {
    int status =
        clientType == ErrorType.OVERLOADED && upstreamStatus == 503 ? 503 : clientType.httpStatus();
    return new GatewayError(clientType, status, message);
  }
}
