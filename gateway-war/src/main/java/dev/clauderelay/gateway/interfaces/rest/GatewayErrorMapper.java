package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.plugin.api.GatewayError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link GatewayError} in Anthropic's error shape with its status. */
@Provider
public class GatewayErrorMapper implements ExceptionMapper<GatewayError> {

  @Override
  public Response toResponse(GatewayError error) {
    return ErrorResponses.of(error);
  }
}
