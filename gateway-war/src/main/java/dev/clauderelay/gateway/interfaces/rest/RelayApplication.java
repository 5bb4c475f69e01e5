package dev.clauderelay.gateway.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The relay's JAX-RS application, at the root of the gateway WAR (itself at the server's root), so
 * {@code ANTHROPIC_BASE_URL=http://host:port} works as clients expect.
 */
@ApplicationPath("/")
public class RelayApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // Jersey buffers whole responses to compute Content-Length unless told not to; streams must
    // reach the client event by event.
    // Jersey would describe every resource to anyone who asks (GET /application.wadl, OPTIONS);
    // the API is documented at /openapi, and answers nothing about itself to anonymous callers.
    return Map.of(
        "jersey.config.server.contentLength.buffer",
        0,
        "jersey.config.server.wadl.disableWadl",
        true);
  }
}
