package dev.clauderelay.gateway.interfaces.proxy;

import dev.clauderelay.gateway.application.relay.ClientKeyAuthenticator;
import dev.clauderelay.gateway.application.topology.ClientKeyView;
import dev.clauderelay.gateway.application.topology.CurrentTopology;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.interfaces.rest.PublicAccess;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rest of the client API: {@code GET /v1/models} in Anthropic's list format, and the quick
 * unauthenticated answers to {@code HEAD /} and {@code HEAD /api/hello} that Claude Code sends to
 * check connectivity.
 */
@Path("")
@PublicAccess("the client API: connectivity probes, and models checked against the client key")
public class ClientApiResource {

  /** A fixed creation date: the relay does not know when an upstream released a model. */
  private static final String CREATED_AT = "2025-01-01T00:00:00Z";

  @Inject private CurrentTopology topology;
  @Inject private ClientKeyAuthenticator authenticator;

  @HEAD
  public Response probeRoot() {
    return Response.ok().build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String root() {
    return "{\"name\":\"Claude Relay\",\"version\":\""
        + RelayConfig.VERSION
        + "\",\"api\":\"/v1/messages\",\"console\":\"/admin/\"}";
  }

  @HEAD
  @Path("api/hello")
  public Response probeHello() {
    return Response.ok().build();
  }

  @GET
  @Path("v1/models")
  @Produces(MediaType.APPLICATION_JSON)
  public String models(
      @HeaderParam("x-api-key") String apiKey, @HeaderParam("authorization") String authorization) {
    ClientKeyView key = authenticator.authenticate(apiKey, authorization);
    List<Map<String, Object>> data = new ArrayList<>();
    for (String id : topology.get().advertisedModels()) {
      if (key != null && !key.allows(id)) {
        continue;
      }
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("type", "model");
      model.put("id", id);
      model.put("display_name", id);
      model.put("created_at", CREATED_AT);
      data.add(model);
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("data", data);
    page.put("has_more", false);
    page.put("first_id", data.isEmpty() ? null : data.get(0).get("id"));
    page.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).get("id"));
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(page);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
