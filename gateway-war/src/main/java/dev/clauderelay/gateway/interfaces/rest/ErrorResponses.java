package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.gateway.application.relay.ErrorBodies;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Builds error answers in Anthropic's shape, {@code
 * {"type":"error","error":{"type":...,"message":...}}}, for the client API and the admin API alike,
 * so every client parses one shape.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static String json(ErrorType type, String message) {
    return ErrorBodies.json(type, message);
  }

  public static Response of(GatewayError error) {
    return Response.status(error.httpStatus())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(json(error.type(), error.getMessage()))
        .build();
  }

  public static Response of(ErrorType type, String message) {
    return of(new GatewayError(type, message));
  }
}
