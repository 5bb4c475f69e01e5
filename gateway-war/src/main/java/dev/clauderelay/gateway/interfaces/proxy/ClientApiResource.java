package dev.clauderelay.gateway.interfaces.proxy;

import dev.clauderelay.gateway.application.relay.ClientKeyAuthenticator;
import dev.clauderelay.gateway.application.topology.ClientKeyView;
import dev.clauderelay.gateway.application.topology.CurrentTopology;
import dev.clauderelay.gateway.infrastructure.config.RelayConfig;
import dev.clauderelay.gateway.interfaces.rest.PublicAccess;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

  /** Anthropic's page size when the client names none, and the largest it allows. */
  static final int DEFAULT_MODELS_LIMIT = 20;

  static final int MAX_MODELS_LIMIT = 1000;

  /**
   * {@code GET /v1/models?limit=&after_id=&before_id=}: the models this client key may use, in
   * Anthropic's list format and paging (a page of {@code limit}, 20 unless named, at most 1000;
   * {@code after_id} / {@code before_id} name the id the page starts after or ends before; {@code
   * has_more} says whether more lie beyond in that direction). Answered from memory, at once, with
   * either credential style: Claude Code asks with {@code limit=1000} and waits three seconds.
   */
  @GET
  @Path("v1/models")
  @Produces(MediaType.APPLICATION_JSON)
  public String models(
      @HeaderParam("x-api-key") String apiKey,
      @HeaderParam("authorization") String authorization,
      @QueryParam("limit") String limit,
      @QueryParam("after_id") String afterId,
      @QueryParam("before_id") String beforeId) {
    ClientKeyView key = authenticator.authenticate(apiKey, authorization);
    int pageSize = pageSize(limit);
    if (afterId != null && beforeId != null) {
      throw new GatewayError(
          ErrorType.INVALID_REQUEST, "after_id and before_id cannot be used together.");
    }
    List<String> ids = new ArrayList<>();
    for (String id : topology.get().advertisedModels()) {
      if (key == null || key.allows(id)) {
        ids.add(id);
      }
    }
    int from = 0;
    int to = ids.size();
    if (afterId != null) {
      from = ids.indexOf(afterId) + 1;
      if (from == 0) {
        throw unknownModel("after_id", afterId);
      }
      to = Math.min(ids.size(), from + pageSize);
    } else if (beforeId != null) {
      to = ids.indexOf(beforeId);
      if (to < 0) {
        throw unknownModel("before_id", beforeId);
      }
      from = Math.max(0, to - pageSize);
    } else {
      to = Math.min(ids.size(), pageSize);
    }
    boolean hasMore = beforeId != null ? from > 0 : to < ids.size();
    List<Map<String, Object>> data = new ArrayList<>();
    for (String id : ids.subList(from, to)) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("type", "model");
      model.put("id", id);
      model.put("display_name", id);
      model.put("created_at", CREATED_AT);
      data.add(model);
    }
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("data", data);
    page.put("has_more", hasMore);
    page.put("first_id", data.isEmpty() ? null : data.get(0).get("id"));
    page.put("last_id", data.isEmpty() ? null : data.get(data.size() - 1).get("id"));
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(page);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int pageSize(String limit) {
    if (limit == null || limit.isBlank()) {
      return DEFAULT_MODELS_LIMIT;
    }
    try {
      int value = limit.length() > 9 ? -1 : Integer.parseInt(limit.strip());
      if (value >= 1 && value <= MAX_MODELS_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new GatewayError(
        ErrorType.INVALID_REQUEST,
        "limit: must be a whole number from 1 to " + MAX_MODELS_LIMIT + ".");
  }

  private static GatewayError unknownModel(String parameter, String id) {
    return new GatewayError(
        ErrorType.INVALID_REQUEST,
        parameter
            + ": "
            + (id.length() > 100 ? id.substring(0, 100) + "..." : id)
            + " is not a model this key may list.");
  }
}
