package dev.clauderelay.gateway.application.topology;

import dev.clauderelay.gateway.application.account.AccountPool;
import dev.clauderelay.gateway.application.account.AccountSnapshot;
import dev.clauderelay.gateway.application.account.AccountUpkeep;
import dev.clauderelay.gateway.application.budget.Budget;
import dev.clauderelay.gateway.application.pool.KeyModelStates;
import dev.clauderelay.gateway.application.pool.KeyPools;
import dev.clauderelay.gateway.application.pool.KeySnapshot;
import dev.clauderelay.gateway.application.pricing.Price;
import dev.clauderelay.gateway.application.pricing.PriceTable;
import dev.clauderelay.gateway.application.routing.ModelPattern;
import dev.clauderelay.gateway.application.routing.RouteTable;
import dev.clauderelay.gateway.application.routing.RouteTable.CompiledRoute;
import dev.clauderelay.gateway.application.routing.RouteTarget;
import dev.clauderelay.gateway.domain.model.account.AccountAuthType;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccount;
import dev.clauderelay.gateway.domain.model.account.ClaudeAccountRepository;
import dev.clauderelay.gateway.domain.model.clientkey.ClientKey;
import dev.clauderelay.gateway.domain.model.clientkey.ClientKeyRepository;
import dev.clauderelay.gateway.domain.model.price.ModelPrice;
import dev.clauderelay.gateway.domain.model.price.ModelPriceRepository;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.domain.model.provider.ProviderRepository;
import dev.clauderelay.gateway.domain.model.provider.ProviderSettings;
import dev.clauderelay.gateway.domain.model.route.Route;
import dev.clauderelay.gateway.domain.model.route.RouteRepository;
import dev.clauderelay.gateway.infrastructure.crypto.EncryptionService;
import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import dev.clauderelay.plugin.api.KeySelectionStrategy;
import dev.clauderelay.plugin.api.Transformer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Holds the current {@link RelayTopology} and rebuilds it from the database: at startup and once
 * after every transaction that changed the configuration commits ({@link TopologyChangeCollector}).
 * The request path reads {@link #current()} and nothing else.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "EncryptionService", "PluginRegistry"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class TopologyService {

  private static final Logger LOG = Logger.getLogger(TopologyService.class.getName());

  @Inject private ProviderRepository providers;
  @Inject private RouteRepository routes;
  @Inject private ClientKeyRepository clientKeys;
  @Inject private ModelPriceRepository prices;
  @Inject private EncryptionService encryption;
  @Inject private PluginRegistry plugins;
  @Inject private KeyModelStates modelStates;
  @Inject private ClaudeAccountRepository claudeAccounts;
  @Inject private AccountUpkeep accountUpkeep;

  private final KeyPools pools = new KeyPools(System::currentTimeMillis);
  @Inject private CurrentTopology published;

  @PostConstruct
  void start() {
    accountUpkeep.warmUp();
    published.accounts().upkeep(accountUpkeep);
    rebuild("startup");
  }

  /** The current snapshot; the request path reads it from {@link CurrentTopology}. */
  public RelayTopology current() {
    return published.get();
  }

  public KeyPools pools() {
    return pools;
  }

  /** The Claude accounts, for the providers that send with them. */
  public AccountPool accounts() {
    return published.accounts();
  }

  /** Reads the configuration and swaps in a new snapshot. */
  public synchronized void rebuild(String reason) {
    long started = System.nanoTime();
    List<Provider> allProviders = providers.all();
    List<ProviderKey> storedKeys = providers.allKeys();
    // Per-model states matter only to keys the pools do not hold yet (at startup, all of them).
    boolean restoring = storedKeys.stream().anyMatch(k -> !pools.holds(k.id()));
    Map<Long, List<KeySnapshot.ModelSnapshot>> models = restoring ? modelStates.load() : Map.of();
    Map<Long, String> ciphertexts = new HashMap<>();
    List<KeySnapshot> keys = new ArrayList<>(storedKeys.size());
    for (ProviderKey key : storedKeys) {
      keys.add(snapshot(key, models.getOrDefault(key.id(), List.of())));
      ciphertexts.put(key.id(), key.secretCiphertext());
    }
    pools.sync(
        allProviders.stream().map(Provider::id).toList(),
        allProviders.stream()
            .filter(p -> p.settings().sessionAffinity())
            .map(Provider::id)
            .collect(Collectors.toSet()),
        keys,
        keyId -> encryption.decrypt(ciphertexts.get(keyId)));

    syncAccounts();

    Map<Long, ProviderRuntime> byId = new LinkedHashMap<>();
    Map<String, ProviderRuntime> byName = new LinkedHashMap<>();
    for (Provider provider : allProviders) {
      ProviderRuntime runtime = runtime(provider);
      byId.put(runtime.id(), runtime);
      byName.put(runtime.name(), runtime);
    }
    RouteTable table = compileRoutes(routes.all(), byId, byName);
    Map<String, ClientKeyView> keysByHash = new HashMap<>();
    for (ClientKey key : clientKeys.all()) {
      keysByHash.put(key.keyHash(), view(key));
    }
    published.publish(
        new RelayTopology(
            Map.copyOf(byId),
            Map.copyOf(byName),
            table,
            Map.copyOf(keysByHash),
            advertisedModels(table, byId.values()),
            priceTable(prices.all())));
    LOG.log(
        Level.INFO,
        "Relay configuration loaded ({0}): {1} provider(s), {2} key(s), {3} client key(s) in {4} ms",
        new Object[] {
          reason,
          byId.size(),
          keys.size(),
          keysByHash.size(),
          (System.nanoTime() - started) / 1_000_000
        });
  }

  private void syncAccounts() {
    Map<Long, String> ciphertexts = new HashMap<>();
    List<AccountSnapshot> snapshots = new ArrayList<>();
    for (ClaudeAccount account : claudeAccounts.all()) {
      String ciphertext =
          account.authType() == AccountAuthType.OAUTH
              ? account.accessTokenCiphertext()
              : account.apiKeyCiphertext();
      ciphertexts.put(account.id(), ciphertext);
      snapshots.add(
          new AccountSnapshot(
              account.id(),
              account.name(),
              account.authType(),
              account.status(),
              account.statusReason(),
              ciphertext == null ? 0 : ciphertext.hashCode() | 1,
              account.maskedCredential(),
              account.authType() == AccountAuthType.OAUTH
                  && account.refreshTokenCiphertext() != null,
              toMillis(account.expiresAt()),
              toMillis(account.rateLimitedUntil()),
              toMillis(account.lastLimitedAt()),
              toMillis(account.updatedAt()),
              account.usageWindows()));
    }
    published.accounts().sync(snapshots, id -> encryption.decrypt(ciphertexts.get(id)));
  }

  private static KeySnapshot snapshot(ProviderKey key, List<KeySnapshot.ModelSnapshot> models) {
    return new KeySnapshot(
        key.id(),
        key.providerId(),
        key.secretCiphertext().hashCode(),
        key.masked(),
        key.label(),
        key.weight(),
        key.rpmLimit() == null ? 0 : key.rpmLimit(),
        key.concurrencyLimit() == null ? 0 : key.concurrencyLimit(),
        toMillis(key.createdAt()),
        key.adminRevision(),
        key.status(),
        toMillis(key.statusUntil()),
        key.statusReason(),
        key.totalRequests(),
        key.totalSuccesses(),
        key.totalFailures(),
        key.rateLimitedCount(),
        key.failuresKeyInvalid(),
        key.failuresQuota(),
        key.failuresOverloaded(),
        key.failuresUpstream(),
        key.clientErrors(),
        key.latencyMsTotal(),
        key.latencyCount(),
        toMillis(key.lastUsedAt()),
        key.lastError(),
        toMillis(key.lastErrorAt()),
        models);
  }

  private ProviderRuntime runtime(Provider provider) {
    ProviderSettings settings = provider.settings();
    List<String> problems = new ArrayList<>();
    if (!settings.enabled()) {
      problems.add("disabled by an admin");
    }
    KeySelectionStrategy strategy = plugins.strategy(settings.strategyId()).orElse(null);
    if (strategy == null) {
      problems.add("key selection strategy '" + settings.strategyId() + "' is not loaded");
    }
    Transformer transformer = null;
    if (settings.kind() != ProviderKind.ANTHROPIC || settings.transformerId() != null) {
      Optional<Transformer> found =
          settings.transformerId() != null
              ? plugins.transformer(settings.transformerId())
              : plugins.transformerForKind(settings.kind().wireName());
      transformer = found.orElse(null);
      if (transformer == null) {
        problems.add(
            "transformer '"
                + Optional.ofNullable(settings.transformerId()).orElse(settings.kind().wireName())
                + "' is not loaded");
      }
    }
    Set<String> betas = new LinkedHashSet<>();
    settings.betasToDrop().forEach(b -> betas.add(b.strip().toLowerCase(Locale.ROOT)));
    return new ProviderRuntime(
        provider.id(),
        settings.name(),
        settings.kind(),
        URI.create(stripTrailingSlash(settings.baseUrl())),
        transformer,
        strategy,
        settings.models(),
        settings.modelAliases(),
        Set.copyOf(betas),
        Duration.ofMillis(settings.connectTimeoutMs()),
        Duration.ofMillis(settings.firstByteTimeoutMs()),
        Duration.ofMillis(settings.streamIdleTimeoutMs()),
        Duration.ofMillis(settings.totalTimeoutMs()),
        settings.claudeAccounts(),
        problems.isEmpty() ? null : String.join("; ", problems),
        pools.pool(provider.id()));
  }

  private static RouteTable compileRoutes(
      List<Route> all, Map<Long, ProviderRuntime> byId, Map<String, ProviderRuntime> byName) {
    RouteTable.Builder table = RouteTable.builder();
    for (Route route : all) {
      if (!route.enabled()) {
        continue;
      }
      ProviderRuntime provider = byId.get(route.providerId());
      if (provider == null) {
        continue;
      }
      List<RouteTarget> targets = new ArrayList<>();
      targets.add(new RouteTarget(provider, route.upstreamModel()));
      for (var fallback : route.fallbacks()) {
        ProviderRuntime fallbackProvider = byName.get(fallback.provider());
        if (fallbackProvider == null) {
          LOG.warning(
              () ->
                  "Route "
                      + route.id()
                      + " names an unknown fallback provider '"
                      + fallback.provider()
                      + "'; skipped");
          continue;
        }
        targets.add(new RouteTarget(fallbackProvider, fallback.model()));
      }
      String description =
          route.scenario().name().toLowerCase(Locale.ROOT)
              + " route '"
              + route.matchPattern()
              + "'";
      CompiledRoute compiled =
          new CompiledRoute(
              route.id(),
              description,
              new ModelPattern(route.matchPattern()),
              route.threshold() == null ? Long.MAX_VALUE : route.threshold(),
              List.copyOf(targets));
      switch (route.scenario()) {
        case MODEL -> table.model(compiled);
        case BACKGROUND -> table.background(compiled);
        case LONG_CONTEXT -> table.longContext(compiled);
        case THINK -> table.thinking(compiled);
        case DEFAULT -> table.fallback(compiled);
      }
    }
    for (ProviderRuntime provider : byId.values()) {
      provider
          .modelAliases()
          .forEach(
              (alias, model) ->
                  table.alias(
                      new CompiledRoute(
                          -provider.id(),
                          "alias '" + alias + "' of provider '" + provider.name() + "'",
                          new ModelPattern(alias),
                          Long.MAX_VALUE,
                          List.of(new RouteTarget(provider, model)))));
    }
    return table.build();
  }

  private static List<String> advertisedModels(
      RouteTable table, Iterable<ProviderRuntime> providers) {
    Set<String> models = new LinkedHashSet<>(table.exactModels());
    for (ProviderRuntime provider : providers) {
      for (String model : provider.models()) {
        if (model.toLowerCase(Locale.ROOT).contains("claude")) {
          models.add(model);
        }
      }
      models.addAll(provider.modelAliases().keySet());
    }
    return List.copyOf(models);
  }

  private static ClientKeyView view(ClientKey key) {
    return new ClientKeyView(
        key.id(),
        key.name(),
        key.enabled(),
        key.allowedModels().stream().map(ModelPattern::new).toList(),
        key.rpmLimit() == null ? 0 : key.rpmLimit(),
        toMillis(key.expiresAt()),
        new Budget(
            nanos(key.dailyCostLimit()),
            nanos(key.weeklyCostLimit()),
            nanos(key.monthlyCostLimit()),
            key.dailyTokenLimit() == null ? 0 : key.dailyTokenLimit(),
            key.weeklyTokenLimit() == null ? 0 : key.weeklyTokenLimit(),
            key.monthlyTokenLimit() == null ? 0 : key.monthlyTokenLimit(),
            key.concurrencyLimit() == null ? 0 : key.concurrencyLimit()));
  }

  private static long nanos(java.math.BigDecimal amount) {
    return amount == null ? 0 : amount.movePointRight(9).longValue();
  }

  private static PriceTable priceTable(List<ModelPrice> stored) {
    List<Price> compiled = new ArrayList<>(stored.size());
    for (ModelPrice price : stored) {
      try {
        compiled.add(
            new Price(
                new ModelPattern(price.modelPattern()),
                price.currency(),
                price.inputPerMtok(),
                price.outputPerMtok(),
                price.cacheWritePerMtok(),
                price.cacheReadPerMtok()));
      } catch (IllegalArgumentException e) {
        LOG.warning(() -> "Price for '" + price.modelPattern() + "' ignored: " + e.getMessage());
      }
    }
    return new PriceTable(compiled);
  }

  private static long toMillis(LocalDateTime time) {
    return time == null ? 0 : time.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static String stripTrailingSlash(String url) {
    String result = url.strip();
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
