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
 * @param model for {@link ErrorClass#RATE_LIMITED} and {@link ErrorClass#QUOTA_EXHAUSTED}: the
 *     model whose own limit was hit, as the upstream names it, when the limit binds only that model
 *     (Gemini's per-model quotas); the pool then rests the key for the model the request used and
 *     keeps it for other models. {@code null} when the limit binds the whole key, and for every
 *     other class. Added in plugin API 1.1; the four-argument constructor leaves it {@code null}.
 */
public record ErrorClassification(
    ErrorClass errorClass,
    long untilEpochMillis,
    ErrorType clientType,
    String message,
    String model) {

  public ErrorClassification {
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(clientType, "clientType");
    Objects.requireNonNull(message, "message");
    if (model != null && model.isBlank()) {
      model = null;
    }
  }

  /** A classification whose limit, if any, binds the whole key (plugin API 1.0's constructor). */
  public ErrorClassification(
      ErrorClass errorClass, long untilEpochMillis, ErrorType clientType, String message) {
    this(errorClass, untilEpochMillis, clientType, message, null);
  }

  /** This classification with its limit bound to {@code limitedModel} alone. */
  public ErrorClassification forModel(String limitedModel) {
    return new ErrorClassification(errorClass, untilEpochMillis, clientType, message, limitedModel);
  }

  /** Whether the limit binds one model only, leaving the key usable for others. */
  public boolean modelScoped() {
    return model != null
        && (errorClass == ErrorClass.RATE_LIMITED || errorClass == ErrorClass.QUOTA_EXHAUSTED);
  }

  /** This classification as the error the client is answered with. */
  public GatewayError toGatewayError(int upstreamStatus) {
    int status =
        clientType == ErrorType.OVERLOADED && upstreamStatus == 503 ? 503 : clientType.httpStatus();
    return new GatewayError(clientType, status, message);
  }
}
