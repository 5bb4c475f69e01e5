package dev.clauderelay.admin.relay;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the admin API's JSON into records (an anti-corruption layer). Lenient about fields it does
 * not need, strict about the few without which a page would mislead: a sign-in without a token, a
 * health report without a status.
 */
public final class AdminApiJson {

  private AdminApiJson() {}

  /**
   * The {@code error.message} of an error answer, {@code {"type":"error","error":{...}}}; when the
   * body has no such message (a proxy's HTML page, an empty body), a sentence naming the status.
   */
  public static String errorMessage(int status, String body) {
    try {
      JsonObject root = read(body);
      JsonValue error = root.get("error");
      if (error instanceof JsonObject errorObject
          && errorObject.get("message") instanceof JsonString message
          && !message.getString().isBlank()) {
        return message.getString();
      }
    } catch (MalformedAnswerException e) {
      // Not the API's error shape: fall through to the generic sentence.
    }
    return "The relay answered HTTP " + status + " without an explanation.";
  }

  public static AdminToken adminToken(String body) {
    JsonObject root = read(body);
    String token = requiredString(root, "token");
    String expiresAt = requiredString(root, "expiresAt");
    try {
      return new AdminToken(string(root, "username"), Instant.parse(expiresAt), token);
    } catch (DateTimeParseException e) {
      throw new MalformedAnswerException("expiresAt is not an instant: " + expiresAt);
    }
  }

  /**
   * The relay's health report. An answer without a database section is someone else's health:
   * Payara's MicroProfile Health ({@code {"status":"UP","checks":[]}}) takes {@code /health} unless
   * it is switched off, and must not pass for the relay's.
   */
  public static RelayHealth health(String body) {
    JsonObject root = read(body);
    if (!(root.get("database") instanceof JsonObject database)) {
      throw new MalformedAnswerException(
          "no database section: is Payara's MicroProfile Health answering /health instead of the"
              + " relay? (set-microprofile-healthcheck-configuration --enabled=false)");
    }
    JsonObject plugins = object(root, "plugins");
    List<String> ids = new ArrayList<>();
    for (JsonValue id : array(plugins, "ids")) {
      if (id instanceof JsonString s) {
        ids.add(s.getString());
      }
    }
    return new RelayHealth(
        requiredString(root, "status"),
        string(root, "version"),
        number(root, "uptimeSeconds"),
        new RelayHealth.Database(
            string(database, "status"),
            database.getBoolean("embedded", false),
            number(database, "latencyMs"),
            database.get("error") instanceof JsonString error ? error.getString() : null),
        new RelayHealth.Plugins(
            (int) number(plugins, "loaded"), ids, (int) number(plugins, "strategies")));
  }

  public static PluginCatalog pluginCatalog(String body) {
    JsonObject root = read(body);
    List<PluginCatalog.Plugin> plugins = new ArrayList<>();
    for (JsonValue value : array(root, "plugins")) {
      if (!(value instanceof JsonObject plugin)) {
        continue;
      }
      List<PluginCatalog.Extension> extensions = new ArrayList<>();
      for (JsonValue extensionValue : array(plugin, "extensions")) {
        if (extensionValue instanceof JsonObject extension) {
          extensions.add(
              new PluginCatalog.Extension(
                  string(extension, "point"),
                  string(extension, "id"),
                  string(extension, "description")));
        }
      }
      plugins.add(
          new PluginCatalog.Plugin(
              requiredString(plugin, "id"),
              string(plugin, "version"),
              string(plugin, "provider"),
              string(plugin, "description"),
              string(plugin, "jar"),
              string(plugin, "state"),
              extensions));
    }
    return new PluginCatalog(string(root, "pluginsDir"), plugins);
  }

  /** The answer is not the admin API's JSON: a wrong URL, a proxy page, a gateway bug. */
  public static class MalformedAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedAnswerException(String message) {
      super(message);
    }
  }

  private static JsonObject read(String body) {
    if (body == null || body.isBlank()) {
      throw new MalformedAnswerException("empty answer");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value instanceof JsonObject object) {
        return object;
      }
      throw new MalformedAnswerException("expected a JSON object, got " + value.getValueType());
    } catch (JsonException e) {
      throw new MalformedAnswerException("not JSON");
    }
  }

  private static String requiredString(JsonObject object, String name) {
    String value = string(object, name);
    if (value.isEmpty()) {
      throw new MalformedAnswerException("missing '" + name + "'");
    }
    return value;
  }

  private static String string(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : "";
  }

  private static long number(JsonObject object, String name) {
    return object.get(name) instanceof JsonNumber value ? value.longValue() : 0L;
  }

  private static JsonObject object(JsonObject object, String name) {
    return object.get(name) instanceof JsonObject value ? value : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static JsonArray array(JsonObject object, String name) {
    return object.get(name) instanceof JsonArray value ? value : JsonValue.EMPTY_JSON_ARRAY;
  }
}
