package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.plugin.api.ErrorType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives JAX-RS's own refusals (unknown path, wrong method, unsupported media type, unreadable body)
 * the Anthropic error shape and a message a person can act on.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    ErrorType type =
        switch (status) {
          case 401 -> ErrorType.AUTHENTICATION;
          case 403 -> ErrorType.PERMISSION;
          case 404 -> ErrorType.NOT_FOUND;
          case 413 -> ErrorType.REQUEST_TOO_LARGE;
          case 429 -> ErrorType.RATE_LIMIT;
          default -> status >= 500 ? ErrorType.API : ErrorType.INVALID_REQUEST;
        };
    String message =
        switch (status) {
          case 404 -> "No such endpoint. Clients use POST /v1/messages; admins /api/admin/*.";
          case 405 -> "This endpoint does not accept this HTTP method.";
          case 406 -> "This endpoint answers application/json only.";
          case 415 -> "Send the body as application/json.";
          default -> status >= 500 ? "The relay failed to handle the request." : "Bad request.";
        };
    Response.ResponseBuilder answer = Response.fromResponse(exception.getResponse());
    return answer.type("application/json").entity(ErrorResponses.json(type, message)).build();
  }
}
