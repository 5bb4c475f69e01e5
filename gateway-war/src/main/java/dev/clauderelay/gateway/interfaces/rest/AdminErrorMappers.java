package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.gateway.application.admin.ConflictException;
import dev.clauderelay.gateway.application.admin.InvalidInputException;
import dev.clauderelay.gateway.application.admin.NotFoundException;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Admin input errors as 400, 404 and 409 answers whose message names the field or the thing. */
public final class AdminErrorMappers {

  private AdminErrorMappers() {}

  /** 400, naming the field. */
  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return Response.fromResponse(ErrorResponses.of(ErrorType.INVALID_REQUEST, e.getMessage()))
          .header("x-relay-invalid-field", e.field())
          .build();
    }
  }

  /** 404. */
  @Provider
  public static class NotFound implements ExceptionMapper<NotFoundException> {
    @Override
    public Response toResponse(NotFoundException e) {
      return ErrorResponses.of(ErrorType.NOT_FOUND, e.getMessage());
    }
  }

  /** 409: the message says what is in the way. */
  @Provider
  public static class Conflict implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      return ErrorResponses.of(new GatewayError(ErrorType.INVALID_REQUEST, 409, e.getMessage()));
    }
  }
}
