package dev.clauderelay.admin.relay;

import dev.clauderelay.admin.api.AccountRequest;
import dev.clauderelay.admin.api.AccountSignInRequest;
import dev.clauderelay.admin.api.AdminSignIn;
import dev.clauderelay.admin.api.AdminToken;
import dev.clauderelay.admin.api.ClaudeAccountView;
import dev.clauderelay.admin.api.ClientKeyRequest;
import dev.clauderelay.admin.api.ClientKeyView;
import dev.clauderelay.admin.api.CostReport;
import dev.clauderelay.admin.api.IssuedClientKey;
import dev.clauderelay.admin.api.KeyBatchRequest;
import dev.clauderelay.admin.api.KeyBatchResult;
import dev.clauderelay.admin.api.KeyOperationReport;
import dev.clauderelay.admin.api.KeyOperationRequest;
import dev.clauderelay.admin.api.KeyPoolStats;
import dev.clauderelay.admin.api.KeyPoolStatus;
import dev.clauderelay.admin.api.KeyTestResult;
import dev.clauderelay.admin.api.MaintenanceReport;
import dev.clauderelay.admin.api.ModelCatalog;
import dev.clauderelay.admin.api.ModelSelectionRequest;
import dev.clauderelay.admin.api.PluginCatalog;
import dev.clauderelay.admin.api.PluginChange;
import dev.clauderelay.admin.api.PresetView;
import dev.clauderelay.admin.api.PriceRequest;
import dev.clauderelay.admin.api.PriceView;
import dev.clauderelay.admin.api.ProviderRequest;
import dev.clauderelay.admin.api.ProviderView;
import dev.clauderelay.admin.api.RelayHealth;
import dev.clauderelay.admin.api.RouteRequest;
import dev.clauderelay.admin.api.RouteView;
import dev.clauderelay.admin.api.SessionUsageReport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
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
        // The answers are the contract's records, read by Jackson as the gateway writes them;
        // Payara's default JSON-B provider must not take them first.
        .property("jersey.config.client.disableJsonBinding", true)
        .register(AdminApiJson.class)
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
    AdminSignIn credentials = new AdminSignIn(nullToEmpty(username), nullToEmpty(password));
    return call(() -> signedIn(api.signIn(credentials, browserAddress)));
  }

  /** A sign-in answer without a token is no sign-in, whatever else it says. */
  static AdminToken signedIn(AdminToken answer) {
    if (answer.token() == null || answer.token().isEmpty()) {
      throw new AdminApiJson.MalformedAnswerException("missing 'token'");
    }
    return answer;
  }

  public void signOut(String token, String browserAddress) {
    run(() -> api.signOut(bearer(token), browserAddress));
  }

  /** The relay's health; a relay that is down answers 503 with a report, returned all the same. */
  public RelayHealth health() {
    return call(
        () -> {
          try {
            return relaysOwn(api.health());
          } catch (RelayRefusedException e) {
            if (e.status() == 503) {
              return relaysOwn(AdminApiJson.read(e.body(), RelayHealth.class));
            }
            throw e;
          }
        });
  }

  /**
   * The relay's health report. An answer without a database section is someone else's health:
   * Payara's MicroProfile Health ({@code {"status":"UP","checks":[]}}) takes {@code /health} unless
   * it is switched off, and must not pass for the relay's.
   */
  static RelayHealth relaysOwn(RelayHealth answer) {
    if (answer.database() == null) {
      throw new AdminApiJson.MalformedAnswerException(
          "no database section: is Payara's MicroProfile Health answering /health instead of the"
              + " relay? (set-microprofile-healthcheck-configuration --enabled=false)");
    }
    return answer;
  }

  public PluginCatalog plugins(String token, String browserAddress) {
    return call(() -> api.plugins(bearer(token), browserAddress));
  }

  // Providers and their pools

  public List<ProviderView> providers(AdminCredentials who) {
    return call(() -> api.providers(who.bearer(), addr(who)).providers());
  }

  public ProviderView provider(AdminCredentials who, long id) {
    return call(() -> api.provider(id, who.bearer(), addr(who)));
  }

  public List<PresetView> presets(AdminCredentials who) {
    return call(() -> api.presets(who.bearer(), addr(who)).presets());
  }

  /**
   * Creates a provider ({@code id} null) or changes one; answers it as the relay stored it. Null
   * fields are left out: kept on a change, defaulted on a creation.
   */
  public ProviderView saveProvider(AdminCredentials who, Long id, ProviderRequest provider) {
    return call(
        () ->
            id == null
                ? api.createProvider(provider, who.bearer(), addr(who))
                : api.updateProvider(id, provider, who.bearer(), addr(who)));
  }

  public void deleteProvider(AdminCredentials who, long id) {
    run(() -> api.deleteProvider(id, who.bearer(), addr(who)));
  }

  // The key pool: /api/admin/key-pool/{providerId}

  public KeyPoolStatus keyPoolPage(AdminCredentials who, long providerId, KeyQuery query) {
    return call(
        () ->
            api.keyPool(
                providerId,
                query.offset(),
                query.limit(),
                query.status(),
                query.text(),
                query.sortParameter(),
                who.bearer(),
                addr(who)));
  }

  /**
   * Imports the keys of {@code text}, one per line; blank lines and lines starting with {@code #}
   * are skipped but counted, so each result names its line in {@code text}. With {@code test}, the
   * relay adds only the keys its upstream accepts: send at most {@value #PROBES_PER_CALL} then.
   */
  public List<KeyBatchResult.Item> keyPoolImport(
      AdminCredentials who, long providerId, String text, boolean test) {
    KeyBatchRequest batch = new KeyBatchRequest(null, text, null, null, null, null, test);
    RelayAdminApi client = test ? probingApi : api;
    return call(() -> client.importKeys(providerId, batch, who.bearer(), addr(who)).results());
  }

  /** {@code enable}, {@code disable} or {@code delete} some keys. */
  public KeyOperationReport keyPoolOperation(
      AdminCredentials who, long providerId, String operation, List<Long> keyIds) {
    KeyOperationRequest request = new KeyOperationRequest(operation, keyIds);
    return call(() -> api.operateOnKeys(providerId, request, who.bearer(), addr(who)));
  }

  /** Tests one key against its upstream now; the relay applies the verdict to the key's state. */
  public KeyTestResult keyPoolTest(AdminCredentials who, long providerId, long keyId) {
    return call(() -> probingApi.testKey(providerId, keyId, who.bearer(), addr(who)));
  }

  /**
   * Recovers the keys whose rest is over and probes up to {@value #PROBES_PER_CALL} invalid keys
   * now; the answer counts those left for another run.
   */
  public MaintenanceReport keyPoolMaintenance(AdminCredentials who, long providerId) {
    return call(
        () -> probingApi.maintainPool(providerId, PROBES_PER_CALL, who.bearer(), addr(who)));
  }

  /** The pool's totals and hourly traffic over the last {@code hours}; one key's with keyId. */
  public KeyPoolStats keyPoolStats(AdminCredentials who, long providerId, Long keyId, int hours) {
    return call(() -> api.poolStats(providerId, keyId, hours, 1, who.bearer(), addr(who)));
  }

  // Routing

  public ModelCatalog models(AdminCredentials who) {
    return call(() -> api.models(who.bearer(), addr(who)));
  }

  /** Makes {@code provider} (and {@code model}, or the requested model when null) the default. */
  public RouteView selectModel(AdminCredentials who, String provider, String model) {
    ModelSelectionRequest selection = new ModelSelectionRequest(provider, model);
    return call(() -> api.selectModel(selection, who.bearer(), addr(who)));
  }

  public List<RouteView> routes(AdminCredentials who) {
    return call(() -> api.routes(who.bearer(), addr(who)).routes());
  }

  /** Creates a rule ({@code id} null) or changes one; null fields are left out of the request. */
  public RouteView saveRoute(AdminCredentials who, Long id, RouteRequest route) {
    return call(
        () ->
            id == null
                ? api.createRoute(route, who.bearer(), addr(who))
                : api.updateRoute(id, route, who.bearer(), addr(who)));
  }

  public void deleteRoute(AdminCredentials who, long id) {
    run(() -> api.deleteRoute(id, who.bearer(), addr(who)));
  }

  // Plugins

  public PluginCatalog plugins(AdminCredentials who) {
    return call(() -> api.plugins(who.bearer(), addr(who)));
  }

  public PluginChange uploadPlugin(AdminCredentials who, byte[] jar) {
    return call(() -> api.uploadPlugin(jar, who.bearer(), addr(who)));
  }

  public PluginChange enablePlugin(AdminCredentials who, String id) {
    return call(() -> api.enablePlugin(id, who.bearer(), addr(who)));
  }

  public PluginChange disablePlugin(AdminCredentials who, String id, boolean force) {
    return call(() -> api.disablePlugin(id, force, who.bearer(), addr(who)));
  }

  public PluginChange removePlugin(AdminCredentials who, String id, boolean force) {
    return call(() -> api.removePlugin(id, force, who.bearer(), addr(who)));
  }

  // Client keys

  public List<ClientKeyView> clientKeys(AdminCredentials who) {
    return call(() -> api.clientKeys(who.bearer(), addr(who)).clientKeys());
  }

  /** Creates a key; the answer holds the clear key, the one time the relay shows it. */
  public IssuedClientKey createClientKey(AdminCredentials who, ClientKeyRequest key) {
    return call(() -> api.createClientKey(key, who.bearer(), addr(who)));
  }

  public ClientKeyView updateClientKey(AdminCredentials who, long id, ClientKeyRequest change) {
    return call(() -> api.updateClientKey(id, change, who.bearer(), addr(who)));
  }

  public void deleteClientKey(AdminCredentials who, long id) {
    run(() -> api.deleteClientKey(id, who.bearer(), addr(who)));
  }

  // Claude accounts

  public List<ClaudeAccountView> accounts(AdminCredentials who) {
    return call(() -> api.accounts(who.bearer(), addr(who)).accounts());
  }

  /** A new account: {@code oauth} (signs in next) or {@code api_key} with its key. */
  public ClaudeAccountView createAccount(
      AdminCredentials who, String name, String authType, String apiKey) {
    AccountRequest account = new AccountRequest(name, authType, apiKey);
    return call(() -> api.createAccount(account, who.bearer(), addr(who)));
  }

  public void deleteAccount(AdminCredentials who, long id) {
    run(() -> api.deleteAccount(id, who.bearer(), addr(who)));
  }

  /** Starts an OAuth sign-in: answers the URL where the person signs in to Claude. */
  public String startSignIn(AdminCredentials who, long id) {
    return call(
        () ->
            api.startSignIn(id, new AccountSignInRequest(null), who.bearer(), addr(who))
                .authorizeUrl());
  }

  /** Completes it with the {@code code#state} Claude showed. */
  public ClaudeAccountView completeSignIn(AdminCredentials who, long id, String code) {
    AccountSignInRequest pasted = new AccountSignInRequest(code);
    return call(() -> api.completeSignIn(id, pasted, who.bearer(), addr(who)));
  }

  public ClaudeAccountView refreshAccount(AdminCredentials who, long id) {
    return call(() -> api.refreshAccount(id, who.bearer(), addr(who)).account());
  }

  // Usage

  /** Usage per Claude Code session and sub-agent over the last {@code hours}, most recent first. */
  public SessionUsageReport sessionUsage(AdminCredentials who, int hours, int limit) {
    java.time.Instant to = java.time.Instant.now();
    return call(
        () ->
            api.sessionUsage(
                to.minus(java.time.Duration.ofHours(hours)).toString(),
                to.toString(),
                limit,
                who.bearer(),
                addr(who)));
  }

  /** Hourly usage over the last {@code hours}: all providers, one ({@code providerId}), one key. */
  public UsageSeries usage(AdminCredentials who, int hours, Long providerId, Long keyId) {
    return call(() -> UsageSeries.of(api.usage(hours, providerId, keyId, who.bearer(), addr(who))));
  }

  public List<PriceView> prices(AdminCredentials who) {
    return call(() -> api.prices(who.bearer(), addr(who)).prices());
  }

  public PriceView createPrice(AdminCredentials who, PriceRequest price) {
    return call(() -> api.createPrice(price, who.bearer(), addr(who)));
  }

  public PriceView updatePrice(AdminCredentials who, long id, PriceRequest price) {
    return call(() -> api.updatePrice(id, price, who.bearer(), addr(who)));
  }

  public void deletePrice(AdminCredentials who, long id) {
    run(() -> api.deletePrice(id, who.bearer(), addr(who)));
  }

  /** Cost hour by hour over the last {@code hours}, per provider, model or client-key. */
  public CostReport cost(AdminCredentials who, int hours, String by) {
    return call(() -> api.cost(hours, by, who.bearer(), addr(who)));
  }

  /** The request log of [{@code from}, {@code to}) as CSV; the caller closes the stream. */
  public java.io.InputStream requestsCsv(
      AdminCredentials who, java.time.Instant from, java.time.Instant to) {
    return call(() -> api.requestsCsv(from.toString(), to.toString(), who.bearer(), addr(who)));
  }

  private void run(Runnable request) {
    call(
        () -> {
          request.run();
          return null;
        });
  }

  private static String addr(AdminCredentials who) {
    return who.browserAddress();
  }

  private <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ProcessingException e) {
      AdminApiJson.MalformedAnswerException malformed = malformed(e);
      if (malformed != null) {
        throw unexpected(malformed);
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String reason =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      LOG.log(
          Level.WARNING,
          "The relay admin API at {0} does not answer: {1}",
          new Object[] {baseUri, reason});
      throw RelayUnreachableException.noAnswer(baseUrl(), reason, e);
    } catch (AdminApiJson.MalformedAnswerException e) {
      throw unexpected(e);
    }
  }

  /** Jersey wraps what a reader throws; the answer was there, only not the admin API's. */
  private static AdminApiJson.MalformedAnswerException malformed(ProcessingException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof AdminApiJson.MalformedAnswerException malformed) {
        return malformed;
      }
    }
    return null;
  }

  private RelayUnreachableException unexpected(AdminApiJson.MalformedAnswerException e) {
    LOG.log(
        Level.WARNING,
        "The relay admin API at {0} answered something unexpected: {1}",
        new Object[] {baseUri, e.getMessage()});
    return RelayUnreachableException.unexpectedAnswer(baseUrl(), e.getMessage(), e);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
