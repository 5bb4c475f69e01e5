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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  public static List<Provider> providers(String body) {
    List<Provider> providers = new ArrayList<>();
    for (JsonObject provider : objects(read(body), "providers")) {
      providers.add(provider(provider));
    }
    return providers;
  }

  public static Provider provider(String body) {
    return provider(read(body));
  }

  private static Provider provider(JsonObject p) {
    return new Provider(
        requiredNumber(p, "id"),
        requiredString(p, "name"),
        string(p, "kind"),
        string(p, "baseUrl"),
        nullableString(p, "transformer"),
        nullableString(p, "strategy"),
        strings(p, "models"),
        stringMap(p, "modelAliases"),
        p.getBoolean("enabled", true),
        p.getBoolean("available", true),
        nullableString(p, "unavailableReason"),
        (int) number(p, "keys"),
        (int) number(p, "usableKeys"));
  }

  public static List<ProviderPreset> presets(String body) {
    List<ProviderPreset> presets = new ArrayList<>();
    for (JsonObject p : objects(read(body), "presets")) {
      presets.add(
          new ProviderPreset(
              requiredString(p, "id"),
              string(p, "name"),
              string(p, "description"),
              string(p, "kind"),
              string(p, "baseUrl"),
              nullableString(p, "transformer"),
              nullableString(p, "strategy"),
              strings(p, "models")));
    }
    return presets;
  }

  /** The keys of {@code GET /api/admin/providers/{id}/keys}: the whole pool, unpaged. */
  public static List<PoolKey> providerKeys(String body) {
    List<PoolKey> keys = new ArrayList<>();
    for (JsonObject key : objects(read(body), "keys")) {
      keys.add(poolKey(key));
    }
    return keys;
  }

  /**
   * A page of {@code GET /api/admin/key-pool/{id}}. Lenient about names the key-pool API may settle
   * on: the counts as {@code counts}, {@code countsByState} or {@code byState}; the number of
   * matching keys as {@code matching}, {@code filtered} or {@code total}.
   */
  public static KeyPage keyPage(String body) {
    JsonObject root = read(body);
    Map<String, Integer> counts = new LinkedHashMap<>();
    JsonObject countObject =
        firstObject(root, "counts", "countsByState", "byState", "countByStatus");
    for (Map.Entry<String, JsonValue> entry : countObject.entrySet()) {
      if (entry.getValue() instanceof JsonNumber n) {
        counts.put(entry.getKey(), n.intValue());
      }
    }
    List<PoolKey> keys = new ArrayList<>();
    for (JsonObject key : objects(root, "keys")) {
      keys.add(poolKey(key));
    }
    long matching = -1;
    for (String name : List.of("matching", "filtered", "total")) {
      if (root.get(name) instanceof JsonNumber n) {
        matching = n.longValue();
        break;
      }
    }
    if (matching < 0) {
      matching = keys.size();
    }
    return new KeyPage((int) matching, counts, keys);
  }

  static PoolKey poolKey(JsonObject k) {
    String masked = string(k, "maskedKey");
    return new PoolKey(
        requiredNumber(k, "id"),
        masked.isEmpty() ? string(k, "key") : masked,
        nullableString(k, "label"),
        (int) Math.max(1, number(k, "weight")),
        string(k, "status"),
        instant(k, "statusUntil"),
        nullableString(k, "statusReason"),
        number(k, "requests"),
        number(k, "successes"),
        number(k, "failures"),
        number(k, "rateLimited"),
        instant(k, "lastUsedAt"),
        nullableString(k, "lastError"));
  }

  /**
   * The per-line results of {@code POST /api/admin/key-pool/{id}/keys/batch}: {@code results} (or
   * {@code keys}), each with a {@code status} ({@code added} or {@code created} when it went in) or
   * an {@code added} flag, and a {@code message} (or {@code error}).
   */
  public static List<ImportResult> importResults(String body, int firstLine) {
    List<ImportResult> results = new ArrayList<>();
    JsonObject root = read(body);
    List<JsonObject> items = objects(root, "results");
    if (items.isEmpty()) {
      items = objects(root, "keys");
    }
    int line = firstLine;
    for (JsonObject item : items) {
      String status = string(item, "status");
      JsonValue flag = item.get("added");
      boolean added =
          flag != null
              ? flag == JsonValue.TRUE
              : "added".equals(status) || "created".equals(status) || "ok".equals(status);
      String message = string(item, "message");
      if (message.isEmpty()) {
        message = string(item, "error");
      }
      if (message.isEmpty()) {
        message = status;
      }
      String masked = string(item, "maskedKey");
      results.add(
          new ImportResult(
              item.get("line") instanceof JsonNumber n ? n.intValue() + firstLine - 1 : line,
              masked.isEmpty() ? string(item, "key") : masked,
              added,
              message));
      line++;
    }
    return results;
  }

  public static List<Route> routes(String body) {
    List<Route> routes = new ArrayList<>();
    for (JsonObject route : objects(read(body), "routes")) {
      routes.add(route(route));
    }
    return routes;
  }

  public static Route route(String body) {
    return route(read(body));
  }

  private static Route route(JsonObject r) {
    List<Route.Target> fallbacks = new ArrayList<>();
    for (JsonObject target : objects(r, "fallbacks")) {
      fallbacks.add(new Route.Target(string(target, "provider"), nullableString(target, "model")));
    }
    return new Route(
        requiredNumber(r, "id"),
        (int) number(r, "position"),
        string(r, "scenario"),
        nullableString(r, "match"),
        string(r, "provider"),
        nullableString(r, "model"),
        fallbacks,
        r.get("threshold") instanceof JsonNumber n ? n.longValue() : null,
        r.getBoolean("enabled", true));
  }

  public static ModelCatalog models(String body) {
    JsonObject root = read(body);
    List<ModelCatalog.ProviderModels> providers = new ArrayList<>();
    for (JsonObject p : objects(root, "providers")) {
      providers.add(
          new ModelCatalog.ProviderModels(
              string(p, "provider"),
              string(p, "kind"),
              strings(p, "models"),
              p.getBoolean("enabled", true)));
    }
    Route selected = root.get("selected") instanceof JsonObject s ? route(s) : null;
    return new ModelCatalog(providers, selected);
  }

  public static List<ClientKey> clientKeys(String body) {
    List<ClientKey> keys = new ArrayList<>();
    for (JsonObject key : objects(read(body), "clientKeys")) {
      keys.add(clientKey(key));
    }
    return keys;
  }

  public static ClientKey clientKey(String body) {
    return clientKey(read(body));
  }

  /** The clear key of a creation answer ({@code keyShownOnce}); the one secret a page shows. */
  public static String issuedKey(String body) {
    return requiredString(read(body), "key");
  }

  private static ClientKey clientKey(JsonObject k) {
    return new ClientKey(
        requiredNumber(k, "id"),
        string(k, "name"),
        string(k, "key"),
        k.getBoolean("enabled", true),
        strings(k, "models"),
        (int) number(k, "rpmLimit"),
        instant(k, "expiresAt"),
        instant(k, "lastUsedAt"),
        instant(k, "createdAt"));
  }

  public static List<ClaudeAccount> accounts(String body) {
    List<ClaudeAccount> accounts = new ArrayList<>();
    for (JsonObject account : objects(read(body), "accounts")) {
      accounts.add(account(account));
    }
    return accounts;
  }

  public static ClaudeAccount account(String body) {
    return account(read(body));
  }

  /** The authorize URL of a started OAuth sign-in. */
  public static String authorizeUrl(String body) {
    return requiredString(read(body), "authorizeUrl");
  }

  private static ClaudeAccount account(JsonObject a) {
    return new ClaudeAccount(
        requiredNumber(a, "id"),
        string(a, "name"),
        string(a, "authType"),
        string(a, "status"),
        nullableString(a, "statusReason"),
        nullableString(a, "credential"),
        instant(a, "expiresAt"),
        instant(a, "lastRefreshAt"),
        instant(a, "rateLimitedUntil"),
        a.getBoolean("signInInProgress", false));
  }

  /**
   * {@code GET /api/admin/usage}: {@code {"series":[{"start", "requests", "successes", "errors",
   * "rateLimited", "inputTokens", "outputTokens", ...}]}}.
   */
  public static UsageSeries usage(String body) {
    List<UsageSeries.Hour> hours = new ArrayList<>();
    for (JsonObject h : objects(read(body), "series")) {
      hours.add(
          new UsageSeries.Hour(
              instant(h, "start"),
              number(h, "requests"),
              number(h, "successes"),
              number(h, "errors"),
              number(h, "rateLimited"),
              number(h, "inputTokens"),
              number(h, "outputTokens")));
    }
    return new UsageSeries(hours);
  }

  /**
   * A report (key test, maintenance) as lines a person can read: each top-level field as {@code
   * name: value}, nested objects flattened with dots; arrays counted, or listed when short.
   */
  public static List<String> report(String body) {
    List<String> lines = new ArrayList<>();
    flatten("", read(body), lines);
    return lines;
  }

  private static void flatten(String prefix, JsonObject object, List<String> lines) {
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      String name = prefix + entry.getKey();
      JsonValue value = entry.getValue();
      if (value instanceof JsonObject nested) {
        flatten(name + ".", nested, lines);
      } else if (value instanceof JsonArray array) {
        if (array.size() <= 5 && array.stream().noneMatch(v -> v instanceof JsonObject)) {
          lines.add(name + ": " + array.stream().map(AdminApiJson::plain).toList());
        } else {
          lines.add(name + ": " + array.size());
        }
      } else {
        lines.add(name + ": " + plain(value));
      }
    }
  }

  private static String plain(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : value.toString();
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

  private static long requiredNumber(JsonObject object, String name) {
    if (!(object.get(name) instanceof JsonNumber value)) {
      throw new MalformedAnswerException("missing '" + name + "'");
    }
    return value.longValue();
  }

  private static String nullableString(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : null;
  }

  private static Instant instant(JsonObject object, String name) {
    if (!(object.get(name) instanceof JsonString value) || value.getString().isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.getString());
    } catch (DateTimeParseException e) {
      throw new MalformedAnswerException(name + " is not an instant: " + value.getString());
    }
  }

  private static List<String> strings(JsonObject object, String name) {
    List<String> values = new ArrayList<>();
    for (JsonValue value : array(object, name)) {
      if (value instanceof JsonString s) {
        values.add(s.getString());
      }
    }
    return values;
  }

  private static Map<String, String> stringMap(JsonObject object, String name) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : object(object, name).entrySet()) {
      if (entry.getValue() instanceof JsonString s) {
        values.put(entry.getKey(), s.getString());
      }
    }
    return values;
  }

  private static List<JsonObject> objects(JsonObject object, String name) {
    List<JsonObject> values = new ArrayList<>();
    for (JsonValue value : array(object, name)) {
      if (value instanceof JsonObject o) {
        values.add(o);
      }
    }
    return values;
  }

  private static JsonObject firstObject(JsonObject object, String... names) {
    for (String name : names) {
      if (object.get(name) instanceof JsonObject value) {
        return value;
      }
    }
    return JsonValue.EMPTY_JSON_OBJECT;
  }

  private static JsonObject object(JsonObject object, String name) {
    return object.get(name) instanceof JsonObject value ? value : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static JsonArray array(JsonObject object, String name) {
    return object.get(name) instanceof JsonArray value ? value : JsonValue.EMPTY_JSON_ARRAY;
  }
}
