package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.support.Degradations;
import dev.clauderelay.plugin.support.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Builds the Gemini {@code GenerateContentRequest} for one Anthropic Messages request, in one pass
 * over it; used once. Subtrees that need no change (tool inputs, image data) are shared with the
 * client's request, which is never modified.
 *
 * <p>This class assembles the body and says which top-level fields it drops; each kind of content
 * has its class: {@link SystemInstruction}, {@link GeminiContents} (with {@link FunctionCalls} and
 * {@link MediaParts}), {@link FunctionDeclarations} and {@link GenerationConfig}.
 */
final class GeminiRequestTranslation {

  /** Top-level fields read by the translation; any other is reported and dropped. */
  private static final Set<String> TRANSLATED =
      Set.of(
          "model",
          "stream",
          "messages",
          "system",
          "max_tokens",
          "temperature",
          "top_p",
          "top_k",
          "stop_sequences",
          "tools",
          "tool_choice",
          "thinking",
          "output_config");

  private static final Map<String, String> DROPPED_FIELDS =
      Map.of(
          "metadata", "metadata was dropped: Gemini takes no end-user metadata.",
          "context_management",
              "context_management was dropped with its beta (context-management): Gemini does not"
                  + " edit the context server-side.",
          "service_tier", "service_tier was dropped: Gemini has no service tiers per request.",
          "container", "container was dropped: Gemini runs no Anthropic containers.",
          "mcp_servers", "mcp_servers were dropped: Gemini does not call MCP servers itself.");

  private final ObjectNode request;
  private final Degradations degradations;
  private final FunctionDeclarations functionDeclarations;

  private GeminiRequestTranslation(ObjectNode request, Degradations degradations) {
    this.request = request;
    this.degradations = degradations;
    this.functionDeclarations = new FunctionDeclarations(degradations);
  }

  /** The whole generateContent body. */
  static ObjectNode generateContent(ObjectNode request, Degradations degradations) {
    GeminiRequestTranslation translation = new GeminiRequestTranslation(request, degradations);
    ObjectNode body = translation.conversation();
    ObjectNode generationConfig = new GenerationConfig(request, degradations).build();
    if (!generationConfig.isEmpty()) {
      body.set("generationConfig", generationConfig);
    }
    translation.reportDroppedFields();
    translation.functionDeclarations.reportLostSchemaKeywords();
    return body;
  }

  /**
   * The countTokens body: a generateContentRequest, the only form that counts the system
   * instruction and the tools as well as the contents.
   */
  static ObjectNode countTokens(ObjectNode request, String modelName, Degradations degradations) {
    GeminiRequestTranslation translation = new GeminiRequestTranslation(request, degradations);
    ObjectNode generateContentRequest = Json.object();
    generateContentRequest.put("model", "models/" + modelName);
    generateContentRequest.setAll(translation.conversation());
    translation.functionDeclarations.reportLostSchemaKeywords();
    ObjectNode body = Json.object();
    body.set("generateContentRequest", generateContentRequest);
    return body;
  }

  /** contents, systemInstruction, tools and toolConfig. */
  private ObjectNode conversation() {
    SystemInstruction systemInstruction = new SystemInstruction(degradations);
    systemInstruction.add(request.get("system"));
    ArrayNode contents =
        new GeminiContents(systemInstruction, degradations).of(request.path("messages"));
    ObjectNode body = Json.object();
    body.set("contents", contents);
    if (!systemInstruction.isEmpty()) {
      body.putObject("systemInstruction").set("parts", systemInstruction.parts());
    }
    ArrayNode declarations = functionDeclarations.of(request.path("tools"));
    if (!declarations.isEmpty()) {
      body.putArray("tools").addObject().set("functionDeclarations", declarations);
      ObjectNode toolConfig = functionDeclarations.toolConfig(request.get("tool_choice"));
      if (toolConfig != null) {
        body.set("toolConfig", toolConfig);
      }
    }
    return body;
  }

  private void reportDroppedFields() {
    for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TRANSLATED.contains(name)) {
        degradations.report(
            DROPPED_FIELDS.getOrDefault(name, name + " has no Gemini equivalent and was dropped."));
      }
    }
  }
}
