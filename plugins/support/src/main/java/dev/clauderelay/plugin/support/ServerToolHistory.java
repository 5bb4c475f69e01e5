package dev.clauderelay.plugin.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Anthropic server-tool blocks in a conversation's history ({@code server_tool_use}, {@code
 * web_search_tool_result}, {@code web_fetch_tool_result} and the other {@code *_tool_result}s), as
 * text a provider without server tools can read. A conversation that ran on Anthropic and moves to
 * another provider keeps what its searches and fetches found; the encrypted parts (search results'
 * {@code encrypted_content}, anything base64) are left out, since no other provider can read them.
 *
 * <p>Pure and stateless. Each text is bounded by {@link #MAX_TEXT_CHARS}, so a long fetched page
 * cannot grow the upstream request beyond what the client sent.
 */
public final class ServerToolHistory {

  /** The most characters one block's text may take (a fetched page is cut there). */
  public static final int MAX_TEXT_CHARS = 100_000;

  private ServerToolHistory() {}

  /** Whether {@code type} is a server tool's block that {@link #asText} reads. */
  public static boolean isServerToolBlock(String type) {
    return type.equals("server_tool_use")
        || (type.endsWith("_tool_result") && !type.equals("tool_result") && !type.isEmpty());
  }

  /**
   * The block as text, or {@code null} when it holds nothing another provider could read (an
   * unknown server tool's result, or one whose content is encrypted or binary only).
   */
  public static String asText(JsonNode block) {
    String type = block.path("type").asText();
    String text =
        switch (type) {
          case "server_tool_use" -> toolUse(block);
          case "web_search_tool_result" -> webSearch(block.path("content"));
          case "web_fetch_tool_result" -> webFetch(block.path("content"));
          default -> null;
        };
    if (text == null || text.length() <= MAX_TEXT_CHARS) {
      return text;
    }
    return text.substring(0, MAX_TEXT_CHARS) + "\n[cut by the relay]";
  }

  /**
   * The sentence a translator reports for each kind of server-tool block it turned into text or
   * dropped.
   */
  public static String degradation(String type, boolean keptAsText, String upstream) {
    return keptAsText
        ? type + " blocks in the history were sent as text: " + upstream + " has no server tools."
        : type + " blocks in the history were dropped: " + upstream + " cannot read them.";
  }

  private static String toolUse(JsonNode block) {
    JsonNode input = block.path("input");
    String name = block.path("name").asText("server_tool");
    if (name.equals("web_search") && input.hasNonNull("query")) {
      return "[web_search: " + input.path("query").asText() + "]";
    }
    if (name.equals("web_fetch") && input.hasNonNull("url")) {
      return "[web_fetch: " + input.path("url").asText() + "]";
    }
    return "[" + name + ": " + (input.isMissingNode() ? "{}" : Json.write(input)) + "]";
  }

  private static String webSearch(JsonNode content) {
    if (content.isObject()) {
      return "[web_search failed: " + content.path("error_code").asText("unknown") + "]";
    }
    if (!content.isArray()) {
      return null;
    }
    StringBuilder text = new StringBuilder("Web search results:");
    for (JsonNode result : content) {
      text.append("\n- ").append(result.path("title").asText("(untitled)"));
      if (result.hasNonNull("url")) {
        text.append(" <").append(result.path("url").asText()).append('>');
      }
      if (result.hasNonNull("page_age")) {
        text.append(" (").append(result.path("page_age").asText()).append(')');
      }
    }
    return text.toString();
  }

  private static String webFetch(JsonNode content) {
    String resultType = content.path("type").asText();
    if (resultType.equals("web_fetch_tool_error")) {
      return "[web_fetch failed: " + content.path("error_code").asText("unknown") + "]";
    }
    StringBuilder text = new StringBuilder("Fetched ");
    text.append(content.path("url").asText("(unknown url)")).append(':');
    JsonNode document = content.path("content");
    if (document.hasNonNull("title")) {
      text.append("\n").append(document.path("title").asText());
    }
    JsonNode source = document.path("source");
    if (source.path("type").asText().equals("text")) {
      text.append("\n").append(source.path("data").asText());
    } else {
      text.append("\n[").append(source.path("media_type").asText("binary"));
      text.append(" content left out: only Anthropic reads it here]");
    }
    return text.toString();
  }
}
