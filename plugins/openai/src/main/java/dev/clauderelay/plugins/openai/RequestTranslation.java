package dev.clauderelay.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clauderelay.plugin.api.TranslationContext;
import dev.clauderelay.plugin.api.UpstreamRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Translates one Anthropic Messages request into an OpenAI Chat Completions request, in one pass
 * over the client's JSON, reporting every field it drops on purpose. One instance per request.
 *
 * <p>Text blocks of one message become one string, joined by a newline (Claude Code's blocks bring
 * their own blank lines), rather than a list of parts, because Zhipu GLM and several vLLM chat
 * templates accept only strings for system and assistant content; a list is used only where images
 * require it.
 */
final class RequestTranslation {

  static final String PATH = "/chat/completions";

  /** Claude Code's first system block: Anthropic billing metadata with a per-request hash. */
  private static final String BILLING_HEADER_PREFIX = "x-anthropic-billing-header:";

  /** OpenAI accepts at most this many stop sequences (DeepSeek more, but not all do). */
  private static final int MAX_STOP_SEQUENCES = 4;

  private static final String BLOCK_SEPARATOR = "\n";

  private final ObjectNode request;
  private final TranslationContext context;
  private final String model;
  private final Degradations degradations;

  /** Deferred tools that a {@code tool_reference} in the conversation has loaded. */
  private final Set<String> loadedTools;

  RequestTranslation(ObjectNode request, TranslationContext context) {
    this.request = request;
    this.context = context;
    this.model = request.path("model").asText(context.upstreamModel());
    this.degradations = new Degradations(context.degradation());
    this.loadedTools = new HashSet<>();
  }

  UpstreamRequest translate() {
    ObjectNode body = Json.NODES.objectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    addSystem(request.get("system"), messages);
    addMessages(request.path("messages"), messages);
    boolean hasTools = addTools(request.get("tools"), body);
    addToolChoice(request.get("tool_choice"), hasTools, body);
    addMaxTokens(request.get("max_tokens"), body);
    copyNumber("temperature", body);
    copyNumber("top_p", body);
    addStop(request.get("stop_sequences"), body);
    addUser(request.get("metadata"), body);
    addResponseFormat(body);
    if (context.stream()) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    reportDroppedTopLevelFields();
    return new UpstreamRequest(PATH, Map.of(), body);
  }

  // --- system -------------------------------------------------------------------------------

  private void addSystem(JsonNode system, ArrayNode out) {
    if (system == null || system.isNull()) {
      return;
    }
    String text = systemText(system);
    if (!text.isEmpty()) {
      out.addObject().put("role", "system").put("content", text);
    }
  }

  private String systemText(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      reportCacheControl(block);
      String type = block.path("type").asText();
      if (!type.equals("text")) {
        degradations.report(
            "A " + type + " block in a system prompt was dropped: system messages carry text.");
        continue;
      }
      String blockText = block.path("text").asText();
      if (blockText.startsWith(BILLING_HEADER_PREFIX)) {
        degradations.report(
            "The x-anthropic-billing-header system block was dropped: it is Anthropic billing"
                + " metadata whose per-request hash would defeat the upstream's prefix cache.");
        continue;
      }
      appendBlock(text, blockText);
    }
    return text.toString();
  }

  // --- messages -----------------------------------------------------------------------------

  private void addMessages(JsonNode messages, ArrayNode out) {
    int count = messages.size();
    for (int i = 0; i < count; i++) {
      JsonNode message = messages.get(i);
      reportMessageFields(message);
      String role = message.path("role").asText();
      JsonNode content = message.path("content");
      switch (role) {
        case "user" -> addUserMessage(content, out);
        case "assistant" -> {
          addAssistantMessage(content, out);
          if (i == count - 1) {
            degradations.report(
                "The final assistant message (a prefill) was sent as a finished turn:"
                    + " OpenAI-compatible upstreams answer after it rather than continue it.");
          }
        }
        case "system" -> {
          // Claude Code puts its environment block here, between user turns: kept in place.
          String text = systemText(content);
          if (!text.isEmpty()) {
            out.addObject().put("role", "system").put("content", text);
          }
        }
        default ->
            degradations.report(
                "A message with role \"" + role + "\" was dropped: the upstream has no such role.");
      }
    }
  }

  private void reportMessageFields(JsonNode message) {
    for (Map.Entry<String, JsonNode> field : message.properties()) {
      String name = field.getKey();
      if (!name.equals("role") && !name.equals("content")) {
        degradations.report(
            "The message field "
                + name
                + " was dropped: OpenAI-compatible messages carry only role and content.");
      }
    }
  }

  /**
   * A user turn: its tool results first, as {@code tool} messages (OpenAI wants them right after
   * the assistant's tool calls), then the rest of its content as one user message.
   */
  private void addUserMessage(JsonNode content, ArrayNode out) {
    if (content.isTextual()) {
      out.addObject().put("role", "user").put("content", content.asText());
      return;
    }
    Parts parts = new Parts();
    for (JsonNode block : content) {
      reportCacheControl(block);
      String type = block.path("type").asText();
      switch (type) {
        case "text" -> parts.text(block.path("text").asText(), block);
        case "image" -> parts.image(block);
        case "tool_result" -> addToolResult(block, parts, out);
        case "document" -> parts.document(block);
        default ->
            degradations.report(
                "A "
                    + type
                    + " block was dropped: OpenAI-compatible upstreams have no equivalent.");
      }
    }
    if (!parts.isEmpty()) {
      ObjectNode message = out.addObject().put("role", "user");
      message.set("content", parts.toContent());
    }
  }

  /**
   * One {@code tool} message. Its images cannot stay in it (OpenAI tool messages carry text), so
   * they join the user message that follows the tool messages, introduced by a line naming the
   * call.
   */
  private void addToolResult(JsonNode block, Parts userParts, ArrayNode out) {
    String toolUseId = block.path("tool_use_id").asText();
    JsonNode content = block.get("content");
    StringBuilder text = new StringBuilder();
    if (content != null && content.isTextual()) {
      text.append(content.asText());
    } else if (content != null && content.isArray()) {
      for (JsonNode part : content) {
        reportCacheControl(part);
        String type = part.path("type").asText();
        switch (type) {
          case "text" -> appendBlock(text, part.path("text").asText());
          case "image" -> {
            degradations.report(
                "Images in tool results were moved to a user message after the tool messages:"
                    + " OpenAI tool messages carry text only.");
            userParts.text("(image returned by tool call " + toolUseId + ")", part);
            userParts.image(part);
          }
          case "tool_reference" -> {
            String toolName = part.path("tool_name").asText();
            loadedTools.add(toolName);
            appendBlock(text, "Tool " + toolName + " loaded.");
          }
          default ->
              degradations.report(
                  "A "
                      + type
                      + " block in a tool result was dropped: OpenAI tool messages carry text.");
        }
      }
    }
    String result = block.path("is_error").asBoolean(false) ? "Error: " + text : text.toString();
    out.addObject().put("role", "tool").put("tool_call_id", toolUseId).put("content", result);
  }

  private void addAssistantMessage(JsonNode content, ArrayNode out) {
    ObjectNode message = Json.NODES.objectNode().put("role", "assistant");
    if (content.isTextual()) {
      out.add(message.put("content", content.asText()));
      return;
    }
    StringBuilder text = new StringBuilder();
    StringBuilder reasoning = new StringBuilder();
    ArrayNode toolCalls = Json.NODES.arrayNode();
    for (JsonNode block : content) {
      reportCacheControl(block);
      String type = block.path("type").asText();
      switch (type) {
        case "text" -> {
          appendBlock(text, block.path("text").asText());
          if (block.hasNonNull("citations")) {
            degradations.report("Citations on assistant text were dropped.");
          }
        }
        case "thinking" -> appendBlock(reasoning, block.path("thinking").asText());
        case "redacted_thinking" ->
            degradations.report(
                "A redacted_thinking block was dropped: only Anthropic can read its encrypted"
                    + " reasoning.");
        case "tool_use" -> {
          ObjectNode call = toolCalls.addObject();
          call.put("id", block.path("id").asText());
          call.put("type", "function");
          ObjectNode function = call.putObject("function");
          function.put("name", block.path("name").asText());
          JsonNode input = block.get("input");
          function.put("arguments", input == null || input.isNull() ? "{}" : Json.write(input));
        }
        default ->
            degradations.report(
                "A "
                    + type
                    + " block in an assistant turn was dropped: OpenAI-compatible upstreams have"
                    + " no equivalent.");
      }
    }
    // null with tool calls is how OpenAI itself answers, so every compatible server takes it back.
    if (text.length() > 0 || toolCalls.isEmpty()) {
      message.put("content", text.toString());
    } else {
      message.putNull("content");
    }
    if (reasoning.length() > 0
        || (!toolCalls.isEmpty() && ModelQuirks.needsReasoningOnToolCallTurns(model))) {
      message.put("reasoning_content", reasoning.toString());
    }
    if (!toolCalls.isEmpty()) {
      message.set("tool_calls", toolCalls);
    }
    out.add(message);
  }

  // --- tools --------------------------------------------------------------------------------

  /** Adds the function tools; returns whether any was added. */
  private boolean addTools(JsonNode tools, ObjectNode body) {
    if (tools == null || !tools.isArray() || tools.isEmpty()) {
      return false;
    }
    ArrayNode out = Json.NODES.arrayNode();
    List<String> deferred = new ArrayList<>();
    for (JsonNode tool : tools) {
      String name = tool.path("name").asText();
      String type = tool.path("type").asText("custom");
      if (!type.equals("custom")) {
        degradations.report(
            "The server tool "
                + name
                + " ("
                + type
                + ") was dropped: it runs only on Anthropic's servers.");
        continue;
      }
      if (tool.path("defer_loading").asBoolean(false) && !loadedTools.contains(name)) {
        deferred.add(name);
        continue;
      }
      out.add(functionTool(tool));
    }
    if (!deferred.isEmpty()) {
      degradations.report(
          deferred.size()
              + " deferred tool(s) left out until a tool_reference loads them, as Anthropic"
              + " would: "
              + String.join(", ", deferred)
              + ".");
    }
    if (out.isEmpty()) {
      return false;
    }
    body.set("tools", out);
    return true;
  }

  private ObjectNode functionTool(JsonNode tool) {
    ObjectNode function = Json.NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : tool.properties()) {
      switch (field.getKey()) {
        case "name", "type", "defer_loading" -> {
          // name is written first below; type and defer_loading were handled by the caller
        }
        case "cache_control" -> reportCacheControl(tool);
        case "description", "input_schema", "strict" -> {
          // written below, in OpenAI's order
        }
        default ->
            degradations.report(
                "The tool field "
                    + field.getKey()
                    + " was dropped: OpenAI function tools have no equivalent.");
      }
    }
    function.put("name", tool.path("name").asText());
    if (tool.hasNonNull("description")) {
      function.set("description", tool.get("description"));
    }
    JsonNode schema = tool.get("input_schema");
    function.set(
        "parameters",
        schema == null || !schema.isObject()
            ? Json.NODES
                .objectNode()
                .put("type", "object")
                .set("properties", Json.NODES.objectNode())
            : ToolSchemas.clean(schema, degradations).schema());
    if (tool.has("strict")) {
      function.set("strict", tool.get("strict"));
    }
    ObjectNode wrapper = Json.NODES.objectNode();
    wrapper.put("type", "function");
    wrapper.set("function", function);
    return wrapper;
  }

  private void addToolChoice(JsonNode choice, boolean hasTools, ObjectNode body) {
    if (choice == null || !choice.isObject()) {
      return;
    }
    String type = choice.path("type").asText();
    if (!hasTools) {
      if (type.equals("any") || type.equals("tool")) {
        degradations.report("tool_choice was dropped: no function tool is left to choose from.");
      }
      return;
    }
    switch (type) {
      case "auto" -> body.put("tool_choice", "auto");
      case "any" -> body.put("tool_choice", "required");
      case "none" -> body.put("tool_choice", "none");
      case "tool" -> {
        ObjectNode named = body.putObject("tool_choice");
        named.put("type", "function");
        named.putObject("function").put("name", choice.path("name").asText());
      }
      default ->
          degradations.report(
              "tool_choice \"" + type + "\" was dropped: the upstream has no equivalent.");
    }
    if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
      body.put("parallel_tool_calls", false);
    }
  }

  // --- sampling and limits ------------------------------------------------------------------

  private void addMaxTokens(JsonNode maxTokens, ObjectNode body) {
    if (maxTokens == null || !maxTokens.canConvertToLong()) {
      return;
    }
    long requested = maxTokens.asLong();
    OptionalInt limit = ModelQuirks.maxOutputTokens(model);
    long sent = requested;
    if (limit.isPresent() && requested > limit.getAsInt()) {
      sent = limit.getAsInt();
      degradations.report(
          "max_tokens "
              + requested
              + " was lowered to "
              + sent
              + ", the output limit of "
              + model
              + ", which refuses larger values.");
    }
    body.put(ModelQuirks.maxTokensField(model), sent);
  }

  private void copyNumber(String name, ObjectNode body) {
    JsonNode value = request.get(name);
    if (value != null && value.isNumber()) {
      body.set(name, value);
    }
  }

  private void addStop(JsonNode stopSequences, ObjectNode body) {
    if (stopSequences == null || !stopSequences.isArray() || stopSequences.isEmpty()) {
      return;
    }
    ArrayNode stop = body.putArray("stop");
    for (JsonNode sequence : stopSequences) {
      if (stop.size() == MAX_STOP_SEQUENCES) {
        degradations.report(
            "Stop sequences beyond the first "
                + MAX_STOP_SEQUENCES
                + " were dropped: OpenAI accepts no more.");
        break;
      }
      stop.add(sequence);
    }
  }

  private void addUser(JsonNode metadata, ObjectNode body) {
    if (metadata == null || !metadata.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : metadata.properties()) {
      if (field.getKey().equals("user_id")) {
        JsonNode userId = field.getValue();
        if (!userId.isNull()) {
          body.put("user", userId.isTextual() ? userId.asText() : Json.write(userId));
        }
      } else {
        degradations.report(
            "metadata." + field.getKey() + " was dropped: the upstream takes only a user id.");
      }
    }
  }

  /**
   * Structured output: Anthropic's {@code output_config.format} (or the older {@code
   * output_format}) becomes {@code response_format} json_schema. It is sent {@code strict} when the
   * schema meets OpenAI's strict rules, since Anthropic's structured outputs are guaranteed;
   * otherwise as guidance, which is what a non-strict upstream can promise.
   */
  private void addResponseFormat(ObjectNode body) {
    JsonNode format = request.path("output_config").get("format");
    if (format == null) {
      format = request.get("output_format");
    }
    if (format == null || format.isNull()) {
      return;
    }
    String type = format.path("type").asText();
    JsonNode schema = format.get("schema");
    if (!type.equals("json_schema") || schema == null || !schema.isObject()) {
      degradations.report(
          "The output format \"" + type + "\" was dropped: only json_schema has an equivalent.");
      return;
    }
    ToolSchemas.Cleaned cleaned = ToolSchemas.clean(schema, degradations);
    ObjectNode responseFormat = body.putObject("response_format");
    responseFormat.put("type", "json_schema");
    ObjectNode jsonSchema = responseFormat.putObject("json_schema");
    jsonSchema.put("name", "response");
    jsonSchema.set("schema", cleaned.schema());
    jsonSchema.put("strict", cleaned.strictCompatible());
  }

  /** One sentence per Anthropic-only top-level field: the relay drops them on purpose. */
  private void reportDroppedTopLevelFields() {
    for (Map.Entry<String, JsonNode> field : request.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      switch (name) {
        case "model",
            "messages",
            "system",
            "tools",
            "tool_choice",
            "max_tokens",
            "temperature",
            "top_p",
            "stop_sequences",
            "metadata",
            "stream",
            "output_format" -> {
          // translated above
        }
        case "thinking" ->
            degradations.report(
                "thinking ("
                    + value.path("type").asText("unknown")
                    + ") was not sent: OpenAI-compatible upstreams choose reasoning by model;"
                    + " their reasoning_content still returns as thinking.");
        case "output_config" -> {
          for (Map.Entry<String, JsonNode> option : value.properties()) {
            if (!option.getKey().equals("format")) {
              degradations.report(
                  "output_config."
                      + option.getKey()
                      + " was dropped: OpenAI-compatible upstreams have no portable equivalent.");
            }
          }
        }
        case "top_k" ->
            degradations.report("top_k was dropped: OpenAI Chat Completions has no top_k.");
        case "context_management" ->
            degradations.report(
                "context_management was dropped: the upstream edits no context server-side.");
        default ->
            degradations.report(
                name + " was dropped: it is not an OpenAI Chat Completions parameter.");
      }
    }
  }

  // --- helpers ------------------------------------------------------------------------------

  private void reportCacheControl(JsonNode node) {
    if (node.has("cache_control")) {
      degradations.report(
          "cache_control was dropped: OpenAI-compatible upstreams cache prompt prefixes on their"
              + " own.");
    }
  }

  private static void appendBlock(StringBuilder text, String block) {
    if (text.length() > 0) {
      text.append(BLOCK_SEPARATOR);
    }
    text.append(block);
  }

  /**
   * The content of one user message: a string while it is only text, a list of parts once it holds
   * an image.
   */
  private final class Parts {

    private final ArrayNode parts;
    private boolean onlyText;

    Parts() {
      this.parts = Json.NODES.arrayNode();
      this.onlyText = true;
    }

    void text(String text, JsonNode block) {
      if (block.hasNonNull("citations")) {
        degradations.report("Citations on user text were dropped.");
      }
      parts.addObject().put("type", "text").put("text", text);
    }

    void image(JsonNode block) {
      JsonNode source = block.path("source");
      String url =
          switch (source.path("type").asText()) {
            case "base64" ->
                "data:"
                    + source.path("media_type").asText()
                    + ";base64,"
                    + source.path("data").asText();
            case "url" -> source.path("url").asText();
            default -> null;
          };
      if (url == null) {
        degradations.report(
            "An image with a "
                + source.path("type").asText()
                + " source was dropped: the upstream takes base64 or URL images only.");
        return;
      }
      onlyText = false;
      ObjectNode part = parts.addObject().put("type", "image_url");
      part.putObject("image_url").put("url", url);
    }

    /** Plain-text documents become text; PDFs and files have no portable equivalent. */
    void document(JsonNode block) {
      JsonNode source = block.path("source");
      String type = source.path("type").asText();
      StringBuilder text = new StringBuilder();
      if (block.hasNonNull("title")) {
        text.append(block.path("title").asText()).append(BLOCK_SEPARATOR);
      }
      if (type.equals("text")) {
        text.append(source.path("data").asText());
      } else if (type.equals("content") && source.path("content").isArray()) {
        for (JsonNode part : source.path("content")) {
          if (part.path("type").asText().equals("text")) {
            appendBlock(text, part.path("text").asText());
          }
        }
      } else {
        degradations.report(
            "A document with a "
                + type
                + " source was dropped: OpenAI-compatible upstreams take text documents only.");
        return;
      }
      text(text.toString(), block);
    }

    boolean isEmpty() {
      return parts.isEmpty();
    }

    JsonNode toContent() {
      if (!onlyText) {
        return parts;
      }
      StringBuilder text = new StringBuilder();
      parts.forEach(part -> appendBlock(text, part.path("text").asText()));
      return Json.NODES.textNode(text.toString());
    }
  }
}
