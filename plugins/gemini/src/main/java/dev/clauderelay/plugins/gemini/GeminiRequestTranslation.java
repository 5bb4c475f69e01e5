package dev.clauderelay.plugins.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.ErrorType;
import dev.clauderelay.plugin.api.GatewayError;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Builds the Gemini {@code GenerateContentRequest} for one Anthropic Messages request, in one pass
 * over it; used once. Subtrees that need no change (tool inputs, image data) are shared with the
 * client's request, which is never modified.
 */
final class GeminiRequestTranslation {

  /**
   * The output limit of every current Gemini model (2.5 Pro and Flash, 3 Pro). Gemini rejects a
   * larger maxOutputTokens, and Claude Code always asks for 128000.
   */
  static final int MAX_OUTPUT_TOKENS = 65_536;

  /** Gemini takes at most five stop sequences. */
  private static final int MAX_STOP_SEQUENCES = 5;

  /** Claude Code's billing line in the system prompt: Anthropic metadata, not an instruction. */
  private static final String BILLING_HEADER = "x-anthropic-billing-header:";

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
              "context_management was dropped: Gemini does not edit the context server-side.",
          "service_tier", "service_tier was dropped: Gemini has no service tiers per request.",
          "container", "container was dropped: Gemini runs no Anthropic containers.",
          "mcp_servers", "mcp_servers were dropped: Gemini does not call MCP servers itself.");

  private static final String CACHE_CONTROL =
      "cache_control was dropped: Gemini caches repeated prompt prefixes implicitly.";

  private final ObjectNode request;
  private final Degradations degradations;
  private final Map<String, String> toolNamesById = new HashMap<>();
  private final ArrayNode systemParts = Json.array();
  private final ArrayNode contents = Json.array();
  private final SortedSet<String> lostSchemaKeywords = new TreeSet<>();

  private GeminiRequestTranslation(ObjectNode request, Degradations degradations) {
    this.request = request;
    this.degradations = degradations;
  }

  /** The whole generateContent body. */
  static ObjectNode generateContent(ObjectNode request, Degradations degradations) {
    GeminiRequestTranslation translation = new GeminiRequestTranslation(request, degradations);
    ObjectNode body = translation.conversation();
    ObjectNode generationConfig = translation.generationConfig();
    if (!generationConfig.isEmpty()) {
      body.set("generationConfig", generationConfig);
    }
    translation.reportDroppedFields();
    translation.reportLostSchemaKeywords();
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
    translation.reportLostSchemaKeywords();
    ObjectNode body = Json.object();
    body.set("generateContentRequest", generateContentRequest);
    return body;
  }

  /** contents, systemInstruction, tools and toolConfig. */
  private ObjectNode conversation() {
    systemParts(request.get("system"));
    JsonNode messages = request.path("messages");
    for (JsonNode message : messages) {
      message(message);
    }
    ObjectNode body = Json.object();
    body.set("contents", contents);
    if (!systemParts.isEmpty()) {
      body.putObject("systemInstruction").set("parts", systemParts);
    }
    ArrayNode declarations = functionDeclarations(request.path("tools"));
    if (!declarations.isEmpty()) {
      body.putArray("tools").addObject().set("functionDeclarations", declarations);
      ObjectNode toolConfig = toolConfig(request.get("tool_choice"));
      if (toolConfig != null) {
        body.set("toolConfig", toolConfig);
      }
    }
    return body;
  }

  // ---- system ------------------------------------------------------------------------------

  private void systemParts(JsonNode system) {
    if (system == null || system.isNull()) {
      return;
    }
    if (system.isTextual()) {
      addSystemText(system.asText());
      return;
    }
    for (JsonNode block : system) {
      if (block.has("cache_control")) {
        degradations.report(CACHE_CONTROL);
      }
      if ("text".equals(block.path("type").asText())) {
        addSystemText(block.path("text").asText(""));
      } else {
        dropBlock(block, "system");
      }
    }
  }

  private void addSystemText(String text) {
    if (text.isEmpty()) {
      return;
    }
    if (text.startsWith(BILLING_HEADER)) {
      // It changes on every request, which would also defeat Gemini's implicit prefix caching.
      degradations.report("Claude Code's billing header line was left out of the system prompt.");
      return;
    }
    systemParts.addObject().put("text", text);
  }

  // ---- messages ----------------------------------------------------------------------------

  private void message(JsonNode message) {
    String role = message.path("role").asText();
    for (Iterator<String> names = message.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals("output_config")) {
        outputConfigOfMessage(message.get(name));
      } else if (!name.equals("role") && !name.equals("content")) {
        degradations.report("The message field " + name + " has no Gemini equivalent.");
      }
    }
    JsonNode content = message.path("content");
    switch (role) {
      case "system" -> {
        // Claude Code puts its environment block here; Gemini has one system instruction.
        systemParts(content);
      }
      case "user" -> append("user", userParts(content));
      case "assistant" -> append("model", modelParts(content));
      default ->
          throw new GatewayError(
              ErrorType.INVALID_REQUEST, "messages: unknown role '" + role + "'.");
    }
  }

  private void outputConfigOfMessage(JsonNode outputConfig) {
    if (outputConfig.has("effort")) {
      reportEffort();
    }
  }

  /**
   * Adds a turn, merged into the previous one of the same role, as Gemini wants them to alternate.
   */
  private void append(String role, ArrayNode parts) {
    if (parts.isEmpty()) {
      return;
    }
    JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
    if (last != null && role.equals(last.path("role").asText())) {
      ((ArrayNode) last.get("parts")).addAll(parts);
      return;
    }
    ObjectNode turn = contents.addObject();
    turn.put("role", role);
    turn.set("parts", parts);
  }

  private ArrayNode userParts(JsonNode content) {
    ArrayNode parts = Json.array();
    if (content.isTextual()) {
      addText(parts, content.asText());
      return parts;
    }
    for (JsonNode block : content) {
      noteCacheControl(block);
      switch (block.path("type").asText()) {
        case "text" -> addText(parts, block.path("text").asText(""));
        case "image" -> image(block, parts);
        case "document" -> document(block, parts);
        case "tool_result" -> toolResult(block, parts);
        default -> dropBlock(block, "user");
      }
    }
    return parts;
  }

  private ArrayNode modelParts(JsonNode content) {
    ArrayNode parts = Json.array();
    if (content.isTextual()) {
      addText(parts, content.asText());
      return parts;
    }
    String pendingSignature = null;
    for (JsonNode block : content) {
      noteCacheControl(block);
      ObjectNode part = null;
      switch (block.path("type").asText()) {
        case "thinking" -> {
          String signature = ThoughtSignatures.fromAnthropic(Json.text(block, "signature"));
          if (signature == null) {
            reportForeignThinking(block);
          } else {
            if (pendingSignature != null) {
              signatureOnly(parts, pendingSignature);
            }
            pendingSignature = signature;
          }
        }
        case "redacted_thinking" ->
            degradations.report(
                "redacted_thinking blocks were dropped: only Anthropic can read them.");
        case "text" -> {
          String text = block.path("text").asText("");
          if (!text.isEmpty()) {
            part = Json.object().put("text", text);
          }
        }
        case "tool_use" -> part = functionCall(block);
        default -> dropBlock(block, "assistant");
      }
      if (part != null) {
        if (pendingSignature != null) {
          part.put("thoughtSignature", pendingSignature);
          pendingSignature = null;
        }
        parts.add(part);
      }
    }
    if (pendingSignature != null) {
      signatureOnly(parts, pendingSignature);
    }
    return parts;
  }

  /** A signature that belonged to no content: Gemini sends those on an empty text part. */
  private static void signatureOnly(ArrayNode parts, String signature) {
    parts.addObject().put("text", "").put("thoughtSignature", signature);
  }

  private void reportForeignThinking(JsonNode block) {
    // Thinking of this plugin without a signature is Gemini's own thought summary: Gemini keeps
    // its reasoning in signatures and takes no thought text back, so nothing is lost.
    String signature = Json.text(block, "signature");
    if (signature != null) {
      degradations.report(
          "Thinking blocks signed by another provider were dropped: Gemini cannot use them.");
    }
  }

  private ObjectNode functionCall(JsonNode block) {
    String id = block.path("id").asText("");
    String name = block.path("name").asText("");
    toolNamesById.put(id, name);
    ObjectNode call = Json.object();
    if (isGeminiCallId(id)) {
      call.put("id", id);
    }
    call.put("name", name);
    JsonNode input = block.get("input");
    call.set("args", input != null && input.isObject() ? input : Json.object());
    return Json.object().set("functionCall", call);
  }

  /**
   * Whether a tool id came from Gemini, which then matches its response by it; {@code toolu_} ids
   * are Anthropic's or made up by this plugin, and Gemini matches those calls by name and order.
   */
  private static boolean isGeminiCallId(String id) {
    return !id.isEmpty() && !id.startsWith("toolu_");
  }

  private void toolResult(JsonNode block, ArrayNode parts) {
    String id = block.path("tool_use_id").asText("");
    String name = toolNamesById.get(id);
    if (name == null) {
      throw new GatewayError(
          ErrorType.INVALID_REQUEST,
          "tool_result " + id + " answers no tool_use of an earlier assistant message.");
    }
    ArrayNode extraParts = Json.array();
    String output = toolResultText(block.get("content"), extraParts);
    ObjectNode response = Json.object();
    response.put(block.path("is_error").asBoolean(false) ? "error" : "content", output);
    ObjectNode functionResponse = Json.object();
    if (isGeminiCallId(id)) {
      functionResponse.put("id", id);
    }
    functionResponse.put("name", name);
    functionResponse.set("response", response);
    parts.addObject().set("functionResponse", functionResponse);
    parts.addAll(extraParts);
  }

  /**
   * A tool result's text (blocks joined by newlines); its images follow the functionResponse as
   * inline data parts of the same turn, which every Gemini model reads.
   */
  private String toolResultText(JsonNode content, ArrayNode extraParts) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      noteCacheControl(block);
      switch (block.path("type").asText()) {
        case "text" -> {
          if (!text.isEmpty()) {
            text.append('\n');
          }
          text.append(block.path("text").asText(""));
        }
        case "image" -> image(block, extraParts);
        case "document" -> document(block, extraParts);
        default -> dropBlock(block, "tool_result");
      }
    }
    return text.toString();
  }

  private static void addText(ArrayNode parts, String text) {
    if (!text.isEmpty()) {
      parts.addObject().put("text", text);
    }
  }

  private void image(JsonNode block, ArrayNode parts) {
    JsonNode source = block.path("source");
    switch (source.path("type").asText()) {
      case "base64" -> inlineData(parts, source.path("media_type").asText(), source.get("data"));
      case "url" -> {
        String url = source.path("url").asText("");
        if (isGeminiFileUri(url)) {
          parts.addObject().putObject("fileData").put("fileUri", url);
        } else {
          degradations.report(
              "Images given by URL were dropped: Gemini reads only inline data and its own files.");
        }
      }
      default ->
          degradations.report(
              "Images of source type " + source.path("type").asText() + " were dropped.");
    }
  }

  /** Files uploaded to Gemini's File API are the URLs Gemini itself can read. */
  private static boolean isGeminiFileUri(String url) {
    return url.startsWith("https://generativelanguage.googleapis.com/");
  }

  private void document(JsonNode block, ArrayNode parts) {
    JsonNode source = block.path("source");
    switch (source.path("type").asText()) {
      case "base64" -> inlineData(parts, source.path("media_type").asText(), source.get("data"));
      case "text" -> addText(parts, source.path("data").asText(""));
      case "content" -> {
        for (JsonNode inner : source.path("content")) {
          if ("text".equals(inner.path("type").asText())) {
            addText(parts, inner.path("text").asText(""));
          } else if ("image".equals(inner.path("type").asText())) {
            image(inner, parts);
          }
        }
      }
      default ->
          degradations.report(
              "Documents of source type " + source.path("type").asText() + " were dropped.");
    }
    if (block.has("citations")) {
      degradations.report("Document citations were dropped: Gemini does not cite documents.");
    }
  }

  private static void inlineData(ArrayNode parts, String mediaType, JsonNode data) {
    ObjectNode inline = parts.addObject().putObject("inlineData");
    inline.put("mimeType", mediaType);
    inline.set("data", data);
  }

  private void noteCacheControl(JsonNode block) {
    if (block.has("cache_control")) {
      degradations.report(CACHE_CONTROL);
    }
  }

  private void dropBlock(JsonNode block, String where) {
    degradations.report(
        "Content blocks of type "
            + block.path("type").asText("(none)")
            + " in "
            + where
            + " messages were dropped: Gemini has no equivalent.");
  }

  // ---- tools -------------------------------------------------------------------------------

  private ArrayNode functionDeclarations(JsonNode tools) {
    ArrayNode declarations = Json.array();
    for (JsonNode tool : tools) {
      String type = tool.path("type").asText("custom");
      if (!type.equals("custom")) {
        degradations.report(
            "The Anthropic server tool " + type + " was dropped: Gemini cannot run it.");
        continue;
      }
      declarations.add(functionDeclaration(tool));
    }
    return declarations;
  }

  private ObjectNode functionDeclaration(JsonNode tool) {
    ObjectNode declaration = Json.object();
    declaration.put("name", tool.path("name").asText());
    if (tool.hasNonNull("description")) {
      declaration.set("description", tool.get("description"));
    }
    JsonNode inputSchema = tool.get("input_schema");
    if (inputSchema != null && inputSchema.isObject()) {
      GeminiSchema schema = GeminiSchema.of(inputSchema, false);
      ObjectNode parameters = schema.convert();
      lostSchemaKeywords.addAll(schema.lostKeywords());
      if (!GeminiSchema.isEmptyObject(parameters)) {
        declaration.set("parameters", parameters);
      }
    }
    for (Iterator<String> names = tool.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      switch (field) {
        case "name", "description", "input_schema", "type" -> {
          // translated above
        }
        case "cache_control" -> degradations.report(CACHE_CONTROL);
        case "defer_loading" ->
            degradations.report(
                "defer_loading was ignored: Gemini has no tool search, deferred tools are declared"
                    + " up front.");
        case "strict" ->
            degradations.report("strict was dropped: Gemini does not validate tool input.");
        default ->
            degradations.report(
                "The tool field " + field + " has no Gemini equivalent and was dropped.");
      }
    }
    return declaration;
  }

  private ObjectNode toolConfig(JsonNode toolChoice) {
    if (toolChoice == null || !toolChoice.isObject()) {
      return null;
    }
    if (toolChoice.path("disable_parallel_tool_use").asBoolean(false)) {
      degradations.report(
          "disable_parallel_tool_use was dropped: Gemini cannot forbid parallel calls.");
    }
    ObjectNode config = Json.object();
    switch (toolChoice.path("type").asText()) {
      case "auto" -> config.put("mode", "AUTO");
      case "any" -> config.put("mode", "ANY");
      case "none" -> config.put("mode", "NONE");
      case "tool" -> {
        config.put("mode", "ANY");
        config.putArray("allowedFunctionNames").add(toolChoice.path("name").asText());
      }
      default -> {
        degradations.report("tool_choice of an unknown type was dropped.");
        return null;
      }
    }
    ObjectNode toolConfig = Json.object();
    toolConfig.set("functionCallingConfig", config);
    return toolConfig;
  }

  // ---- generation settings ----------------------------------------------------------------

  private ObjectNode generationConfig() {
    ObjectNode config = Json.object();
    JsonNode maxTokens = request.get("max_tokens");
    if (maxTokens != null && maxTokens.canConvertToLong()) {
      long requested = maxTokens.asLong();
      if (requested > MAX_OUTPUT_TOKENS) {
        degradations.report(
            "max_tokens was lowered to " + MAX_OUTPUT_TOKENS + ", Gemini's output limit.");
      }
      config.put("maxOutputTokens", Math.min(requested, MAX_OUTPUT_TOKENS));
    }
    copyNumber("temperature", "temperature", config);
    copyNumber("top_p", "topP", config);
    copyNumber("top_k", "topK", config);
    stopSequences(config);
    thinkingConfig(config);
    outputConfig(config);
    return config;
  }

  private void copyNumber(String from, String to, ObjectNode config) {
    JsonNode value = request.get(from);
    if (value != null && value.isNumber()) {
      config.set(to, value);
    }
  }

  private void stopSequences(ObjectNode config) {
    JsonNode sequences = request.get("stop_sequences");
    if (sequences == null || !sequences.isArray() || sequences.isEmpty()) {
      return;
    }
    ArrayNode kept = config.putArray("stopSequences");
    for (JsonNode sequence : sequences) {
      if (kept.size() == MAX_STOP_SEQUENCES) {
        degradations.report("Stop sequences beyond Gemini's five were dropped.");
        break;
      }
      kept.add(sequence);
    }
  }

  /**
   * Anthropic's thinking settings as Gemini's thinkingConfig: {@code enabled} gives its budget,
   * {@code adaptive} lets Gemini pick the budget per request (-1, dynamic thinking), and both ask
   * for thought summaries unless the client asked for them to be omitted. {@code disabled} sends
   * nothing: Gemini then returns no thoughts, and its Pro and 3 models cannot stop thinking.
   */
  private void thinkingConfig(ObjectNode config) {
    JsonNode thinking = request.get("thinking");
    if (thinking == null || !thinking.isObject()) {
      return;
    }
    boolean includeThoughts = !"omitted".equals(thinking.path("display").asText());
    ObjectNode thinkingConfig = Json.object();
    switch (thinking.path("type").asText()) {
      case "enabled" ->
          thinkingConfig.put("thinkingBudget", thinking.path("budget_tokens").asLong());
      case "adaptive" -> thinkingConfig.put("thinkingBudget", -1);
      default -> {
        return;
      }
    }
    thinkingConfig.put("includeThoughts", includeThoughts);
    config.set("thinkingConfig", thinkingConfig);
  }

  private void outputConfig(ObjectNode config) {
    JsonNode outputConfig = request.get("output_config");
    if (outputConfig == null || !outputConfig.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : outputConfig.properties()) {
      switch (field.getKey()) {
        case "effort" -> reportEffort();
        case "format" -> responseFormat(field.getValue(), config);
        default ->
            degradations.report(
                "output_config." + field.getKey() + " has no Gemini equivalent and was dropped.");
      }
    }
  }

  private void reportEffort() {
    degradations.report(
        "output_config.effort was dropped: Gemini sizes its thinking by budget, not effort.");
  }

  /** A JSON schema output format as Gemini's JSON mode with a response schema. */
  private void responseFormat(JsonNode format, ObjectNode config) {
    String type = format.path("type").asText();
    JsonNode schema = format.get("schema");
    if (!"json_schema".equals(type) || schema == null || !schema.isObject()) {
      degradations.report("output_config.format of type " + type + " was dropped.");
      return;
    }
    GeminiSchema converted = GeminiSchema.of(schema, true);
    config.put("responseMimeType", "application/json");
    config.set("responseSchema", converted.convert());
    if (!converted.lostKeywords().isEmpty()) {
      degradations.report(
          "The output schema lost keywords Gemini does not take: "
              + String.join(", ", converted.lostKeywords())
              + ".");
    }
  }

  // ---- reports -----------------------------------------------------------------------------

  private void reportDroppedFields() {
    for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TRANSLATED.contains(name)) {
        degradations.report(
            DROPPED_FIELDS.getOrDefault(name, name + " has no Gemini equivalent and was dropped."));
      }
    }
  }

  private void reportLostSchemaKeywords() {
    if (!lostSchemaKeywords.isEmpty()) {
      degradations.report(
          "Tool schemas lost keywords Gemini does not take: "
              + String.join(", ", lostSchemaKeywords)
              + ".");
    }
  }
}
