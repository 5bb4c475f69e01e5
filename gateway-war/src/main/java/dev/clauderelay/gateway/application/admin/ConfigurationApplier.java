package dev.clauderelay.gateway.application.admin;

import dev.clauderelay.gateway.domain.model.provider.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Applies a {@link ConfigurationFile} through the admin services, naming paths on failure. */
@ApplicationScoped
@Transactional
public class ConfigurationApplier {

  /** What an application changed, for the log. */
  public record Summary(int providers, int keysAdded, int routes, int clientKeys) {
    @Override
    public String toString() {
      return providers
          + " provider(s), "
          + keysAdded
          + " key(s) added, "
          + routes
          + " route(s), "
          + clientKeys
          + " client key(s)";
    }
  }

  @Inject private ProviderAdminService providers;
  @Inject private RouteAdminService routes;
  @Inject private ClientKeyAdminService clientKeys;

  public Summary apply(ConfigurationFile file, AdminActor actor) {
    int keysAdded = 0;
    for (int i = 0; i < file.providers().size(); i++) {
      ConfigurationFile.ProviderEntry entry = file.providers().get(i);
      Provider provider =
          at("providers[" + i + "]", () -> providers.upsert(entry.provider(), actor));
      for (int k = 0; k < entry.keys().size(); k++) {
        String secret = entry.keys().get(k);
        if (at(
            "providers[" + i + "].keys[" + k + "]",
            () -> providers.addKeyIfAbsent(provider.id(), secret, actor))) {
          keysAdded++;
        }
      }
    }
    for (int i = 0; i < file.routes().size(); i++) {
      RouteInput route = file.routes().get(i);
      RouteInput positioned =
          new RouteInput(
              route.scenario(),
              route.match(),
              route.provider(),
              route.model(),
              route.fallbacks(),
              route.threshold(),
              i,
              route.enabled());
      at("routes[" + i + "]", () -> routes.upsert(positioned, actor));
    }
    if (file.defaultRoute() != null) {
      at("defaultRoute", () -> routes.upsert(file.defaultRoute(), actor));
    }
    for (int i = 0; i < file.clientKeys().size(); i++) {
      ClientKeyInput key = file.clientKeys().get(i);
      at("clientKeys[" + i + "]", () -> clientKeys.upsert(key, actor));
    }
    return new Summary(
        file.providers().size(),
        keysAdded,
        file.routes().size() + (file.defaultRoute() == null ? 0 : 1),
        file.clientKeys().size());
  }

  private interface Step<T> {
    T run();
  }

  /** Runs a step, prefixing the path of the entry to any input error it raises. */
  private static <T> T at(String path, Step<T> step) {
    try {
      return step.run();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          path + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
    } catch (ConflictException | NotFoundException e) {
      throw new InvalidInputException(path, e.getMessage());
    }
  }
}
