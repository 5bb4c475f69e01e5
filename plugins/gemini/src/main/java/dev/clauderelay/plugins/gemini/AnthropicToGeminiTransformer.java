package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorClassification;
import dev.clauderelay.plugin.api.StreamTranslator;
import dev.clauderelay.plugin.api.Transformer;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamAnswer;
import dev.clauderelay.plugin.api.UpstreamRequest;
import dev.clauderelay.plugin.support.Degradations;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Translates Anthropic Messages requests into Gemini {@code generateContent} calls and Gemini's
 * answers, streams and errors back: the anti-corruption layer in front of the Gemini API.
 *
 * <p>The provider's base URL ends with the API version ({@code .../v1beta}); paths start at {@code
 * /models/}. The relay sends the key in the {@code x-goog-api-key} header, never in the URL.
 *
 * <p>Gemini is called two ways, generateContent and countTokens, so the methods come in the order a
 * call meets them: the two requests, the answers (a stream, a message, a count), the errors; then
 * the names the registry reads, and the paths.
 */
@Extension
public class AnthropicToGeminiTransformer implements Transformer {

  @Override
  public UpstreamRequest toUpstream(ObjectNode clientRequest, TranslationContext context) {
    ObjectNode body =
        GeminiRequestTranslation.generateContent(
            clientRequest, new Degradations(context.degradation()));
    String method = context.stream() ? ":streamGenerateContent?alt=sse" : ":generateContent";
    return new UpstreamRequest(modelPath(context.upstreamModel()) + method, Map.of(), body);
  }

  @Override
  public UpstreamRequest toCountTokens(ObjectNode clientRequest, TranslationContext context) {
    String model = modelName(context.upstreamModel());
    ObjectNode body =
        GeminiRequestTranslation.countTokens(
            clientRequest, model, new Degradations(context.degradation()));
    return new UpstreamRequest(modelPath(context.upstreamModel()) + ":countTokens", Map.of(), body);
  }

  @Override
  public StreamTranslator newStreamTranslator(TranslationContext context) {
    return new GeminiToAnthropicStreamTranslator(context);
  }

  @Override
  public ObjectNode toClient(JsonNode upstreamResponse, TranslationContext context) {
    return GeminiResponseTranslation.toMessage(upstreamResponse, context);
  }

  @Override
  public long countedTokens(JsonNode upstreamResponse) {
    return upstreamResponse.path("totalTokens").asLong(0);
  }

  @Override
  public ErrorClassification classifyError(UpstreamAnswer answer) {
    return GeminiErrors.classify(answer);
  }

  @Override
  public String id() {
    return "gemini";
  }

  @Override
  public String description() {
    return "Anthropic Messages to Google Gemini generateContent, streams, tools and thinking";
  }

  @Override
  public String upstreamKind() {
    return "gemini";
  }

  /** {@code /models/<model>} with the model as one URL-safe path segment. */
  static String modelPath(String upstreamModel) {
    return "/models/" + encodePathSegment(modelName(upstreamModel));
  }

  /** Gemini lists its models as {@code models/<name>}; an admin may paste either form. */
  private static String modelName(String upstreamModel) {
    return upstreamModel.startsWith("models/")
        ? upstreamModel.substring("models/".length())
        : upstreamModel;
  }

  /**
   * Percent-encodes everything but RFC 3986 unreserved characters, so a model name can neither
   * leave its path segment ({@code /}) nor start the method ({@code :}) or a query ({@code ?}).
   */
  static String encodePathSegment(String segment) {
    StringBuilder encoded = new StringBuilder(segment.length());
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}
