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
        p.getBoolean("sessionAffinity", false),
        p.getBoolean("claudeAccounts", false),
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

  /**
   * A page of {@code GET /api/admin/key-pool/{id}}: {@code counts} (the whole pool by state, with
   * {@code limited_for_a_model}, {@code total} and {@code usable}) and {@code keys} ({@code total}
   * matching the filter, the page's {@code items}).
   */
  public static KeyPage keyPage(String body) {
    JsonObject root = read(body);
    JsonObject counts = requiredObject(root, "counts");
    Map<String, Integer> byState = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : counts.entrySet()) {
      if (!NOT_STATES.contains(entry.getKey()) && entry.getValue() instanceof JsonNumber n) {
        byState.put(entry.getKey(), n.intValue());
      }
    }
    JsonObject keys = requiredObject(root, "keys");
    List<PoolKey> items = new ArrayList<>();
    for (JsonObject key : objects(keys, "items")) {
      items.add(poolKey(key));
    }
    return new KeyPage(
        new KeyPage.Counts(
            byState,
            (int) number(counts, "limited_for_a_model"),
            (int) requiredNumber(counts, "total"),
            (int) number(counts, "usable")),
        (int) requiredNumber(keys, "total"),
        items);
  }

  /** Entries of a pool's {@code counts} that are not states a key is in. */
  private static final List<String> NOT_STATES = List.of("limited_for_a_model", "total", "usable");

  private static PoolKey poolKey(JsonObject k) {
    List<PoolKey.ModelLimit> limits = new ArrayList<>();
    for (JsonObject limit : objects(k, "modelLimits")) {
      limits.add(
          new PoolKey.ModelLimit(
              string(limit, "model"),
              string(limit, "status"),
              instant(limit, "until"),
              nullableString(limit, "reason")));
    }
    return new PoolKey(
        requiredNumber(k, "id"),
        requiredString(k, "key"),
        nullableString(k, "label"),
        (int) Math.max(1, number(k, "weight")),
        requiredString(k, "status"),
        instant(k, "statusUntil"),
        nullableString(k, "statusReason"),
        limits,
        instant(k, "nextProbeAt"),
        (int) number(k, "inFlight"),
        number(k, "requests"),
        number(k, "successes"),
        number(k, "failures"),
        number(k, "rateLimited"),
        number(k, "averageLatencyMs"),
        instant(k, "lastUsedAt"),
        nullableString(k, "lastError"));
  }

  /**
   * The {@code results} of {@code POST /api/admin/key-pool/{id}/keys/batch} sent as {@code text}:
   * one per key line, each with its {@code line} in the text, the masked {@code key}, its {@code
   * result}, a {@code reason} (with {@code repeats} for a repeated line) and {@code message} when
   * it was not added, and the {@code upstream} answer when tested.
   */
  public static List<ImportResult> importResults(String body) {
    List<ImportResult> results = new ArrayList<>();
    for (JsonObject item : objects(read(body), "results")) {
      results.add(
          new ImportResult(
              (int) requiredNumber(item, "line"),
              string(item, "key"),
              requiredString(item, "result"),
              nullableString(item, "reason"),
              item.get("repeats") instanceof JsonNumber repeats ? repeats.intValue() : null,
              nullableString(item, "message"),
              item.get("upstream") instanceof JsonObject upstream ? probe(upstream) : null));
    }
    return results;
  }

  /** The answer of {@code POST /api/admin/key-pool/{id}/keys/batch-operation}. */
  public static OperationReport operationReport(String body) {
    JsonObject root = read(body);
    List<OperationReport.Result> results = new ArrayList<>();
    for (JsonObject item : objects(root, "results")) {
      results.add(
          new OperationReport.Result(
              requiredNumber(item, "keyId"),
              nullableString(item, "key"),
              "done".equals(string(item, "result")),
              nullableString(item, "message")));
    }
    return new OperationReport(
        requiredString(root, "operation"),
        (int) requiredNumber(root, "done"),
        (int) number(root, "notFound"),
        results);
  }

  /** The answer of {@code POST /api/admin/key-pool/{id}/keys/{keyId}/test}. */
  public static KeyTest keyTest(String body) {
    JsonObject root = read(body);
    return new KeyTest(
        requiredNumber(root, "keyId"),
        string(root, "key"),
        probe(requiredObject(root, "upstream")),
        requiredString(root, "statusBefore"),
        requiredString(root, "status"));
  }

  /** The answer of {@code POST /api/admin/key-pool/{id}/maintenance}. */
  public static Maintenance maintenance(String body) {
    JsonObject root = read(body);
    return new Maintenance(
        changes(requiredArray(root, "recovered")),
        changes(requiredArray(root, "probed")),
        (int) number(root, "returned"),
        (int) number(root, "invalidNotProbed"));
  }

  private static List<Maintenance.Change> changes(JsonArray array) {
    List<Maintenance.Change> changes = new ArrayList<>();
    for (JsonValue value : array) {
      if (value instanceof JsonObject c) {
        changes.add(
            new Maintenance.Change(
                requiredNumber(c, "keyId"),
                string(c, "key"),
                requiredString(c, "from"),
                requiredString(c, "to"),
                nullableString(c, "note"),
                c.get("upstream") instanceof JsonObject upstream ? probe(upstream) : null));
      }
    }
    return changes;
  }

  private static KeyProbe probe(JsonObject p) {
    return new KeyProbe(
        p.get("status") instanceof JsonNumber status ? status.intValue() : null,
        p.getBoolean("passed", false),
        p.getBoolean("keyAccepted", false),
        nullableString(p, "errorClass"),
        nullableString(p, "message"),
        instant(p, "retryAt"),
        number(p, "latencyMs"));
  }

  /**
   * {@code GET /api/admin/key-pool/{id}/stats}: the {@code totals} and the hourly {@code series}
   * (each {@code hour}, {@code requests}, {@code successes}, {@code failures}, {@code rateLimited},
   * tokens), oldest first.
   */
  public static PoolStats poolStats(String body) {
    JsonObject root = read(body);
    JsonObject t = requiredObject(root, "totals");
    Map<String, Long> failuresByClass = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : object(t, "failuresByClass").entrySet()) {
      if (entry.getValue() instanceof JsonNumber n) {
        failuresByClass.put(entry.getKey(), n.longValue());
      }
    }
    PoolStats.Totals totals =
        new PoolStats.Totals(
            (int) requiredNumber(t, "keys"),
            requiredNumber(t, "requests"),
            number(t, "successes"),
            number(t, "failures"),
            failuresByClass,
            number(t, "clientErrors"),
            number(t, "rateLimited"),
            number(t, "averageLatencyMs"));
    List<UsageSeries.Hour> hours = new ArrayList<>();
    for (JsonValue value : requiredArray(root, "series")) {
      if (value instanceof JsonObject h) {
        hours.add(
            new UsageSeries.Hour(
                requiredInstant(h, "hour"),
                number(h, "requests"),
                number(h, "successes"),
                number(h, "failures"),
                number(h, "rateLimited"),
                number(h, "inputTokens"),
                number(h, "outputTokens")));
      }
    }
    return new PoolStats(totals, new UsageSeries(hours));
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
        a.getBoolean("signInInProgress", false),
        a.get("sinceStart") instanceof JsonObject live ? traffic(live) : null);
  }

  private static ClaudeAccount.Traffic traffic(JsonObject t) {
    return new ClaudeAccount.Traffic(
        (int) number(t, "inFlight"),
        number(t, "requests"),
        number(t, "successes"),
        number(t, "failures"),
        number(t, "rateLimited"),
        instant(t, "lastUsedAt"),
        nullableString(t, "lastError"),
        t.getBoolean("refreshing", false));
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

  private static JsonObject requiredObject(JsonObject object, String name) {
    if (!(object.get(name) instanceof JsonObject value)) {
      throw new MalformedAnswerException("missing '" + name + "'");
    }
    return value;
  }

  private static JsonArray requiredArray(JsonObject object, String name) {
    if (!(object.get(name) instanceof JsonArray value)) {
      throw new MalformedAnswerException("missing '" + name + "'");
    }
    return value;
  }

  private static Instant requiredInstant(JsonObject object, String name) {
    Instant value = instant(object, name);
    if (value == null) {
      throw new MalformedAnswerException("missing '" + name + "'");
    }
    return value;
  }

  private static JsonObject object(JsonObject object, String name) {
    return object.get(name) instanceof JsonObject value ? value : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static JsonArray array(JsonObject object, String name) {
    return object.get(name) instanceof JsonArray value ? value : JsonValue.EMPTY_JSON_ARRAY;
  }
}
