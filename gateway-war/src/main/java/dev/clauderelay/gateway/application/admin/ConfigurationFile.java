package dev.clauderelay.gateway.application.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clauderelay.gateway.domain.model.route.RouteTarget;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declarative configuration ({@code RELAY_CONFIG_FILE}, and {@code GET
 * /api/admin/config/export}): providers with their keys, routes, the default route, client keys.
 * Parsing checks every field and names the path of the first problem, such as {@code
 * providers[0].kind: unknown provider kind 'x'}; unknown fields are refused, so a typo is never
 * silently ignored.
 */
public record ConfigurationFile(
    List<ProviderEntry> providers,
    List<RouteInput> routes,
    RouteInput defaultRoute,
    List<ClientKeyInput> clientKeys) {

  /** A provider and the keys its pool should hold. */
  public record ProviderEntry(ProviderInput provider, List<String> keys) {}

  /** The document cannot be used; the message holds the path and the problem. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String path, String problem) {
      super(path + ": " + problem, null, false, false);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  public static ConfigurationFile parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Invalid(
          "(document)",
          "not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw new Invalid("(document)", "must be a JSON object");
    }
    onlyFields(root, "", Set.of("providers", "routes", "defaultRoute", "clientKeys"));
    List<ProviderEntry> providers = new ArrayList<>();
    forEach(root, "providers", (node, path) -> providers.add(provider(node, path)));
    List<RouteInput> routes = new ArrayList<>();
    forEach(root, "routes", (node, path) -> routes.add(route(node, path, null)));
    RouteInput defaultRoute =
        root.has("defaultRoute")
            ? route(root.get("defaultRoute"), "defaultRoute", "default")
            : null;
    List<ClientKeyInput> clientKeys = new ArrayList<>();
    forEach(root, "clientKeys", (node, path) -> clientKeys.add(clientKey(node, path)));
    return new ConfigurationFile(providers, routes, defaultRoute, clientKeys);
  }

  private static ProviderEntry provider(JsonNode node, String path) {
    requireObject(node, path);
    onlyFields(
        node,
        path,
        Set.of(
            "name",
            "kind",
            "baseUrl",
            "transformer",
            "strategy",
            "models",
            "modelAliases",
            "betasToDrop",
            "connectTimeoutMs",
            "firstByteTimeoutMs",
            "streamIdleTimeoutMs",
            "totalTimeoutMs",
            "enabled",
            "sessionAffinity",
            "claudeAccounts",
            "keys"));
    ProviderInput input =
        new ProviderInput(
            requiredText(node, path, "name"),
            requiredText(node, path, "kind"),
            text(node, path, "baseUrl"),
            text(node, path, "transformer"),
            text(node, path, "strategy"),
            strings(node, path, "models"),
            stringMap(node, path, "modelAliases"),
            strings(node, path, "betasToDrop"),
            integer(node, path, "connectTimeoutMs"),
            integer(node, path, "firstByteTimeoutMs"),
            integer(node, path, "streamIdleTimeoutMs"),
            integer(node, path, "totalTimeoutMs"),
            bool(node, path, "enabled"),
            bool(node, path, "sessionAffinity"),
            bool(node, path, "claudeAccounts"));
    List<String> keys = strings(node, path, "keys");
    return new ProviderEntry(input, keys == null ? List.of() : keys);
  }

  private static RouteInput route(JsonNode node, String path, String scenario) {
    requireObject(node, path);
    onlyFields(
        node,
        path,
        Set.of("scenario", "match", "provider", "model", "fallbacks", "threshold", "enabled"));
    List<RouteTarget> fallbacks = null;
    if (node.has("fallbacks")) {
      JsonNode list = node.get("fallbacks");
      if (!list.isArray()) {
        throw new Invalid(path + ".fallbacks", "must be an array");
      }
      fallbacks = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode entry = list.get(i);
        String entryPath = path + ".fallbacks[" + i + "]";
        if (entry.isTextual()) {
          fallbacks.add(new RouteTarget(entry.asText(), null));
        } else {
          requireObject(entry, entryPath);
          onlyFields(entry, entryPath, Set.of("provider", "model"));
          fallbacks.add(
              new RouteTarget(
                  requiredText(entry, entryPath, "provider"), text(entry, entryPath, "model")));
        }
      }
    }
    Long threshold = node.has("threshold") ? longValue(node, path, "threshold") : null;
    return new RouteInput(
        scenario != null ? scenario : text(node, path, "scenario"),
        scenario != null ? "*" : text(node, path, "match"),
        requiredText(node, path, "provider"),
        text(node, path, "model"),
        fallbacks,
        threshold,
        null,
        bool(node, path, "enabled"));
  }

  private static ClientKeyInput clientKey(JsonNode node, String path) {
    requireObject(node, path);
    onlyFields(node, path, Set.of("name", "key", "models", "rpmLimit", "expiresAt", "enabled"));
    Instant expiresAt = null;
    String expiry = text(node, path, "expiresAt");
    if (expiry != null) {
      try {
        expiresAt = Instant.parse(expiry);
      } catch (DateTimeParseException e) {
        throw new Invalid(
            path + ".expiresAt", "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
      }
    }
    return new ClientKeyInput(
        requiredText(node, path, "name"),
        requiredText(node, path, "key"),
        strings(node, path, "models"),
        integer(node, path, "rpmLimit"),
        expiresAt,
        bool(node, path, "enabled"));
  }

  // ---- small typed readers, each naming the path on failure ----

  private interface Visitor {
    void visit(JsonNode node, String path);
  }

  private static void forEach(JsonNode root, String field, Visitor visitor) {
    if (!root.has(field)) {
      return;
    }
    JsonNode list = root.get(field);
    if (!list.isArray()) {
      throw new Invalid(field, "must be an array");
    }
    for (int i = 0; i < list.size(); i++) {
      visitor.visit(list.get(i), field + "[" + i + "]");
    }
  }

  private static void requireObject(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new Invalid(path, "must be an object");
    }
  }

  private static void onlyFields(JsonNode node, String path, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new Invalid(
            (path.isEmpty() ? "" : path + ".") + name,
            "unknown field; known fields: " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static String requiredText(JsonNode node, String path, String field) {
    String value = text(node, path, field);
    if (value == null || value.isBlank()) {
      throw new Invalid(path + "." + field, "required");
    }
    return value;
  }

  private static String text(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new Invalid(path + "." + field, "must be a string");
    }
    return value.asText();
  }

  private static Integer integer(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new Invalid(path + "." + field, "must be a whole number");
    }
    return value.intValue();
  }

  private static Long longValue(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber()) {
      throw new Invalid(path + "." + field, "must be a whole number");
    }
    return value.longValue();
  }

  private static Boolean bool(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new Invalid(path + "." + field, "must be true or false");
    }
    return value.booleanValue();
  }

  private static List<String> strings(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw new Invalid(path + "." + field, "must be an array of strings");
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw new Invalid(path + "." + field + "[" + i + "]", "must be a string");
      }
      result.add(value.get(i).asText());
    }
    return result;
  }

  private static Map<String, String> stringMap(JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new Invalid(path + "." + field, "must be an object of strings");
    }
    Map<String, String> result = new LinkedHashMap<>();
    value
        .fields()
        .forEachRemaining(
            entry -> {
              if (!entry.getValue().isTextual()) {
                throw new Invalid(path + "." + field + "." + entry.getKey(), "must be a string");
              }
              result.put(entry.getKey(), entry.getValue().asText());
            });
    return result;
  }
}
