package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Two writers changed the same thing at once (an admin and a token refresh, two admins): the one
 * that lost gets 409 and a message that says to reload, not a 500. A failure at commit reaches
 * JAX-RS wrapped in a {@link TransactionalException}; anything else it wraps is unexpected.
 */
public final class ConcurrentChangeMappers {

  static final String MESSAGE =
      "Someone else changed this at the same moment; reload it and try again.";

  private ConcurrentChangeMappers() {}

  /** Thrown inside the transaction, at a flush. */
  @Provider
  public static class StaleWrite implements ExceptionMapper<OptimisticLockException> {
    @Override
    public Response toResponse(OptimisticLockException e) {
      return conflict();
    }
  }

  /** Thrown when the transaction commits. */
  @Provider
  public static class FailedCommit implements ExceptionMapper<TransactionalException> {
    private final UnexpectedErrorMapper unexpected = new UnexpectedErrorMapper();

    @Override
    public Response toResponse(TransactionalException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof OptimisticLockException) {
          return conflict();
        }
      }
      return unexpected.toResponse(e);
    }
  }

  private static Response conflict() {
    return ErrorResponses.of(new GatewayError(ErrorType.INVALID_REQUEST, 409, MESSAGE));
  }
}
