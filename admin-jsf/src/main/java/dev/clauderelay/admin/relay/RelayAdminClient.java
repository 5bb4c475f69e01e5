package dev.clauderelay.admin.relay;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.ProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The console's only way to the gateway: calls the admin API and answers with records, a {@link
 * RelayRefusedException} (the gateway said no) or a {@link RelayUnreachableException} (it did not
 * answer). Built once with short timeouts, so a hung gateway costs a page at most ten seconds;
 * calls that wait for upstreams to answer probes (a key test, maintenance, a tested import) have a
 * minute, and ask for at most {@value #PROBES_PER_CALL} probes at a time.
 */
@ApplicationScoped
public class RelayAdminClient {

  private static final Logger LOG = Logger.getLogger(RelayAdminClient.class.getName());
  static final long CONNECT_TIMEOUT_MS = 2_000;
  static final long READ_TIMEOUT_MS = 10_000;

  /**
   * The relay waits up to 15 s for a probe's answer and runs 8 at once: 24 probes take at most 45
   * s, inside {@link #PROBING_READ_TIMEOUT_MS}.
   */
  public static final int PROBES_PER_CALL = 24;

  static final long PROBING_READ_TIMEOUT_MS = 60_000;

  private URI baseUri;
  private RelayAdminApi api;
  private RelayAdminApi probingApi;

  @PostConstruct
  void connect() {
    Config config = ConfigProvider.getConfig(RelayAdminClient.class.getClassLoader());
    baseUri =
        AdminApiUrl.resolve(
            config.getOptionalValue("RELAY_ADMIN_API_URL", String.class),
            config.getOptionalValue("RELAY_PORT", String.class));
    api = build(READ_TIMEOUT_MS);
    probingApi = build(PROBING_READ_TIMEOUT_MS);
    LOG.log(Level.INFO, "Admin console uses the relay admin API at {0}", baseUri);
  }

  private RelayAdminApi build(long readTimeoutMillis) {
    return RestClientBuilder.newBuilder()
        .baseUri(baseUri)
        .connectTimeout(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
        .property("microprofile.rest.client.disable.default.mapper", true)
        .register(RelayErrorMapper.class)
        .register(ConsoleProofHeader.class)
        .build(RelayAdminApi.class);
  }

  /** Resolves the URL at deployment, so a malformed RELAY_ADMIN_API_URL fails loudly and early. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    baseUrl();
  }

  @PreDestroy
  void disconnect() {
    for (RelayAdminApi client : List.of(api, probingApi)) {
      if (client instanceof Closeable closeable) {
        try {
          closeable.close();
        } catch (IOException e) {
          LOG.log(Level.FINE, "Closing the admin API client failed", e);
        }
      }
    }
  }

  /** The admin API base URL, for messages that tell the person where the console looked. */
  public String baseUrl() {
    return baseUri.toString();
  }

  public AdminToken signIn(String username, String password, String browserAddress) {
    String credentials =
        Json.createObjectBuilder()
            .add("username", nullToEmpty(username))
            .add("password", nullToEmpty(password))
            .build()
            .toString();
    return call(() -> AdminApiJson.adminToken(api.signIn(credentials, browserAddress)));
  }

  public void signOut(String token, String browserAddress) {
    call(
        () -> {
          api.signOut(bearer(token), browserAddress);
          return null;
        });
  }

  /** The relay's health; a relay that is down answers 503 with a report, returned all the same. */
  public RelayHealth health() {
    return call(
        () -> {
          try {
            return AdminApiJson.health(api.health());
          } catch (RelayRefusedException e) {
            if (e.status() == 503) {
              return AdminApiJson.health(e.body());
            }
            throw e;
          }
        });
  }

  public PluginCatalog plugins(String token, String browserAddress) {
    return call(() -> AdminApiJson.pluginCatalog(api.plugins(bearer(token), browserAddress)));
  }

  // Providers and their pools

  public List<Provider> providers(AdminCredentials who) {
    return call(() -> AdminApiJson.providers(api.get("providers", who.bearer(), addr(who))));
  }

  public Provider provider(AdminCredentials who, long id) {
    return call(() -> AdminApiJson.provider(api.get("providers", id(id), who.bearer(), addr(who))));
  }

  public List<ProviderPreset> presets(AdminCredentials who) {
    return call(
        () -> AdminApiJson.presets(api.get("providers", "presets", who.bearer(), addr(who))));
  }

  /** Creates a provider ({@code id} null) or changes one; answers it as the relay stored it. */
  public Provider saveProvider(AdminCredentials who, Long id, ProviderDraft draft) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    put(body, "name", draft.name());
    put(body, "kind", draft.kind());
    put(body, "baseUrl", draft.baseUrl());
    if (draft.transformer() != null) {
      body.add("transformer", draft.transformer()); // "" clears it
    }
    put(body, "strategy", draft.strategy());
    if (draft.models() != null) {
      body.add("models", strings(draft.models()));
    }
    if (draft.enabled() != null) {
      body.add("enabled", draft.enabled());
    }
    if (draft.sessionAffinity() != null) {
      body.add("sessionAffinity", draft.sessionAffinity());
    }
    if (draft.claudeAccounts() != null) {
      body.add("claudeAccounts", draft.claudeAccounts());
    }
    String json = body.build().toString();
    return call(
        () ->
            AdminApiJson.provider(
                id == null
                    ? api.post("providers", json, who.bearer(), addr(who))
                    : api.put("providers", id(id), json, who.bearer(), addr(who))));
  }

  public void deleteProvider(AdminCredentials who, long id) {
    run(() -> api.delete("providers", id(id), who.bearer(), addr(who)));
  }

  // The key pool: /api/admin/key-pool/{providerId}

  public KeyPage keyPoolPage(AdminCredentials who, long providerId, KeyQuery query) {
    return call(
        () ->
            AdminApiJson.keyPage(
                api.keyPoolPage(
                    providerId,
                    query.offset(),
                    query.limit(),
                    query.status(),
                    query.text(),
                    query.sortParameter(),
                    who.bearer(),
                    addr(who))));
  }

  /**
   * Imports the keys of {@code text}, one per line; blank lines and lines starting with {@code #}
   * are skipped but counted, so each result names its line in {@code text}. With {@code test}, the
   * relay adds only the keys its upstream accepts: send at most {@value #PROBES_PER_CALL} then.
   */
  public List<ImportResult> keyPoolImport(
      AdminCredentials who, long providerId, String text, boolean test) {
    String json = Json.createObjectBuilder().add("text", text).add("test", test).build().toString();
    RelayAdminApi client = test ? probingApi : api;
    return call(
        () ->
            AdminApiJson.importResults(
                client.post(
                    "key-pool", id(providerId), "keys", "batch", json, who.bearer(), addr(who))));
  }

  /** {@code enable}, {@code disable} or {@code delete} some keys. */
  public OperationReport keyPoolOperation(
      AdminCredentials who, long providerId, String operation, List<Long> keyIds) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    keyIds.forEach(ids::add);
    String json =
        Json.createObjectBuilder()
            .add("operation", operation)
            .add("keyIds", ids)
            .build()
            .toString();
    return call(
        () ->
            AdminApiJson.operationReport(
                api.post(
                    "key-pool",
                    id(providerId),
                    "keys",
                    "batch-operation",
                    json,
                    who.bearer(),
                    addr(who))));
  }

  /** Tests one key against its upstream now; the relay applies the verdict to the key's state. */
  public KeyTest keyPoolTest(AdminCredentials who, long providerId, long keyId) {
    return call(
        () ->
            AdminApiJson.keyTest(
                probingApi.post(
                    "key-pool",
                    id(providerId),
                    "keys",
                    id(keyId),
                    "test",
                    "{}",
                    who.bearer(),
                    addr(who))));
  }

  /**
   * Recovers the keys whose rest is over and probes up to {@value #PROBES_PER_CALL} invalid keys
   * now; the answer counts those left for another run.
   */
  public Maintenance keyPoolMaintenance(AdminCredentials who, long providerId) {
    return call(
        () ->
            AdminApiJson.maintenance(
                probingApi.keyPoolMaintenance(
                    providerId, PROBES_PER_CALL, "{}", who.bearer(), addr(who))));
  }

  /** The pool's totals and hourly traffic over the last {@code hours}; one key's with keyId. */
  public PoolStats keyPoolStats(AdminCredentials who, long providerId, Long keyId, int hours) {
    return call(
        () ->
            AdminApiJson.poolStats(
                api.keyPoolStats(providerId, keyId, hours, 1, who.bearer(), addr(who))));
  }

  // Routing

  public ModelCatalog models(AdminCredentials who) {
    return call(() -> AdminApiJson.models(api.get("models", who.bearer(), addr(who))));
  }

  /** Makes {@code provider} (and {@code model}, or the requested model when null) the default. */
  public Route selectModel(AdminCredentials who, String provider, String model) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("provider", provider);
    put(body, "model", model);
    String json = body.build().toString();
    return call(() -> AdminApiJson.route(api.post("select-model", json, who.bearer(), addr(who))));
  }

  public List<Route> routes(AdminCredentials who) {
    return call(() -> AdminApiJson.routes(api.get("routes", who.bearer(), addr(who))));
  }

  public Route saveRoute(AdminCredentials who, Long id, RouteDraft draft) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    put(body, "scenario", draft.scenario());
    put(body, "match", draft.match());
    put(body, "provider", draft.provider());
    if (draft.model() != null) {
      body.add("model", draft.model());
    }
    if (draft.fallbacks() != null) {
      JsonArrayBuilder fallbacks = Json.createArrayBuilder();
      for (Route.Target target : draft.fallbacks()) {
        JsonObjectBuilder t = Json.createObjectBuilder().add("provider", target.provider());
        put(t, "model", target.model());
        fallbacks.add(t);
      }
      body.add("fallbacks", fallbacks);
    }
    if (draft.threshold() != null) {
      body.add("threshold", draft.threshold());
    }
    if (draft.enabled() != null) {
      body.add("enabled", draft.enabled());
    }
    String json = body.build().toString();
    return call(
        () ->
            AdminApiJson.route(
                id == null
                    ? api.post("routes", json, who.bearer(), addr(who))
                    : api.put("routes", id(id), json, who.bearer(), addr(who))));
  }

  public void deleteRoute(AdminCredentials who, long id) {
    run(() -> api.delete("routes", id(id), who.bearer(), addr(who)));
  }

  // Client keys

  public List<ClientKey> clientKeys(AdminCredentials who) {
    return call(() -> AdminApiJson.clientKeys(api.get("client-keys", who.bearer(), addr(who))));
  }

  public IssuedClientKey createClientKey(AdminCredentials who, ClientKeyDraft draft) {
    String json = clientKeyBody(draft);
    return call(
        () -> {
          String answer = api.post("client-keys", json, who.bearer(), addr(who));
          return new IssuedClientKey(
              AdminApiJson.clientKey(answer), AdminApiJson.issuedKey(answer));
        });
  }

  public ClientKey updateClientKey(AdminCredentials who, long id, ClientKeyDraft draft) {
    String json = clientKeyBody(draft);
    return call(
        () ->
            AdminApiJson.clientKey(api.put("client-keys", id(id), json, who.bearer(), addr(who))));
  }

  public void deleteClientKey(AdminCredentials who, long id) {
    run(() -> api.delete("client-keys", id(id), who.bearer(), addr(who)));
  }

  private static String clientKeyBody(ClientKeyDraft draft) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    put(body, "name", draft.name());
    if (draft.models() != null) {
      body.add("models", strings(draft.models()));
    }
    if (draft.rpmLimit() != null) {
      body.add("rpmLimit", draft.rpmLimit());
    }
    if (draft.expiresAt() != null) {
      body.add(
          "expiresAt", Instant.EPOCH.equals(draft.expiresAt()) ? "" : draft.expiresAt().toString());
    }
    if (draft.enabled() != null) {
      body.add("enabled", draft.enabled());
    }
    return body.build().toString();
  }

  // Claude accounts

  public List<ClaudeAccount> accounts(AdminCredentials who) {
    return call(() -> AdminApiJson.accounts(api.get("claude-accounts", who.bearer(), addr(who))));
  }

  /** A new account: {@code oauth} (signs in next) or {@code api_key} with its key. */
  public ClaudeAccount createAccount(
      AdminCredentials who, String name, String authType, String apiKey) {
    JsonObjectBuilder body = Json.createObjectBuilder();
    put(body, "name", name);
    put(body, "authType", authType);
    put(body, "apiKey", apiKey);
    String json = body.build().toString();
    return call(
        () -> AdminApiJson.account(api.post("claude-accounts", json, who.bearer(), addr(who))));
  }

  public void deleteAccount(AdminCredentials who, long id) {
    run(() -> api.delete("claude-accounts", id(id), who.bearer(), addr(who)));
  }

  /** Starts an OAuth sign-in: answers the URL where the person signs in to Claude. */
  public String startSignIn(AdminCredentials who, long id) {
    return call(
        () ->
            AdminApiJson.authorizeUrl(
                api.post("claude-accounts", id(id), "auth", "{}", who.bearer(), addr(who))));
  }

  /** Completes it with the {@code code#state} Claude showed. */
  public ClaudeAccount completeSignIn(AdminCredentials who, long id, String code) {
    String json = Json.createObjectBuilder().add("code", code).build().toString();
    return call(
        () ->
            AdminApiJson.account(
                api.post("claude-accounts", id(id), "auth", json, who.bearer(), addr(who))));
  }

  public ClaudeAccount refreshAccount(AdminCredentials who, long id) {
    return call(
        () ->
            AdminApiJson.account(
                api.post("claude-accounts", id(id), "refresh", "{}", who.bearer(), addr(who))));
  }

  // Usage

  /** Hourly usage over the last {@code hours}: all providers, one ({@code providerId}), one key. */
  public UsageSeries usage(AdminCredentials who, int hours, Long providerId, Long keyId) {
    return call(
        () -> AdminApiJson.usage(api.usage(hours, providerId, keyId, who.bearer(), addr(who))));
  }

  private void run(Runnable request) {
    call(
        () -> {
          request.run();
          return null;
        });
  }

  private static String id(long id) {
    return Long.toString(id);
  }

  private static String addr(AdminCredentials who) {
    return who.browserAddress();
  }

  private static void put(JsonObjectBuilder body, String name, String value) {
    if (value != null) {
      body.add(name, value);
    }
  }

  private static JsonArrayBuilder strings(List<String> values) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ProcessingException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String reason =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      LOG.log(
          Level.WARNING,
          "The relay admin API at {0} does not answer: {1}",
          new Object[] {baseUri, reason});
      throw RelayUnreachableException.noAnswer(baseUrl(), reason, e);
    } catch (AdminApiJson.MalformedAnswerException e) {
      LOG.log(
          Level.WARNING,
          "The relay admin API at {0} answered something unexpected: {1}",
          new Object[] {baseUri, e.getMessage()});
      throw RelayUnreachableException.unexpectedAnswer(baseUrl(), e.getMessage(), e);
    }
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
