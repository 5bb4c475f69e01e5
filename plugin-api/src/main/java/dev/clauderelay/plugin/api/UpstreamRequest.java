package dev.clauderelay.plugin.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A request as a transformer describes it; the relay's one upstream client sends it.
 *
 * @param path the path appended to the provider's base URL, such as {@code /chat/completions} (may
 *     carry a query string)
 * @param headers extra non-secret headers; the relay adds credentials and content type itself
 * @param body the JSON body
 */
public record UpstreamRequest(String path, Map<String, String> headers, JsonNode body) {}
