package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.gateway.application.pool.CredentialLease;
import dev.clauderelay.gateway.application.routing.RouteTarget;
import dev.clauderelay.gateway.application.topology.ProviderRuntime;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamCall;
import dev.clauderelay.gateway.infrastructure.upstream.UpstreamHeaders;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import dev.clauderelay.plugin.api.UpstreamRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One attempt's upstream call, built from the client's request: for an Anthropic upstream the
 * client's bytes and headers as they came (only the model and the credentials rewritten), for any
 * other the request its transformer writes. The attempt's credential goes on last.
 */
final class UpstreamCalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private UpstreamCalls() {}

  /**
   * @return the call, or {@code null} for a token count the upstream has no endpoint for (the relay
   *     then answers an estimate)
   * @throws GatewayError when the request cannot be expressed for this upstream: the client's
   *     problem, not the credential's
   */
  static UpstreamCall build(
      RelayRequest request,
      RouteTarget target,
      CredentialLease lease,
      Translation translation,
      RefusalFixes fixes) {
    ProviderRuntime provider = target.provider();
    String upstreamModel = target.upstreamModel(request.body().model());
    Map<String, List<String>> headers;
    byte[] bytes;
    String path;
    if (provider.kind() == ProviderKind.ANTHROPIC && provider.transformer() == null) {
      headers = UpstreamHeaders.forwardable(request.headers(), provider.betasToDrop());
      bytes = request.body().withModel(upstreamModel);
      path = request.endpoint().path() + (request.query() == null ? "" : "?" + request.query());
    } else {
      UpstreamRequest translated = translate(request, provider, upstreamModel, translation);
      if (translated == null) {
        return null;
      }
      headers = new LinkedHashMap<>();
      translated.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.of(v)));
      headers.put("content-type", List.of("application/json"));
      headers.put(
          "accept", List.of(request.body().stream() ? "text/event-stream" : "application/json"));
      bytes = writeJson(fixes.sending(provider, translated.body()));
      path = translated.path();
    }
    lease.authorize(provider.kind(), headers);
    return new UpstreamCall(
        URI.create(provider.baseUri() + path),
        headers,
        bytes,
        provider.connectTimeout(),
        provider.firstByteTimeout());
  }

  private static UpstreamRequest translate(
      RelayRequest request,
      ProviderRuntime provider,
      String upstreamModel,
      Translation translation) {
    ObjectNode clientBody = readClientBody(request);
    clientBody.put("model", upstreamModel);
    if (request.endpoint() == RelayRequest.Endpoint.COUNT_TOKENS) {
      return provider.transformer().toCountTokens(clientBody, translation.context(upstreamModel));
    }
    return provider.transformer().toUpstream(clientBody, translation.context(upstreamModel));
  }

  private static ObjectNode readClientBody(RelayRequest request) {
    try {
      return (ObjectNode) JSON.readTree(request.body().body());
    } catch (Exception e) {
      throw new GatewayError(ErrorType.INVALID_REQUEST, "The request body could not be read.");
    }
  }

  private static byte[] writeJson(Object node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (Exception e) {
      throw new IllegalStateException("JSON serialization failed", e);
    }
  }
}
