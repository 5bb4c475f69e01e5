package dev.clauderelay.gateway.interfaces.rest;

import dev.clauderelay.plugin.api.ErrorType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: an unexpected exception is logged with a reference and answered as a generic
 * {@code api_error} carrying that reference, never with a stack trace.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, exception);
    return Response.status(500)
        .type("application/json")
        .entity(
            ErrorResponses.json(
                ErrorType.API,
                "The relay failed to handle the request (reference " + reference + ")."))
        .build();
  }
}
