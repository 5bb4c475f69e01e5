package dev.clauderelay.gateway.application.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.gateway.application.routing.RouteTarget;
import dev.clauderelay.plugin.api.GatewayError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A translated upstream's whole (non-stream) answer in the client's words: its count of tokens, or
 * its message written in Anthropic's shape by the provider's transformer.
 */
final class TranslatedAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TranslatedAnswers() {}

  /**
   * @param usage receives the message's usage, read from the translated tree
   * @return the client's body, or {@code null} when the answer is not a JSON object
   * @throws GatewayError the transformer's verdict: the upstream said success but failed (an error
   *     body, a cut answer)
   */
  static byte[] clientBody(
      RelayRequest request,
      RouteTarget target,
      byte[] upstreamBody,
      Translation translation,
      UsageTally usage) {
    JsonNode upstreamJson;
    try {
      upstreamJson = JSON.readTree(upstreamBody);
    } catch (JsonProcessingException e) {
      return null;
    } catch (IOException e) {
      throw new IllegalStateException("Reading bytes in memory failed", e);
    }
    if (upstreamJson == null || !upstreamJson.isObject()) {
      return null;
    }
    if (request.endpoint() == RelayRequest.Endpoint.COUNT_TOKENS) {
      long tokens = target.provider().transformer().countedTokens(upstreamJson);
      return ("{\"input_tokens\":" + tokens + "}").getBytes(StandardCharsets.UTF_8);
    }
    ObjectNode message =
        target
            .provider()
            .transformer()
            .toClient(
                upstreamJson, translation.context(target.upstreamModel(request.body().model())));
    usage.observeMessage(message); // from the tree at hand, not by parsing its bytes again
    try {
      return JSON.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON serialization failed", e);
    }
  }
}
