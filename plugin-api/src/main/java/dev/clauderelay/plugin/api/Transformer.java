package dev.clauderelay.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates between the Anthropic Messages format clients speak and one upstream format, both
 * ways: an anti-corruption layer around a provider's API.
 *
 * <p><b>Purity:</b> a transformer only describes: it builds and reads JSON, and performs no I/O,
 * sees no credentials, uses no CDI and reads no clock. The relay's one upstream client does every
 * HTTP call. <b>Threading:</b> one instance serves every request concurrently; per-stream state
 * lives in the {@link StreamTranslator} it creates. <b>Failure:</b> {@link GatewayError} from
 * {@code toUpstream} is answered to the client as is (an {@code invalid_request_error} for input
 * the upstream cannot express); any other exception is a bug and becomes an {@code api_error}.
 */
public interface Transformer extends RelayExtension {

  /** The provider kind this transformer serves by default, such as {@code openai}. */
  String upstreamKind();

  /**
   * Translates a client's Anthropic Messages request.
   *
   * @param clientRequest the request body as the client sent it, with {@code model} already set to
   *     the upstream model; the transformer must not modify it
   */
  UpstreamRequest toUpstream(ObjectNode clientRequest, TranslationContext context);

  /**
   * Translates a complete non-stream upstream response into an Anthropic {@code message}.
   *
   * @throws GatewayError when the upstream answered 200 with an error or a cut-short answer; the
   *     relay answers it to the client as is (an {@code overloaded_error}, say)
   */
  ObjectNode toClient(JsonNode upstreamResponse, TranslationContext context);

  /** Creates the translator for one upstream stream. */
  StreamTranslator newStreamTranslator(TranslationContext context);

  /** Classifies an upstream error answer (status 400 or above) for the key pool and the client. */
  ErrorClassification classifyError(UpstreamAnswer answer);

  /**
   * The upstream request that counts the tokens of {@code clientRequest}, or {@code null} when the
   * upstream has no such endpoint and the relay estimates.
   */
  default UpstreamRequest toCountTokens(ObjectNode clientRequest, TranslationContext context) {
    return null;
  }

  /**
   * Reads the token count from the answer to {@link #toCountTokens}; called only when that returned
   * a request.
   *
   * @return the {@code input_tokens} to answer the client's {@code count_tokens} with
   */
  default long countedTokens(JsonNode upstreamResponse) {
    throw new UnsupportedOperationException(id() + " has no token counting endpoint");
  }
}
