package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.gateway.application.pool.KeyPoolService;
import dev.clauderelay.gateway.application.pool.NewKey;
import dev.clauderelay.gateway.application.topology.TopologyChanged;
import dev.clauderelay.gateway.domain.model.provider.Provider;
import dev.clauderelay.gateway.domain.model.provider.ProviderKey;
import dev.clauderelay.gateway.domain.model.provider.ProviderKind;
import dev.clauderelay.gateway.domain.model.provider.ProviderRepository;
import dev.clauderelay.gateway.domain.model.provider.ProviderSettings;
import dev.clauderelay.gateway.domain.model.route.Route;
import dev.clauderelay.gateway.domain.model.route.RouteRepository;
import dev.clauderelay.gateway.domain.shared.KeyFormat;
import dev.clauderelay.gateway.infrastructure.crypto.Secrets;
import dev.clauderelay.gateway.infrastructure.plugins.PluginRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Adds, changes and removes providers and the keys of their pools. */
@ApplicationScoped
@Transactional
public class ProviderAdminService {

  static final String DEFAULT_ANTHROPIC_URL = "https://api.anthropic.com";

  @Inject private ProviderRepository providers;
  @Inject private RouteRepository routes;
  @Inject private PluginRegistry plugins;
  @Inject private Audit audit;
  @Inject private Event<TopologyChanged> changed;
  @Inject private KeyPoolService keyPools;

  public List<Provider> list() {
    return providers.all();
  }

  public Provider get(long id) {
    return providers
        .find(id)
        .orElseThrow(() -> new NotFoundException("No provider with id " + id + "."));
  }

  public Optional<Provider> findByName(String name) {
    return providers.findByName(name);
  }

  public Provider create(ProviderInput input, AdminActor actor) {
    ProviderSettings settings = validate(input, null);
    if (providers.findByName(settings.name()).isPresent()) {
      throw new ConflictException("A provider named '" + settings.name() + "' exists already.");
    }
    Provider provider = new Provider(settings.name(), settings.kind(), settings.baseUrl());
    provider.configure(settings);
    provider = providers.save(provider);
    audit.record(actor, "provider.create", "provider", provider.id(), describe(settings));
    changed.fire(new TopologyChanged("provider " + settings.name() + " added"));
    return provider;
  }

  /**
   * Creates a provider with its first keys, all or nothing: the configuration file's shape, so an
   * admin scripting the API writes what the file holds.
   */
  public Provider create(ProviderInput input, List<String> keys, AdminActor actor) {
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      String field = "keys[" + i + "]";
      String key =
          KeyFormat.PROVIDER_KEY.require(
              keys.get(i), wrong -> new InvalidInputException(field, wrong.problem()));
      if (!seen.add(key)) {
        throw new InvalidInputException("keys[" + i + "]", "repeats an earlier key of this list");
      }
    }
    Provider provider = create(input, actor);
    for (String key : seen) {
      addKey(provider.id(), key, null, 1, actor);
    }
    return provider;
  }

  public Provider update(long id, ProviderInput input, AdminActor actor) {
    Provider provider = get(id);
    ProviderSettings previous = provider.settings();
    ProviderSettings settings = validate(input, previous);
    providers
        .findByName(settings.name())
        .filter(other -> !other.id().equals(provider.id()))
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "A provider named '" + settings.name() + "' exists already.");
            });
    provider.configure(settings);
    Provider saved = providers.save(provider);
    if (!previous.name().equals(settings.name())) {
      renameInFallbacks(previous.name(), settings.name());
    }
    audit.record(actor, "provider.update", "provider", id, describe(settings));
    changed.fire(new TopologyChanged("provider " + settings.name() + " changed"));
    return saved;
  }

  /** Creates the provider, or updates the one of the same name. */
  public Provider upsert(ProviderInput input, AdminActor actor) {
    Optional<Provider> existing =
        input.name() == null ? Optional.empty() : providers.findByName(input.name().strip());
    return existing.isPresent() ? update(existing.get().id(), input, actor) : create(input, actor);
  }

  public void delete(long id, AdminActor actor) {
    Provider provider = get(id);
    List<Route> using = routes.usingProvider(provider.id(), provider.name());
    if (!using.isEmpty()) {
      throw new ConflictException(
          "Provider '"
              + provider.name()
              + "' is used by "
              + using.stream()
                  .map(
                      r ->
                          r.scenario().name().toLowerCase()
                              + " route '"
                              + r.matchPattern()
                              + "' (id "
                              + r.id()
                              + ")")
                  .collect(Collectors.joining(", "))
              + "; change or delete those routes first.");
    }
    providers.delete(provider);
    audit.record(actor, "provider.delete", "provider", id, "name=" + provider.name());
    changed.fire(new TopologyChanged("provider " + provider.name() + " deleted"));
  }

  /**
   * Adds a key to a provider's pool (the key pool service does it; kept here for the providers API
   * and the configuration file).
   *
   * @throws ConflictException when the pool holds this key already
   */
  public ProviderKey addKey(
      long providerId, String secret, String label, Integer weight, AdminActor actor) {
    return keyPools.addKey(providerId, new NewKey(secret, label, weight, null, null), actor);
  }

  /** Adds the key unless the pool holds it already; for the configuration file. */
  public boolean addKeyIfAbsent(long providerId, String secret, AdminActor actor) {
    String trimmed = KeyFormat.PROVIDER_KEY.require(secret, InvalidInputException::ofKey);
    if (providers.findKeyByFingerprint(providerId, Secrets.sha256Hex(trimmed)).isPresent()) {
      return false;
    }
    addKey(providerId, trimmed, null, 1, actor);
    return true;
  }

  public List<ProviderKey> keys(long providerId) {
    get(providerId);
    return providers.keys(providerId);
  }

  private void renameInFallbacks(String oldName, String newName) {
    for (Route route : routes.all()) {
      if (route.fallbacks().stream().anyMatch(t -> t.provider().equals(oldName))) {
        route.configure(
            route.position(),
            route.scenario(),
            route.matchPattern(),
            route.providerId(),
            route.upstreamModel(),
            route.fallbacks().stream()
                .map(
                    t ->
                        t.provider().equals(oldName)
                            ? new dev.clauderelay.gateway.domain.model.route.RouteTarget(
                                newName, t.model())
                            : t)
                .toList(),
            route.threshold(),
            route.enabled());
        routes.save(route);
      }
    }
  }

  /** Checks an input, filling defaults from {@code previous} (an update) or the kind. */
  ProviderSettings validate(ProviderInput input, ProviderSettings previous) {
    String name =
        input.name() != null ? input.name().strip() : previous == null ? null : previous.name();
    if (name == null || name.isEmpty()) {
      throw new InvalidInputException("name", "required");
    }
    if (name.length() > 100 || !name.matches("[A-Za-z0-9._-]+")) {
      throw new InvalidInputException("name", "use up to 100 letters, digits, '.', '_' or '-'");
    }
    ProviderKind kind;
    if (input.kind() != null) {
      try {
        kind = ProviderKind.fromWireName(input.kind().strip());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("kind", e.getMessage());
      }
    } else if (previous != null) {
      kind = previous.kind();
    } else {
      throw new InvalidInputException("kind", "required: " + ProviderKind.accepted());
    }
    String baseUrl =
        input.baseUrl() != null
            ? input.baseUrl().strip()
            : previous != null ? previous.baseUrl() : null;
    if (baseUrl == null || baseUrl.isEmpty()) {
      if (kind != ProviderKind.ANTHROPIC) {
        throw new InvalidInputException(
            "baseUrl", "required for a " + kind.wireName() + " provider");
      }
      baseUrl = DEFAULT_ANTHROPIC_URL;
    }
    requireHttpUrl(baseUrl);
    String transformer =
        input.transformer() != null
            ? emptyToNull(input.transformer())
            : previous != null ? previous.transformerId() : null;
    if (transformer != null && plugins.transformer(transformer).isEmpty()) {
      throw new InvalidInputException(
          "transformer",
          "'" + transformer + "' is not loaded; loaded: " + plugins.transformers().keySet());
    }
    if (transformer == null
        && kind != ProviderKind.ANTHROPIC
        && plugins.transformerForKind(kind.wireName()).isEmpty()) {
      throw new InvalidInputException(
          "kind",
          "no loaded transformer serves '"
              + kind.wireName()
              + "'; add its plugin to the plugins folder");
    }
    String strategy =
        input.strategy() != null
            ? input.strategy().strip()
            : previous != null ? previous.strategyId() : "round-robin";
    if (plugins.strategy(strategy).isEmpty()) {
      throw new InvalidInputException(
          "strategy", "'" + strategy + "' is not loaded; loaded: " + plugins.strategies().keySet());
    }
    List<String> models =
        input.models() != null
            ? cleanList(input.models(), "models")
            : previous != null ? previous.models() : List.of();
    Map<String, String> aliases =
        input.modelAliases() != null
            ? cleanAliases(input.modelAliases())
            : previous != null ? previous.modelAliases() : Map.of();
    List<String> betas =
        input.betasToDrop() != null
            ? cleanList(input.betasToDrop(), "betasToDrop")
            : previous != null ? previous.betasToDrop() : List.of();
    int connect =
        timeout(
            "connectTimeoutMs",
            input.connectTimeoutMs(),
            previous == null ? 10_000 : previous.connectTimeoutMs());
    int firstByte =
        timeout(
            "firstByteTimeoutMs",
            input.firstByteTimeoutMs(),
            previous == null ? 300_000 : previous.firstByteTimeoutMs());
    int idle =
        timeout(
            "streamIdleTimeoutMs",
            input.streamIdleTimeoutMs(),
            previous == null ? 300_000 : previous.streamIdleTimeoutMs());
    int total =
        timeout(
            "totalTimeoutMs",
            input.totalTimeoutMs(),
            previous == null
                ? ProviderSettings.DEFAULT_TOTAL_TIMEOUT_MS
                : previous.totalTimeoutMs(),
            86_400_000);
    boolean enabled =
        input.enabled() != null ? input.enabled() : previous == null || previous.enabled();
    boolean sessionAffinity =
        input.sessionAffinity() != null
            ? input.sessionAffinity()
            : previous != null && previous.sessionAffinity();
    boolean claudeAccounts =
        input.claudeAccounts() != null
            ? input.claudeAccounts()
            : previous != null && previous.claudeAccounts();
    if (claudeAccounts && kind != ProviderKind.ANTHROPIC) {
      throw new InvalidInputException(
          "claudeAccounts", "only an anthropic provider can send with Claude accounts");
    }
    return new ProviderSettings(
        name,
        kind,
        baseUrl,
        transformer,
        strategy,
        models,
        aliases,
        betas,
        connect,
        firstByte,
        idle,
        total,
        enabled,
        sessionAffinity,
        claudeAccounts);
  }

  private static void requireHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new InvalidInputException(
            "baseUrl", "must be an http or https URL, such as https://api.deepseek.com/v1");
      }
      if (uri.getQuery() != null || uri.getFragment() != null) {
        throw new InvalidInputException("baseUrl", "must not carry a query or fragment");
      }
    } catch (URISyntaxException e) {
      throw new InvalidInputException("baseUrl", "is not a valid URL (" + e.getReason() + ")");
    }
  }

  private static int timeout(String field, Integer value, int fallback) {
    return timeout(field, value, fallback, 3_600_000);
  }

  private static int timeout(String field, Integer value, int fallback, int max) {
    if (value == null) {
      return fallback;
    }
    if (value < 100 || value > max) {
      throw new InvalidInputException(field, "must be between 100 and " + max + " milliseconds");
    }
    return value;
  }

  private static List<String> cleanList(List<String> values, String field) {
    for (String value : values) {
      if (value == null || value.isBlank() || value.length() > 200) {
        throw new InvalidInputException(
            field, "entries must be non-empty strings of up to 200 characters");
      }
    }
    return values.stream().map(String::strip).distinct().toList();
  }

  private static Map<String, String> cleanAliases(Map<String, String> aliases) {
    Map<String, String> clean = new LinkedHashMap<>();
    aliases.forEach(
        (alias, model) -> {
          if (alias == null || alias.isBlank() || model == null || model.isBlank()) {
            throw new InvalidInputException("modelAliases", "aliases and models must be non-empty");
          }
          clean.put(alias.strip(), model.strip());
        });
    return clean;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String describe(ProviderSettings settings) {
    return "name="
        + settings.name()
        + " kind="
        + settings.kind().wireName()
        + " baseUrl="
        + settings.baseUrl()
        + " strategy="
        + settings.strategyId()
        + " enabled="
        + settings.enabled();
  }
}
