package dev.clauderelay.admin.relay;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every error status into a {@link RelayRefusedException} carrying the gateway's message. */
public class RelayErrorMapper implements ResponseExceptionMapper<RelayRefusedException> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public RelayRefusedException toThrowable(Response response) {
    String body = response.hasEntity() ? response.readEntity(String.class) : "";
    return new RelayRefusedException(
        response.getStatus(), AdminApiJson.errorMessage(response.getStatus(), body), body);
  }
}
